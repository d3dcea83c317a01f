// "New request": someone asks what you hold about them, to be forgotten, corrected… Pick the contact, or write who
// asked when they are not in Rapport; the kind; the day it was received (the month to answer counts from it).
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { RequestKind } from '../../../../shared/domain/privacy';
import { useCreatePrivacyRequest } from '../../api/privacy';
import { ContactSelect } from '../../ui/ContactSelect';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';
import { day, KIND_LABELS, today } from './privacy-text';

interface Values {
  contactId: string | null;
  requester: string;
  kind: RequestKind;
  receivedOn: string;
  notes: string;
}

const FIELDS = ['contactId', 'requester', 'kind', 'receivedOn', 'notes'];

export function NewRequestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New request" size="lg">
      {opened && <RequestForm onClose={onClose} />}
    </Modal>
  );
}

function RequestForm({ onClose }: { onClose: () => void }) {
  const create = useCreatePrivacyRequest();
  const form = useForm<Values>({
    initialValues: { contactId: null, requester: '', kind: 'access', receivedOn: today(), notes: '' },
    validate: {
      requester: (v, values) => (values.contactId === null && v.trim() === '' ? 'Choose the contact or enter who asked' : null),
      receivedOn: (v) => (!v ? 'Enter a date' : v > today() ? 'This is in the future' : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await create.mutateAsync({
        contactId: values.contactId,
        requester: values.requester.trim() || undefined,
        kind: values.kind,
        receivedOn: values.receivedOn,
        notes: values.notes.trim() || undefined,
      });
      onClose();
      notifySuccess(`Request recorded: answer by ${day(saved.dueOn)}`);
    } catch (error) {
      showFieldIssues(error, FIELDS, form.setErrors);
    }
  });

  return (
    <form onSubmit={submit} aria-label="New request" noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <ContactSelect
            label="Contact"
            placeholder="Type a name…"
            data-autofocus
            value={form.values.contactId}
            onChange={(id) => form.setFieldValue('contactId', id)}
            error={form.errors.contactId}
          />
          <TextInput label="Or who asked" description="When they are not in Rapport" maxLength={200} {...form.getInputProps('requester')} />
          <Select label="Kind of request" allowDeselect={false} data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} {...form.getInputProps('kind')} />
          <TextInput label="Received on" type="date" required max={today()} description="You have one month from this day to answer" {...form.getInputProps('receivedOn')} />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} maxRows={6} maxLength={2000} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Record request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
