// Record that the client said no, with their reason (it shows on the quote; main moves the job to Lost).
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type QuoteRow, useDeclineQuote } from '../../api/quotes';
import { showFieldIssues } from '../../ui/form-errors';
import { NotSavedAlert } from '../../ui/NotSavedAlert';
import { notifySuccess } from '../../ui/notify';

export function DeclineDialog({ q, onClose }: { q: QuoteRow; onClose: () => void }) {
  const decline = useDeclineQuote();
  const form = useForm({ initialValues: { reason: '' } });
  const submit = form.onSubmit(async (v) => {
    try {
      await decline.mutateAsync({ id: q.id, reason: v.reason.trim() || null });
      notifySuccess(`Quote ${q.number ?? ''} declined`);
      onClose();
    } catch (error) {
      showFieldIssues(error, ['reason'], form.setErrors);
    }
  });
  return (
    <Modal opened onClose={onClose} title="Decline quote">
      <form onSubmit={submit} noValidate aria-label="Decline quote">
        <Stack gap="sm">
          <Textarea label="Reason" description="Why the client said no (optional): too expensive, went elsewhere…" autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <NotSavedAlert error={decline.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={decline.isPending}>
              Decline quote
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
