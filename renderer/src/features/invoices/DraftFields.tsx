// A draft invoice's editable terms: due date, payment terms (days), notes and terms. Lines come from the quote or
// job and are changed there; a sent invoice is final, so this form is shown for drafts only.
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type InvoiceRow, useUpdateInvoice } from '../../api/invoices';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';

const FIELDS = ['dueDate', 'paymentTermsDays', 'notes', 'terms'] as const;

export function DraftFields({ invoice }: { invoice: InvoiceRow }) {
  const update = useUpdateInvoice();
  const form = useForm({
    initialValues: { dueDate: invoice.dueDate ?? '', paymentTermsDays: invoice.paymentTermsDays as number | string, notes: invoice.notes ?? '', terms: invoice.terms ?? '' },
    validate: { paymentTermsDays: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 365 ? null : 'Enter a number of days from 0 to 365') },
  });
  const submit = form.onSubmit((v) =>
    update.mutate(
      { id: invoice.id, dueDate: v.dueDate || null, paymentTermsDays: Number(v.paymentTermsDays), notes: v.notes, terms: v.terms },
      {
        onSuccess: (saved) => {
          form.setInitialValues({ dueDate: saved.dueDate ?? '', paymentTermsDays: saved.paymentTermsDays, notes: saved.notes ?? '', terms: saved.terms ?? '' });
          form.resetDirty();
          notifySuccess('Invoice saved', `invoice-saved-${invoice.id}`);
        },
        onError: (error) => showFieldIssues(error, FIELDS, form.setErrors),
      },
    ),
  );
  return (
    <Paper component="section" aria-label="Terms" withBorder p="md">
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label="Due date" description="Left empty: the issue date plus the payment terms" {...form.getInputProps('dueDate')} />
            <NumberInput label="Payment terms (days)" min={0} max={365} allowDecimal={false} {...form.getInputProps('paymentTermsDays')} />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          <Textarea label="Terms" autosize minRows={2} {...form.getInputProps('terms')} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={update.isPending} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
