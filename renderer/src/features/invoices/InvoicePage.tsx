// One invoice (#/invoices/:id). A draft: its lines and totals, its editable terms, Send (email or mark as sent),
// Preview PDF and Delete. Sent: status and due date, the frozen PDF, payments with Record payment, the balance, and
// a Paid badge once paid in full. Links to its job and quote either way.
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { type InvoiceRow, useDeleteInvoice, useInvoice, useInvoicePdf } from '../../api/invoices';
import { KeyFacts, NoValue } from '../../ui/KeyFacts';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { RecordGate } from '../../ui/RecordGate';
import { RecordHeader } from '../../ui/RecordHeader';
import { SaleLinesTable, TotalsPanel } from '../quotes/panels';
import { DraftFields } from './DraftFields';
import { Payments } from './Payments';
import { ConfirmModal } from './ConfirmModal';
import { SendInvoiceModal } from './SendInvoiceModal';
import { dayText, daysOverdue, invoiceName, money, statusColor, statusLabel } from './invoice-text';

export function InvoicePage({ id }: { id: string }) {
  return (
    <RecordGate query={useInvoice(id)} what="invoice" back={{ href: '/invoices', label: 'Back to invoices' }}>
      {(invoice) => <InvoiceDetails invoice={invoice} />}
    </RecordGate>
  );
}

function InvoiceDetails({ invoice: i }: { invoice: InvoiceRow }) {
  const [sending, setSending] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const pdf = useInvoicePdf();
  const draft = i.status === 'draft';
  const openPdf = (saveAs: boolean) =>
    pdf.mutate(
      { id: i.id, saveAs },
      { onSuccess: (r) => r.path && notifySuccess(saveAs ? `Saved to ${r.path}` : r.frozen ? 'PDF opened: the copy as sent' : 'Preview opened: marked DRAFT, it is not kept') },
    );
  const overdueDays = i.overdue ? daysOverdue(i.dueDate) : 0;
  return (
    <div className={pageClasses.scrollPage}>
      <Stack className={pageClasses.content} gap="md">
        <Anchor component={Link} href="/invoices" size="sm">
          ← Invoices
        </Anchor>
        <RecordHeader
          title={`${draft ? 'Draft invoice' : `Invoice ${invoiceName(i)}`} · ${i.title}`}
          subtitle={
            <Group gap="xs">
              <Badge variant={i.status === 'paid' ? 'filled' : 'light'} color={statusColor(i)} size={i.status === 'paid' ? 'lg' : 'md'}>
                {statusLabel(i)}
              </Badge>
              {i.overdue && (
                <Text size="sm" c="red">
                  {overdueDays === 1 ? '1 day' : `${overdueDays} days`} overdue
                </Text>
              )}
              {i.status === 'paid' && i.paidAt && <Text size="sm">Paid on {dayText(i.paidAt)}</Text>}
            </Group>
          }
          actions={
            <>
              {draft && (
                <Button leftSection={<IconSend size={16} />} onClick={() => setSending(true)}>
                  Send
                </Button>
              )}
              <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={pdf.isPending} onClick={() => openPdf(false)}>
                {draft ? 'Preview PDF' : 'Open PDF'}
              </Button>
              {!draft && (
                <Button variant="subtle" onClick={() => openPdf(true)}>
                  Save PDF as…
                </Button>
              )}
            </>
          }
          apart={
            draft && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
                Delete draft
              </Button>
            )
          }
        />
        <KeyFacts
          facts={[
            { label: 'Client', value: i.contactId ? <Anchor component={Link} href={`/contacts/${i.contactId}`}>{i.contactName}</Anchor> : <NoValue>{i.companyName ?? 'No client'}</NoValue> },
            { label: 'Job', value: i.jobId ? <Anchor component={Link} href={`/jobs/${i.jobId}`}>{i.jobTitle ?? 'The job'}</Anchor> : <NoValue>No job</NoValue> },
            { label: 'Quote', value: i.quoteId ? <Anchor component={Link} href={`/quotes/${i.quoteId}`}>{i.quoteNumber ?? 'The quote'}</Anchor> : <NoValue>Not from a quote</NoValue> },
            { label: 'Issued', value: i.issuedOn ? dayText(i.issuedOn) : <NoValue>When sent</NoValue> },
            { label: 'Due', value: i.dueDate ? <Text c={i.overdue ? 'red' : undefined} fw={i.overdue ? 600 : undefined} span>{dayText(i.dueDate)}</Text> : <NoValue>{i.paymentTermsDays} days after sending</NoValue> },
            { label: 'Total', value: money(i, i.totals.grandTotalMinor) },
            { label: 'Balance', value: money(i, i.balanceMinor) },
          ]}
        />
        {/* Lines are read-only: copied from the accepted quote (or the job) and priced by main. */}
        <SaleLinesTable lines={i.lines} currency={i.currency} accepted={i.quoteId !== null} />
        <Group justify="flex-end" align="flex-start">
          <div style={{ width: 420, maxWidth: '100%' }}>
            <TotalsPanel totals={i.totals} currency={i.currency} pricesIncludeTax={i.pricesIncludeTax} />
          </div>
        </Group>
        {draft ? <DraftFields invoice={i} /> : <Payments invoice={i} />}
        {!draft && (i.notes || i.terms) && (
          <Stack gap={4}>
            {i.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{i.notes}</Text>}
            {i.terms && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{i.terms}</Text>}
          </Stack>
        )}
      </Stack>
      {sending && <SendInvoiceModal invoice={i} opened onClose={() => setSending(false)} />}
      {deleting && <DeleteDraftModal invoice={i} onClose={() => setDeleting(false)} />}
    </div>
  );
}

function DeleteDraftModal({ invoice, onClose }: { invoice: InvoiceRow; onClose: () => void }) {
  const remove = useDeleteInvoice();
  const [, navigate] = useLocation();
  const confirm = () =>
    remove.mutate(invoice.id, {
      onSuccess: () => {
        notifySuccess('Draft invoice deleted');
        navigate(invoice.jobId ? `/jobs/${invoice.jobId}` : '/invoices');
      },
    });
  return (
    <ConfirmModal title="Delete this draft invoice?" confirmLabel="Delete draft" loading={remove.isPending} onConfirm={confirm} onClose={onClose}>
      It has no number yet, so nothing is lost from the numbering. {invoice.quoteId ? 'Its quote can be invoiced again.' : ''}
    </ConfirmModal>
  );
}
