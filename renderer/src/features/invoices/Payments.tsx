// A sent invoice's payments: the list (date, method, amount, note), Record payment (amount prefilled with the
// balance, today's date, the method) and Delete for a payment recorded by mistake, after a confirmation.
import { ActionIcon, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { currencyDigits, minorToDecimal, parseMoney } from '../../../../shared/domain/money';
import { type InvoiceRow, useDeletePayment, useRecordPayment } from '../../api/invoices';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';
import { ConfirmModal } from './ConfirmModal';
import { PAYMENT_METHODS, type PaymentMethod, dayText, methodLabel, money, todayDay } from './invoice-text';

type PaymentRow = InvoiceRow['payments'][number];

export function Payments({ invoice }: { invoice: InvoiceRow }) {
  const [recording, setRecording] = useState(false);
  const [deleting, setDeleting] = useState<PaymentRow | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a dialog closes, focus goes back to Record payment; when paying in full takes that button away (the saved
  // invoice may render a moment after the dialog closed), the section's heading takes the focus instead of the page.
  const canPay = invoice.balanceMinor > 0 && invoice.status !== 'void';
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || recording || deleting) return;
    refocus.current = false;
    (recordButton.current ?? heading.current)?.focus();
  }, [recording, deleting]);
  useEffect(() => {
    if (!canPay && document.activeElement === document.body) heading.current?.focus();
  }, [canPay]);
  const closeRecording = () => {
    refocus.current = true;
    setRecording(false);
  };
  const closeDeleting = () => {
    refocus.current = true;
    setDeleting(null);
  };
  return (
    <Paper component="section" aria-label="Payments" withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" ref={heading} tabIndex={-1}>
          Payments
        </Title>
        {canPay && (
          <Button ref={recordButton} size="xs" leftSection={<IconPlus size={14} />} onClick={() => setRecording(true)}>
            Record payment
          </Button>
        )}
      </Group>
      {invoice.payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No payments yet. Record one when the money arrives; paid in full moves the job to Paid.
        </Text>
      ) : (
        <Table aria-label="Payments received" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Paid on</Table.Th>
              <Table.Th>Method</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.payments.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{dayText(p.paidOn)}</Table.Td>
                <Table.Td>{methodLabel(p.method)}</Table.Td>
                <Table.Td>{p.note}</Table.Td>
                <Table.Td ta="right">{money(invoice, p.amountMinor)}</Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete payment of ${money(invoice, p.amountMinor)} on ${dayText(p.paidOn)}`} onClick={() => setDeleting(p)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end" gap="xl" mt="sm">
        <Text size="sm">Paid {money(invoice, invoice.paidMinor)}</Text>
        <Text size="sm" fw={700} aria-label="Balance">
          Balance {money(invoice, invoice.balanceMinor)}
        </Text>
      </Group>
      {recording && <RecordPaymentModal invoice={invoice} onClose={closeRecording} />}
      {deleting && <DeletePaymentModal invoice={invoice} payment={deleting} onClose={closeDeleting} />}
    </Paper>
  );
}

function RecordPaymentModal({ invoice, onClose }: { invoice: InvoiceRow; onClose: () => void }) {
  const record = useRecordPayment();
  const form = useForm({
    initialValues: { amount: minorToDecimal(invoice.balanceMinor, invoice.currency), paidOn: todayDay(), method: 'bankTransfer' as PaymentMethod, note: '' },
    validate: {
      amount: (v) => {
        const parsed = parseMoney(v, invoice.currency);
        if (!parsed.ok) return parsed.error;
        return parsed.minor === null || parsed.minor <= 0 ? 'Enter the amount paid' : null;
      },
      paidOn: (v) => (v ? null : 'Choose the day it was paid'),
    },
  });
  const submit = form.onSubmit((v) => {
    const parsed = parseMoney(v.amount, invoice.currency);
    if (!parsed.ok || parsed.minor === null) return;
    record.mutate(
      { id: invoice.id, amountMinor: parsed.minor, paidOn: v.paidOn, method: v.method, note: v.note },
      {
        onSuccess: (saved) => {
          notifySuccess(saved.status === 'paid' ? 'Paid in full' : `Payment recorded; ${money(saved, saved.balanceMinor)} still to pay`);
          onClose();
        },
        // Main's words for the amount go beside the amount field.
        onError: (error) => showFieldIssues(error, ['amountMinor', 'paidOn', 'method', 'note'], (errors) => form.setErrors({ ...errors, amount: errors.amountMinor })),
      },
    );
  });
  const digits = currencyDigits(invoice.currency);
  return (
    <Modal opened onClose={onClose} title="Record payment" returnFocus={false}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={`Amount (${invoice.currency})`} inputMode="decimal" description={`Balance ${money(invoice, invoice.balanceMinor)}`} placeholder={digits ? `0.${'0'.repeat(digits)}` : '0'} data-autofocus {...form.getInputProps('amount')} />
          <TextInput type="date" label="Paid on" {...form.getInputProps('paidOn')} />
          <Select label="Method" data={PAYMENT_METHODS.map((m) => ({ ...m }))} allowDeselect={false} {...form.getInputProps('method')} />
          <TextInput label="Note" placeholder="Bank reference, cheque number…" {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              Record payment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeletePaymentModal({ invoice, payment, onClose }: { invoice: InvoiceRow; payment: PaymentRow; onClose: () => void }) {
  const remove = useDeletePayment();
  const confirm = () =>
    remove.mutate(
      { id: invoice.id, paymentId: payment.id },
      {
        onSuccess: () => {
          notifySuccess('Payment deleted');
          onClose();
        },
      },
    );
  return (
    <ConfirmModal title="Delete this payment?" confirmLabel="Delete payment" loading={remove.isPending} onConfirm={confirm} onClose={onClose}>
      The payment of {money(invoice, payment.amountMinor)} on {dayText(payment.paidOn)} will be removed and the balance goes back up. If the invoice was paid in full, its job leaves Paid.
    </ConfirmModal>
  );
}
