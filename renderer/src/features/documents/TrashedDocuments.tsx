// The Documents tab of Trash: each deleted document with Restore, and "Empty" to delete them for good, which
// also frees the stored files no other document uses.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconTrashX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useDocumentList, useEmptyDocumentTrash } from '../../api/documents';
import { notifySuccess } from '../../ui/notify';
import { TrashEmpty, TrashLoading, TrashMore, TrashRow } from '../../ui/TrashRow';
import { formatSize } from './format';
import { useDocumentActions } from './use-documents';
import { formatCount } from '../../ui/format';

const trashedText = (n: number) =>
  n === 1
    ? 'The 1 document in Trash will be deleted, and its stored file removed unless another document uses it.'
    : `The ${formatCount(n)} documents in Trash will be deleted, and their stored files removed unless another document uses them.`;

export function TrashedDocuments() {
  const list = useDocumentList({ trashed: true, sort: 'createdAt', limit: 50 });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const empty = useEmptyDocumentTrash();
  const { restore } = useDocumentActions();
  const [confirming, setConfirming] = useState(false);

  if (list.isPending) return <TrashLoading />;
  if (items.length === 0) return <TrashEmpty what="documents" description="Documents you move to Trash show up here, ready to restore." />;
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button size="xs" variant="light" color="red" leftSection={<IconTrashX size={14} />} loading={empty.isPending} onClick={() => setConfirming(true)}>
          Empty documents Trash
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete these documents for good?">
        <Text size="sm">
          {trashedText(list.data?.pages[0]?.total ?? items.length)} This cannot be undone.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirming(false);
              empty.mutate(undefined, { onSuccess: (r) => notifySuccess(`${r.documents} document${r.documents === 1 ? '' : 's'} deleted, ${formatSize(r.bytesFreed)} freed`) });
            }}
          >
            Delete for good
          </Button>
        </Group>
      </Modal>
      <Stack gap="xs" role="list" aria-label="Deleted documents">
        {items.map((d) => (
          <TrashRow key={d.id} href={`/documents/${d.id}`} name={d.name} detail={d.links.map((l) => l.title).join(', ') || null} deletedAt={d.deletedAt} onRestore={() => restore(d.id)} />
        ))}
        <TrashMore list={list} />
      </Stack>
    </Stack>
  );
}
