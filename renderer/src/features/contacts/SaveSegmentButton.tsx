// "Save as segment": names the list's current filter so it shows in the navigation with a live count.
import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { IpcError } from '../../../../shared/ipc/errors';
import { type SegmentFilter, useCreateSegment } from '../../api/reports';
import { notifyError, notifySuccess } from '../../app/notify';

export function SaveSegmentButton({ filter, onSaved }: { filter: SegmentFilter; onSaved: (segment: { id: string; name: string }) => void }) {
  const [opened, { open, close }] = useDisclosure();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateSegment();
  const save = () =>
    create.mutate(
      { name, filter },
      {
        onSuccess: (segment) => {
          notifySuccess(`Segment “${segment.name}” saved: ${segment.count} contacts`);
          onSaved(segment);
          close();
          setName('');
        },
        onError: (e) => {
          const issue = e instanceof IpcError ? e.issues?.[0] : undefined;
          if (issue) setError(issue.message);
          else notifyError(e);
        },
      },
    );
  return (
    <>
      <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => (setError(null), open())}>
        Save as segment
      </Button>
      <Modal opened={opened} onClose={close} title="Save as segment">
        <form
          aria-label="Save as segment"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <TextInput label="Name" data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} maxLength={60} required />
          <Group justify="end" mt="md">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}
