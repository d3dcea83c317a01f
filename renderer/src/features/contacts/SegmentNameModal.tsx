// The dialog that names a segment, for saving a new one and for renaming one: a Name field whose error comes
// from the channel's validation, Cancel and a submit button. Imports ui/ only.
import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IpcError } from '../../../../shared/ipc/errors';
import { notifyError } from '../../ui/notify';

interface Props {
  opened: boolean;
  /** The dialog's title and the form's accessible name ("Save as segment", "Rename segment"). */
  title: string;
  initialName: string;
  saving: boolean;
  /** Resolves when saved; a rejection with field issues shows by the Name field. */
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
}

export function SegmentNameModal({ opened, title, initialName, saving, onSubmit, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {/* Mounted only while open, so each opening starts from initialName with no stale error. */}
      {opened && <NameForm title={title} initialName={initialName} saving={saving} onSubmit={onSubmit} onClose={onClose} />}
    </Modal>
  );
}

function NameForm({ title, initialName, saving, onSubmit, onClose }: Omit<Props, 'opened'>) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(name).catch((err: unknown) => {
          const issue = err instanceof IpcError ? err.issues?.[0] : undefined;
          if (issue) setError(issue.message);
          // Other failures are notified by the query client; a validation error without issues is not.
          else if (err instanceof IpcError && err.code === 'VALIDATION') notifyError(err);
        });
      }}
    >
      <TextInput label="Name" data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} maxLength={60} required />
      <Group justify="end" mt="md">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          Save
        </Button>
      </Group>
    </form>
  );
}
