// A quote that has gone out: locked, shown read-only with its stored totals, and what can happen next: Accept,
// Decline, Make revision (a draft copy numbered -R2 when sent), Send again (the same frozen PDF) and Open PDF.
// Once accepted: the job's new stage with a link, and Make invoice.
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconFileInvoice, IconFileTypePdf, IconSend, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatMoney } from '../../../../shared/domain/money';
import { useJob } from '../../api/jobs';
import { type QuoteRow, useInvoiceFromQuote, useQuotePdf, useReviseQuote } from '../../api/quotes';
import { AcceptDialog } from './AcceptDialog';
import { DeclineDialog } from './DeclineDialog';
import { SendDialog } from './SendDialog';
import { SaleLinesTable } from './SaleLinesTable';
import { TotalsPanel } from './TotalsPanel';
import { dayText, notifyValidation } from './quote-text';

type Dialog = 'accept' | 'decline' | 'send' | null;

export function SentQuote({ q }: { q: QuoteRow }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const [, navigate] = useLocation();
  const revise = useReviseQuote();
  const pdf = useQuotePdf();
  const invoice = useInvoiceFromQuote();
  const open = (which: Dialog, button: HTMLButtonElement) => {
    opener.current = button;
    setDialog(which);
  };
  const close = () => {
    setDialog(null);
    // The dialog gives focus back to the button that opened it (it may be gone once the quote is answered).
    requestAnimationFrame(() => opener.current?.isConnected && opener.current.focus());
  };
  const answerable = q.status === 'sent';

  const makeRevision = async () => {
    const draft = await revise.mutateAsync({ id: q.id }).catch(notifyValidation);
    if (draft) navigate(`/quotes/${draft.id}`);
  };
  const makeInvoice = async () => {
    const made = await invoice.mutateAsync(q.id).catch(() => null);
    if (made) navigate(`/invoices/${made.id}`);
  };

  return (
    <Stack gap="md" mt="md">
      {q.sentAt && (
        <Alert color={q.expired && answerable ? 'orange' : 'gray'} title={`Sent on ${dayText(q.sentAt)} — locked`} role="status">
          {answerable ? 'Make a revision to change it.' : q.status === 'superseded' ? 'A later revision replaced it.' : 'It is kept as it was sent.'}
          {q.validUntil && answerable && ` Valid until ${dayText(q.validUntil)}${q.expired ? ': it has expired.' : '.'}`}
        </Alert>
      )}
      {q.status === 'accepted' && <AcceptedNote q={q} onInvoice={() => void makeInvoice()} invoicing={invoice.isPending} />}
      {q.status === 'declined' && (
        <Alert color="red" title={`Declined on ${dayText(q.declinedAt)}`}>
          {q.declineReason ?? 'No reason given.'}
        </Alert>
      )}
      <Group gap="xs">
        {answerable && (
          <>
            <Button leftSection={<IconCheck size={16} />} color="green" onClick={(e) => open('accept', e.currentTarget)}>
              Accept…
            </Button>
            <Button leftSection={<IconX size={16} />} variant="light" color="red" onClick={(e) => open('decline', e.currentTarget)}>
              Decline…
            </Button>
          </>
        )}
        {(answerable || q.status === 'declined') && (
          <Button leftSection={<IconCopy size={16} />} variant="light" loading={revise.isPending} onClick={() => void makeRevision()}>
            Make revision (R{q.revision + 1})
          </Button>
        )}
        {answerable && (
          <Button leftSection={<IconSend size={16} />} variant="default" onClick={(e) => open('send', e.currentTarget)}>
            Send again…
          </Button>
        )}
        <Button leftSection={<IconFileTypePdf size={16} />} variant="default" loading={pdf.isPending} onClick={() => void pdf.mutateAsync({ id: q.id, saveAs: false }).catch(() => null)}>
          Open PDF
        </Button>
      </Group>
      <SaleLinesTable lines={q.lines} currency={q.currency} accepted={q.status === 'accepted'} />
      <Group justify="flex-end" align="flex-start">
        <div style={{ width: 420, maxWidth: '100%' }}>
          <TotalsPanel totals={q.totals} currency={q.currency} pricesIncludeTax={q.pricesIncludeTax} />
        </div>
      </Group>
      {q.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{q.notes}</Text>}
      {dialog === 'accept' && <AcceptDialog q={q} onClose={close} />}
      {dialog === 'decline' && <DeclineDialog q={q} onClose={close} />}
      {dialog === 'send' && <SendDialog q={q} onClose={close} />}
    </Stack>
  );
}

function AcceptedNote({ q, onInvoice, invoicing }: { q: QuoteRow; onInvoice: () => void; invoicing: boolean }) {
  return (
    <Alert color="green" title={`Accepted on ${dayText(q.acceptedAt)}`}>
      <Group justify="space-between" gap="sm">
        <Stack gap={2}>
          <Text size="sm">Accepted value (net): {formatMoney(q.totals.netTotalMinor, q.currency)}</Text>
          {q.jobId && <JobStage jobId={q.jobId} />}
        </Stack>
        {q.invoiceId ? (
          <Button component={Link} href={`/invoices/${q.invoiceId}`} variant="light" leftSection={<IconFileInvoice size={16} />}>
            Open the invoice
          </Button>
        ) : (
          <Button leftSection={<IconFileInvoice size={16} />} loading={invoicing} onClick={onInvoice}>
            Make invoice
          </Button>
        )}
      </Group>
    </Alert>
  );
}

function JobStage({ jobId }: { jobId: string }) {
  const job = useJob(jobId);
  if (!job.data) return null;
  return (
    <Text size="sm">
      Job{' '}
      <Anchor component={Link} href={`/jobs/${jobId}`}>
        {job.data.title}
      </Anchor>{' '}
      is now at stage <strong>{job.data.stageName}</strong>
      {job.data.amountMinor !== null && `, value ${formatMoney(job.data.amountMinor, job.data.currency)}`}.
    </Text>
  );
}
