// "Export this person's data" (issue #21): first the review, the shared records that also hold other people's data
// (a job with a colleague, a group email), each with "Leave out"; the rest go in with the others' details removed.
// Then the zip: the save dialog asks where, and the notice says where it went.
import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useExportPerson, useExportReview } from '../../api/privacy';
import { plural } from '../../ui/format';
import { errorText, notifySuccess } from '../../ui/notify';

interface Props {
  contact: { id: string; name: string } | null;
  onClose: () => void;
}

export function ExportPersonModal({ contact, onClose }: Props) {
  return (
    <Modal opened={contact !== null} onClose={onClose} title={contact ? `Export the data of ${contact.name}` : ''} size="lg">
      {contact && <ExportBody contact={contact} onClose={onClose} />}
    </Modal>
  );
}

function ExportBody({ contact, onClose }: { contact: { id: string; name: string }; onClose: () => void }) {
  const review = useExportReview(contact.id);
  const run = useExportPerson();
  const [leaveOut, setLeaveOut] = useState<Set<string>>(new Set());
  const shared = review.data?.shared ?? [];
  const toggle = (key: string, out: boolean) =>
    setLeaveOut((s) => {
      const next = new Set(s);
      if (out) next.add(key);
      else next.delete(key);
      return next;
    });

  const exportNow = () =>
    run.mutate(
      { contactId: contact.id, leaveOut: [...leaveOut] },
      {
        onSuccess: (result) => {
          if (result.cancelled || !result.path) return;
          onClose();
          notifySuccess(`Saved the data of ${contact.name} to ${result.path}`);
        },
      },
    );

  return (
    <Stack gap="md">
      <Text size="sm">
        One zip with everything Rapport holds about {contact.name}: their details, consent history, activities, follow-ups, jobs, appointments, emails (with the original
        messages), documents, and import and merge history, as data files (JSON and CSV) and as a page you can read.
      </Text>
      {review.isPending && <Loader size="sm" aria-label="Looking for records shared with other people" />}
      {review.isError && (
        <Alert color="red" title="Could not look through their records">
          {errorText(review.error)}
        </Alert>
      )}
      {review.data && shared.length === 0 && (
        <Text size="sm" fw={600} role="status">
          Nothing to review: no record of theirs names anyone else.
        </Text>
      )}
      {shared.length > 0 && (
        <>
          <Text size="sm" fw={600} role="status">
            {plural(shared.length, 'record also names', 'records also name')} other people. Those that go in have the other people’s details removed; tick
            “Leave out” for any that should not go in at all.
          </Text>
          <Table aria-label="Records shared with other people" striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Also names</Table.Th>
                <Table.Th w={110}>Leave out</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shared.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.title}</Table.Td>
                  <Table.Td>{r.others.join(', ')}</Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={`Leave out ${r.title}`} checked={leaveOut.has(r.key)} onChange={(e) => toggle(r.key, e.currentTarget.checked)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button disabled={!review.data} loading={run.isPending} onClick={exportNow} data-autofocus>
          {leaveOut.size > 0 ? `Export, leaving out ${plural(leaveOut.size, 'record')}` : 'Export'}
        </Button>
      </Group>
    </Stack>
  );
}
