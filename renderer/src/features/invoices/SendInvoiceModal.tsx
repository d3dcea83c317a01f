// Sending a draft invoice: it takes its number, its PDF is frozen and, unless "Mark as sent without emailing" is
// ticked, an email with the PDF goes through the outbox. Empty fields use the client's address and the template.
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type InvoiceRow, useSendInvoice } from '../../api/invoices';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';

export function SendInvoiceModal({ invoice, opened, onClose }: { invoice: InvoiceRow; opened: boolean; onClose: () => void }) {
  const send = useSendInvoice();
  const form = useForm({ initialValues: { to: '', subject: '', body: '', markSentOnly: false } });
  const submit = form.onSubmit((v) =>
    send.mutate(
      {
        id: invoice.id,
        markSentOnly: v.markSentOnly,
        ...(v.markSentOnly ? {} : { ...(v.to.trim() ? { to: v.to.trim() } : {}), ...(v.subject.trim() ? { subject: v.subject } : {}), ...(v.body.trim() ? { body: v.body } : {}) }),
      },
      {
        onSuccess: (result) => {
          notifySuccess(v.markSentOnly ? `Invoice ${result.number} marked as sent` : `Invoice ${result.number} is in the outbox`);
          onClose();
        },
        onError: (error) => showFieldIssues(error, ['to', 'subject', 'body'], form.setErrors),
      },
    ),
  );
  const only = form.values.markSentOnly;
  return (
    <Modal opened={opened} onClose={onClose} title="Send invoice" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            Sending gives the invoice its number and keeps its PDF as sent. Empty fields use {invoice.contactName ?? 'the client'}’s email address and your invoice email.
          </Text>
          <TextInput label="To" type="email" placeholder="The client’s email address" disabled={only} data-autofocus {...form.getInputProps('to')} />
          <TextInput label="Subject" placeholder={`Invoice for ${invoice.title}`} disabled={only} {...form.getInputProps('subject')} />
          <Textarea label="Message" autosize minRows={4} placeholder="The invoice email template" disabled={only} {...form.getInputProps('body')} />
          <Checkbox label="Mark as sent without emailing" description="You gave or posted it yourself" {...form.getInputProps('markSentOnly', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={send.isPending}>
              {only ? 'Mark as sent' : 'Send'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
