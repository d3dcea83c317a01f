// "Keep" on the retention review: the reason they are kept (required: it is what you would tell a regulator) and
// until when they stay off the list (a year by default).
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { addYears, format } from 'date-fns';
import { useRetentionDecide } from '../../api/retention';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';

interface Props {
  person: { id: string; name: string } | null;
  onClose: () => void;
  /** Called once the decision is saved, before the dialog closes (the list row is about to go). */
  onKept: () => void;
}

export function KeepModal({ person, onClose, onKept }: Props) {
  return (
    <Modal opened={person !== null} onClose={onClose} title={person ? `Keep ${person.name}` : ''}>
      {person && <KeepForm person={person} onClose={onClose} onKept={onKept} />}
    </Modal>
  );
}

const FIELDS = ['reason', 'until'];

function KeepForm({ person, onClose, onKept }: Omit<Props, 'person'> & { person: { id: string; name: string } }) {
  const decide = useRetentionDecide();
  const today = format(new Date(), 'yyyy-MM-dd');
  const form = useForm({
    initialValues: { reason: '', until: format(addYears(new Date(), 1), 'yyyy-MM-dd') },
    validate: {
      reason: (v) => (v.trim() === '' ? 'Say why they are kept' : null),
      until: (v) => (!v ? 'Enter a date' : v <= today ? 'Choose a day after today' : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await decide.mutateAsync({ contactId: person.id, decision: 'keep', reason: values.reason.trim(), until: values.until });
      onKept();
      onClose();
      notifySuccess(`Kept ${person.name} until ${format(new Date(`${values.until}T00:00`), 'd MMM yyyy')}`);
    } catch (error) {
      showFieldIssues(error, FIELDS, form.setErrors);
    }
  });
  return (
    <form onSubmit={submit} aria-label={`Keep ${person.name}`} noValidate>
      <Stack gap="sm">
        <TextInput label="Why they are kept" required data-autofocus maxLength={500} placeholder="e.g. warranty on the 2023 kitchen job runs until 2029" {...form.getInputProps('reason')} />
        <TextInput label="Off the review list until" type="date" min={today} required {...form.getInputProps('until')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={decide.isPending}>
            Keep
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
