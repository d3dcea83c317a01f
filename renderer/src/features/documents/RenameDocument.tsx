// Rename a document and edit its note. The name is only a label (files are stored by content), so any
// Unicode is fine; the same schema as the backend checks it here first.
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DocumentName } from '../../../../shared/domain/document';
import { IpcError } from '../../../../shared/ipc/errors';
import { useRenameDocument, type DocumentRow } from '../../api/documents';
import { notifySuccess } from '../../ui/notify';

export function RenameDocument({ doc, onClose }: { doc: DocumentRow | null; onClose: () => void }) {
  return (
    <Modal opened={doc !== null} onClose={onClose} title="Rename document">
      {doc && <RenameForm key={doc.id} doc={doc} onClose={onClose} />}
    </Modal>
  );
}

function RenameForm({ doc, onClose }: { doc: DocumentRow; onClose: () => void }) {
  const rename = useRenameDocument();
  const form = useForm({
    initialValues: { name: doc.name, note: doc.note ?? '' },
    validate: {
      name: (value) => {
        const parsed = DocumentName.safeParse(value);
        return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a valid name');
      },
    },
  });
  const save = form.onSubmit(async (values) => {
    try {
      await rename.mutateAsync({ id: doc.id, name: values.name, note: values.note });
      notifySuccess('Saved');
      onClose();
    } catch (error) {
      if (error instanceof IpcError && error.issues) for (const issue of error.issues) form.setFieldError(issue.path, issue.message);
    }
  });
  return (
    <form onSubmit={save}>
      <Stack>
        <TextInput label="Name" data-autofocus required {...form.getInputProps('name')} />
        <Textarea label="Note" autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
