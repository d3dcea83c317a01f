// Record that the client said yes: how (email reply, call, signed document, in person), when (now unless changed),
// which optional lines they chose, the evidence (a filed email from the client's timeline or a document of the
// job), and the follow-ups to make (Start work, Send invoice). An expired quote asks to confirm first. Main moves
// the job to Won with the accepted net value.
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { format } from 'date-fns';
import type { AcceptMethod } from '../../../../shared/domain/quote';
import { formatMoney } from '../../../../shared/domain/money';
import { useTimeline } from '../../api/activities';
import { useDocumentList } from '../../api/documents';
import { type QuoteRow, useAcceptQuote } from '../../api/quotes';
import { showFieldIssues } from '../../ui/form-errors';
import { NotSavedAlert } from '../../ui/NotSavedAlert';
import { notifySuccess } from '../../ui/notify';
import { ACCEPT_METHODS, dayText } from './quote-text';

type Values = {
  method: AcceptMethod;
  at: string;
  chosen: string[];
  evidenceActivityId: string | null;
  evidenceDocumentId: string | null;
  startWork: boolean;
  sendInvoice: boolean;
  acceptExpired: boolean;
};

export function AcceptDialog({ q, onClose }: { q: QuoteRow; onClose: () => void }) {
  const accept = useAcceptQuote();
  const optional = q.lines.filter((l) => l.kind === 'item' && l.optional);
  const form = useForm<Values>({
    initialValues: {
      method: 'email',
      at: format(new Date(), "yyyy-MM-dd'T'HH:mm"),
      chosen: [],
      evidenceActivityId: null,
      evidenceDocumentId: null,
      startWork: true,
      sendInvoice: true,
      acceptExpired: false,
    },
    validate: {
      at: (v) => (v && !Number.isNaN(new Date(v).getTime()) ? null : 'Enter when the client accepted'),
      acceptExpired: (v) => (q.expired && !v ? 'Confirm that you accept it after its validity date' : null),
    },
  });

  const submit = form.onSubmit(async (v) => {
    try {
      await accept.mutateAsync({
        id: q.id,
        method: v.method,
        at: new Date(v.at).toISOString(),
        chosenLineIds: v.chosen,
        evidenceActivityId: v.evidenceActivityId,
        evidenceDocumentId: v.evidenceDocumentId,
        acceptExpired: v.acceptExpired,
        followUps: [...(v.startWork ? (['startWork'] as const) : []), ...(v.sendInvoice ? (['sendInvoice'] as const) : [])],
      });
      notifySuccess(`Quote ${q.number ?? ''} accepted`);
      onClose();
    } catch (error) {
      showFieldIssues(error, ['at', 'method', 'acceptExpired'], form.setErrors);
    }
  });

  return (
    <Modal opened onClose={onClose} title="Accept quote" size="lg">
      <form onSubmit={submit} noValidate aria-label="Accept quote">
        <Stack gap="sm">
          {q.expired && (
            <Alert color="orange" title={`This quote expired on ${dayText(q.validUntil)}`}>
              <Checkbox label="Accept it anyway (the client agreed to these prices after the date)" {...form.getInputProps('acceptExpired', { type: 'checkbox' })} />
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select label="How" data={ACCEPT_METHODS} allowDeselect={false} data-autofocus {...form.getInputProps('method')} />
            <TextInput label="When" type="datetime-local" {...form.getInputProps('at')} />
          </Group>
          {optional.length > 0 && (
            <Checkbox.Group label="Optional lines the client chose" {...form.getInputProps('chosen')}>
              <Stack gap={4} mt={4}>
                {optional.map((l) => (
                  <Checkbox key={l.id} value={l.id} label={`${l.description ?? ''} (${formatMoney(l.amountMinor ?? 0, q.currency)})`} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {q.contactId && <EmailEvidence contactId={q.contactId} value={form.values.evidenceActivityId} onChange={(id) => form.setFieldValue('evidenceActivityId', id)} />}
          {q.jobId && <DocumentEvidence jobId={q.jobId} value={form.values.evidenceDocumentId} onChange={(id) => form.setFieldValue('evidenceDocumentId', id)} />}
          <Text size="sm" fw={500}>
            Follow-ups
          </Text>
          <Checkbox label="Start work" {...form.getInputProps('startWork', { type: 'checkbox' })} />
          <Checkbox label="Send invoice" {...form.getInputProps('sendInvoice', { type: 'checkbox' })} />
          <NotSavedAlert error={accept.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="green" loading={accept.isPending}>
              Accept quote
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type EvidenceProps = { value: string | null; onChange: (id: string | null) => void };

function EmailEvidence({ contactId, value, onChange }: EvidenceProps & { contactId: string }) {
  const timeline = useTimeline({ contactId, kind: 'email', limit: 50 });
  const emails = (timeline.data?.pages ?? []).flatMap((p) => p.items).flatMap((e) => (e.kind === 'activity' ? [e.activity] : []));
  const data = emails.map((a) => ({ value: a.id, label: `${dayText(a.occurredAt)} · ${a.subject ?? '(no subject)'}` }));
  return <Select label="Evidence: a filed email" placeholder={data.length ? 'None' : 'No emails filed for this client'} clearable data={data} value={value} onChange={onChange} disabled={data.length === 0} />;
}

function DocumentEvidence({ jobId, value, onChange }: EvidenceProps & { jobId: string }) {
  const docs = useDocumentList({ jobId, sort: 'createdAt', trashed: false, limit: 50 });
  const data = (docs.data?.pages ?? []).flatMap((p) => p.items).map((d) => ({ value: d.id, label: d.name }));
  return <Select label="Evidence: a document of the job" placeholder={data.length ? 'None' : 'No documents on this job'} clearable data={data} value={value} onChange={onChange} disabled={data.length === 0} />;
}
