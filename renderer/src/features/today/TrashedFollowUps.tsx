// The Follow-ups tab of Trash: each deleted follow-up, who it was for, and Restore (back to Today and the contact's
// page, due as before). The most recently deleted 200; older ones stay restorable from the data.
import { Stack } from '@mantine/core';
import { useTaskList } from '../../api/activities';
import { TrashEmpty, TrashLoading, TrashRow } from '../../ui/TrashRow';
import { useTrashFollowUp } from './use-trash-follow-up';

export function TrashedFollowUps() {
  const list = useTaskList({ status: 'trashed', limit: 200 });
  const { restoreFollowUp } = useTrashFollowUp();
  const items = list.data?.items ?? [];
  if (list.isPending) return <TrashLoading />;
  if (items.length === 0) return <TrashEmpty what="follow-ups" />;
  return (
    <Stack gap="xs" role="list" aria-label="Deleted follow-ups">
      {items.map((t) => (
        <TrashRow key={t.id} name={t.title} detail={t.contactName && `For ${t.contactName}`} deletedAt={t.deletedAt} onRestore={() => restoreFollowUp(t.id)} />
      ))}
    </Stack>
  );
}
