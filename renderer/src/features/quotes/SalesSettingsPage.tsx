// Quote & invoice settings (#/quotes/settings): the business as the PDFs print it, the sales rules (rounding per
// line or per document, prices with or without VAT, locale, page size, currency, default tax rate, validity,
// reminders, payment terms), the standard terms and bank details, and the numbering patterns with an example.
import { Anchor, Button, Fieldset, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'wouter';
import { checkNumberPattern, formatNumber, nextNumber } from '../../../../shared/domain/numbering';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { IpcError } from '../../../../shared/ipc/errors';
import { useDocument } from '../../api/documents';
import { type SalesSettingsRow, useNumberSeries, useQuoteTaxRates, useSalesSettings, useSetLogo, useUpdateSalesSettings } from '../../api/quotes';
import pageClasses from '../../ui/ListPage.module.css';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { RecordGate } from '../../ui/RecordGate';
import { useUnsavedGuard } from '../../ui/unsaved-changes';

export function SalesSettingsPage() {
  return (
    <RecordGate query={useSalesSettings()} what="quote and invoice settings" back={{ href: '/quotes', label: 'Back to quotes' }}>
      {(settings) => <SettingsForm settings={settings} />}
    </RecordGate>
  );
}

type LastNumber = ChannelOutput<'quotes.settings.series'>['quote'];

/** The number the next send would give with this pattern (as main's series would), or what is wrong with the pattern. */
function patternHint(pattern: string, resetYearly: boolean, last: LastNumber = null): { example: string | null; error: string | null } {
  const issue = checkNumberPattern(pattern, resetYearly)[0];
  if (issue) return { example: null, error: issue.message };
  return { example: formatNumber(pattern, nextNumber(last, new Date().getFullYear(), resetYearly)), error: null };
}

function Numbering({ form, kind }: { form: ReturnType<typeof useForm<SalesSettingsRow>>; kind: 'quote' | 'invoice' }) {
  const pattern = kind === 'quote' ? 'quotePattern' : 'invoicePattern';
  const reset = kind === 'quote' ? 'quoteResetYearly' : 'invoiceResetYearly';
  const series = useNumberSeries();
  const hint = patternHint(form.values[pattern], form.values[reset], series.data?.[kind] ?? null);
  return (
    <Stack gap={4}>
      <TextInput
        label={kind === 'quote' ? 'Quote numbers' : 'Invoice numbers'}
        description="{YYYY} or {YY} for the year, {NNNN} for the running number (one N per digit)"
        {...form.getInputProps(pattern)}
        error={hint.error ?? form.errors[pattern]}
      />
      <Switch label="Start again at 1 each year" {...form.getInputProps(reset, { type: 'checkbox' })} />
      {hint.example && (
        <Text size="sm" c="dimmed" aria-live="polite">
          Next {kind === 'quote' ? 'quote' : 'invoice'} sent: <strong>{hint.example}</strong>
        </Text>
      )}
    </Stack>
  );
}

/** The logo is saved at once (it is a file, not a field of the form); the name of the stored picture shows. */
function Logo({ settings }: { settings: SalesSettingsRow }) {
  const setLogo = useSetLogo();
  const doc = useDocument(settings.logoDocumentId ?? undefined);
  return (
    <Group gap="sm" mt="sm">
      <Text size="sm">Logo: {settings.logoDocumentId ? (doc.data?.name ?? '…') : 'none'}</Text>
      <Button variant="default" size="xs" loading={setLogo.isPending && !setLogo.variables} onClick={() => setLogo.mutate(false)}>
        Choose logo…
      </Button>
      {settings.logoDocumentId && (
        <Button variant="subtle" size="xs" color="red" onClick={() => setLogo.mutate(true)}>
          Remove logo
        </Button>
      )}
      <Text size="xs" c="dimmed">
        A PNG or JPEG picture, at most 2 MB, printed at the top of quotes and invoices.
      </Text>
    </Group>
  );
}

function SettingsForm({ settings }: { settings: SalesSettingsRow }) {
  const update = useUpdateSalesSettings();
  const rates = useQuoteTaxRates();
  const form = useForm<SalesSettingsRow>({ initialValues: settings });
  const save = async (): Promise<boolean> => {
    const values = form.getValues();
    if (patternHint(values.quotePattern, values.quoteResetYearly).error || patternHint(values.invoicePattern, values.invoiceResetYearly).error) return false;
    try {
      const { logoDocumentId: _logo, ...rest } = values;
      const saved = await whileSaving(() => update.mutateAsync(rest));
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
      notifySuccess('Quote & invoice settings saved', 'sales-settings');
      return true;
    } catch (error) {
      if (error instanceof IpcError && error.code === 'VALIDATION') {
        form.setErrors(Object.fromEntries(error.issues.map((i) => [i.path, i.message])));
        notifyError(error);
      }
      return false;
    }
  };
  const { whileSaving } = useUnsavedGuard({ what: 'the quote and invoice settings', isDirty: () => form.isDirty(), save });
  const rateOptions = (rates.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));

  return (
    <div className={pageClasses.scrollPage}>
      <form
        className={pageClasses.content}
        aria-label="Quote and invoice settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Anchor component={Link} href="/quotes" size="sm">
          ← Quotes
        </Anchor>
        <PageHeader
          title="Quote & invoice settings"
          actions={
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save settings
            </Button>
          }
        />
        <Stack gap="lg" mt="md">
          <Fieldset legend="Your business, as printed on quotes and invoices">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Business name" {...form.getInputProps('businessName')} />
              <TextInput label="Email" type="email" {...form.getInputProps('email')} />
              <Textarea label="Address" autosize minRows={3} {...form.getInputProps('address')} />
              <Stack gap="sm">
                <TextInput label="Phone" {...form.getInputProps('phone')} />
                <TextInput label="VAT number" {...form.getInputProps('vatNumber')} />
                <TextInput label="Company number" {...form.getInputProps('companyNumber')} />
              </Stack>
            </SimpleGrid>
            <Logo settings={settings} />
          </Fieldset>
          <Fieldset legend="Prices and tax">
            <Stack gap="sm">
              <Radio.Group label="Rounding of VAT" {...form.getInputProps('rounding')}>
                <Stack gap={4} mt={4}>
                  <Radio value="line" label="Per line: each line’s VAT is rounded, and the total is their sum (what most invoices in the UK show)" />
                  <Radio value="document" label="Per document: VAT is worked out on each rate’s total and rounded once (can differ by a penny or two)" />
                </Stack>
              </Radio.Group>
              <Switch label="New quotes have prices that include VAT" {...form.getInputProps('pricesIncludeTax', { type: 'checkbox' })} />
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <TextInput label="Currency" description="Three letters, e.g. GBP" {...form.getInputProps('currency')} />
                <Select label="Default tax rate" data={rateOptions} clearable {...form.getInputProps('defaultTaxRateId')} />
                <TextInput label="Locale" description="Numbers and dates, e.g. en-GB" {...form.getInputProps('locale')} />
                <Select label="Page size" data={['A4', 'Letter']} allowDeselect={false} {...form.getInputProps('pageSize')} />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Fieldset legend="Dates">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput label="Quotes are valid for (days)" min={1} max={365} allowDecimal={false} {...form.getInputProps('quoteValidityDays')} />
              <NumberInput label="Remind me before a quote expires (days)" min={0} max={60} allowDecimal={false} {...form.getInputProps('expiryReminderDays')} />
              <NumberInput label="Payment terms (days)" min={0} max={365} allowDecimal={false} {...form.getInputProps('paymentTermsDays')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Terms and bank details">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea label="Quote terms" autosize minRows={3} {...form.getInputProps('quoteTerms')} />
              <Textarea label="Invoice terms" autosize minRows={3} {...form.getInputProps('invoiceTerms')} />
              <Textarea label="Bank details" description="Printed on invoices" autosize minRows={3} {...form.getInputProps('bankDetails')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Numbering">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Numbering form={form} kind="quote" />
              <Numbering form={form} kind="invoice" />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="xs">
              A number is given when a quote or invoice is sent, never to a draft, so there are no gaps.
            </Text>
          </Fieldset>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </div>
  );
}
