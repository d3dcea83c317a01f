// The builder of a draft quote: title, valid until, prices with or without VAT, the lines, a whole-quote discount,
// notes and terms, and the live totals (priceDocument, as main prices the save). Save with unsaved-changes
// protection and a kept draft; Preview PDF and Send save first, so what goes out is what is on screen.
import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconEye, IconSend } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { IpcError, type FieldIssue } from '../../../../shared/ipc/errors';
import { type QuoteRow, useQuotePdf, useQuoteTaxRates, useSalesSettings, useUpdateQuote } from '../../api/quotes';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useUnsavedGuard } from '../../ui/unsaved-changes';
import { DraftRestoredNote } from '../../ui/unsaved-draft-note';
import { localDraftStore, useFormDraft } from '../../ui/use-draft';
import { LinesEditor } from './LinesEditor';
import { DISCOUNT_KINDS } from './quote-text';
import { SendDialog } from './SendDialog';
import { TotalsPanel } from './TotalsPanel';
import { priceValues, updateInput, valuesOfQuote, type LineTax, type QuoteFormValues } from './quote-draft';

const drafts = localDraftStore<QuoteFormValues>('rapport.quoteDraft');

/** Issues as form errors; a line's description is `lines.3.description` from main and `text` on screen. */
const errorsOf = (issues: readonly FieldIssue[]) => Object.fromEntries(issues.map((i) => [i.path.replace(/\.description$/, '.text'), i.message]));

/** Issues about a field left empty are not shown while typing; they are after a save attempt. */
function liveErrors(values: QuoteFormValues, issues: readonly FieldIssue[], attempted: boolean): Record<string, string> {
  if (attempted) return errorsOf(issues);
  return errorsOf(
    issues.filter((i) => {
      const m = /^lines\.(\d+)\.(quantityMilli|unitPriceE4)$/.exec(i.path);
      const line = m ? values.lines[Number(m[1])] : undefined;
      return !line || (m![2] === 'quantityMilli' ? line.quantity.trim() : line.unitPrice.trim()) !== '';
    }),
  );
}

export function QuoteBuilder({ q }: { q: QuoteRow }) {
  const settings = useSalesSettings();
  const rates = useQuoteTaxRates();
  const update = useUpdateQuote();
  const pdf = useQuotePdf();
  const form = useForm<QuoteFormValues>({ initialValues: valuesOfQuote(q) });
  const draft = useFormDraft(drafts, q.id, form);
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const sendButton = useRef<HTMLButtonElement>(null);
  const priced = useMemo(() => priceValues(form.values, { currency: q.currency, rounding: q.rounding }), [form.values, q.currency, q.rounding]);
  const defaultRate = rates.data?.items.find((r) => r.id === settings.data?.defaultTaxRateId);
  const defaultTaxes: LineTax[] = defaultRate ? [{ taxRateId: defaultRate.id, rateMilli: defaultRate.rateMilli, label: defaultRate.name }] : [];

  const save = async (): Promise<boolean> => {
    setAttempted(true);
    const values = form.getValues();
    const built = updateInput(values, q.currency);
    if ('issues' in built) {
      form.setErrors(errorsOf(built.issues));
      return false;
    }
    try {
      await whileSaving(() => update.mutateAsync({ id: q.id, ...built.input }));
      form.resetDirty(values);
      draft.clear();
      setAttempted(false);
      return true;
    } catch (error) {
      if (error instanceof IpcError && error.code === 'VALIDATION') {
        form.setErrors(errorsOf(error.issues));
        notifyError(error);
      }
      return false;
    }
  };
  const { whileSaving } = useUnsavedGuard({ what: 'this quote', isDirty: () => form.isDirty(), save, discard: draft.clear });
  const saveFirst = async () => !form.isDirty() || (await save());

  const preview = async () => {
    if (!(await saveFirst())) return;
    const result = await pdf.mutateAsync({ id: q.id, saveAs: false }).catch(() => null);
    if (result) notifySuccess(result.path ? 'Preview opened: marked DRAFT, it is not kept' : 'Preview made');
  };

  const errors = { ...liveErrors(form.values, priced.issues, attempted), ...(form.errors as Record<string, string>) };
  return (
    <Stack gap="md" mt="md">
      {draft.restored && <DraftRestoredNote onDiscard={draft.discard} />}
      <Group justify="space-between">
        <Switch label="Prices include VAT" {...form.getInputProps('pricesIncludeTax', { type: 'checkbox' })} />
        <Group gap="xs">
          <Button variant="default" leftSection={<IconEye size={16} />} loading={pdf.isPending} onClick={() => void preview()}>
            Preview PDF
          </Button>
          <Button variant="light" onClick={() => void save()} loading={update.isPending} disabled={!form.isDirty()}>
            Save
          </Button>
          <Button ref={sendButton} leftSection={<IconSend size={16} />} onClick={() => setSending(true)}>
            Send…
          </Button>
        </Group>
      </Group>
      {q.revision > 1 && <Alert color="blue">Revision {q.revision}: sending it replaces the earlier version, which stays on record.</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <TextInput label="Valid until" type="date" {...form.getInputProps('validUntil')} />
      </SimpleGrid>
      <LinesEditor form={form} currency={q.currency} defaultTaxes={defaultTaxes} errors={errors} amounts={priced.amounts} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Group align="flex-end" gap="xs">
            <Select label="Discount on the whole quote" data={DISCOUNT_KINDS} allowDeselect={false} w={240} {...form.getInputProps('discountKind')} />
            {form.values.discountKind !== 'none' && (
              <TextInput
                label={form.values.discountKind === 'percent' ? 'Quote discount %' : 'Quote discount amount'}
                inputMode="decimal"
                w={160}
                {...form.getInputProps('discount')}
                error={errors['discount.milliPct'] ?? errors['discount.minor']}
              />
            )}
          </Group>
          <Textarea label="Notes" description="Printed above the terms" autosize minRows={2} {...form.getInputProps('notes')} />
          <Textarea label="Terms" description="Empty: the terms in Quote & invoice settings" autosize minRows={2} {...form.getInputProps('terms')} />
        </Stack>
        <div>
          <TotalsPanel totals={priced.totals} currency={q.currency} pricesIncludeTax={form.values.pricesIncludeTax} skipped={priced.skipped} />
        </div>
      </SimpleGrid>
      {sending && (
        <SendDialog
          q={q}
          saveFirst={saveFirst}
          onClose={() => {
            setSending(false);
            sendButton.current?.focus();
          }}
        />
      )}
    </Stack>
  );
}
