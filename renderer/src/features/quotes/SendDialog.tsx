// Send a quote (first time or again): to the client's email (prefilled), a subject and message with merge fields
// that main fills ({{quote.number}} is given in the same transaction that sends), or "Mark as sent without emailing"
// for a quote handed over on paper. A re-send attaches the very PDF sent the first time.
import { Alert, Button, Checkbox, Code, Group, Loader, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useContact } from '../../api/contacts';
import { type QuoteRow, useSendQuote } from '../../api/quotes';
import { showFieldIssues } from '../../ui/form-errors';
import { NotSavedAlert } from '../../ui/NotSavedAlert';
import { notifySuccess } from '../../ui/notify';
import { DEFAULT_BODY, DEFAULT_SUBJECT, MERGE_FIELDS } from './quote-text';

interface Props {
  q: QuoteRow;
  /** Saves the builder's changes first (true when there were none or they saved). */
  saveFirst?: () => Promise<boolean>;
  onClose: () => void;
}

export function SendDialog(props: Props) {
  const resend = props.q.status !== 'draft';
  return (
    <Modal opened onClose={props.onClose} title={resend ? 'Send the quote again' : 'Send quote'} size="lg">
      {props.q.contactId ? <WithContact {...props} contactId={props.q.contactId} /> : <SendForm {...props} to="" />}
    </Modal>
  );
}

function WithContact(props: Props & { contactId: string }) {
  const contact = useContact(props.contactId);
  if (contact.isPending) return <Loader size="sm" aria-label="Loading the client" />;
  return <SendForm {...props} to={contact.data?.emails[0]?.value ?? ''} />;
}

function SendForm({ q, saveFirst, onClose, to }: Props & { to: string }) {
  const send = useSendQuote();
  const resend = q.status !== 'draft';
  const form = useForm({ initialValues: { to, subject: DEFAULT_SUBJECT, body: DEFAULT_BODY, markSentOnly: false } });
  const paper = form.values.markSentOnly;

  const submit = form.onSubmit(async (v) => {
    if (saveFirst && !(await saveFirst())) {
      onClose();
      return;
    }
    try {
      const result = await send.mutateAsync({
        id: q.id,
        markSentOnly: v.markSentOnly,
        ...(v.markSentOnly ? {} : { subject: v.subject, body: v.body, ...(v.to.trim() ? { to: v.to.trim() } : {}) }),
      });
      notifySuccess(v.markSentOnly ? `Quote ${result.number} marked as sent` : `Quote ${result.number} queued in the outbox`);
      onClose();
    } catch (error) {
      showFieldIssues(error, ['to', 'subject', 'body'], form.setErrors);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Send quote">
      <Stack gap="sm">
        {!resend && (
          <Text size="sm">
            Sending gives the quote its number and locks it: to change it afterwards, you make a revision. The PDF is kept in the job’s documents.
          </Text>
        )}
        {!resend && <Checkbox label="Mark as sent without emailing (handed over on paper, or sent from another program)" {...form.getInputProps('markSentOnly', { type: 'checkbox' })} />}
        {!paper && (
          <>
            <TextInput label="To" type="email" required data-autofocus {...form.getInputProps('to')} />
            {!to && <Alert color="yellow">The client has no email address: enter one, or mark the quote as sent.</Alert>}
            <TextInput label="Subject" {...form.getInputProps('subject')} />
            <Textarea label="Message" autosize minRows={6} {...form.getInputProps('body')} />
            <Text size="xs" c="dimmed">
              Merge fields, filled in when sent: {MERGE_FIELDS.map((f, i) => (
                <span key={f}>
                  {i > 0 && ' '}
                  <Code>{f}</Code>
                </span>
              ))}
              . The PDF is attached.
            </Text>
          </>
        )}
        <NotSavedAlert error={send.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={send.isPending || form.submitting}>
            {paper ? 'Mark as sent' : resend ? 'Send again' : 'Send quote'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
