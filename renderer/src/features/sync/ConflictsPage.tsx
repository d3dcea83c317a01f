// The conflicts page (#/sync/conflicts): one card per record that changed on both sides (or was deleted on one and
// changed on the other), oldest first. Resolving one applies the choice here, sends the result to the server and
// moves the focus to the next card, or to the empty state once none is left.
import { Button, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { useResolveConflict, useSyncConflicts, useSyncLive } from '../../api/sync';
import { Empty } from '../../ui/Empty';
import { planFocusAfterRemoval } from '../../ui/focus-keeper';
import { plural } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ConflictCard, type Resolution } from './ConflictCard';

export function ConflictsPage() {
  useSyncLive();
  const list = useSyncConflicts();
  const resolve = useResolveConflict();
  const [busy, setBusy] = useState<string | null>(null);
  const conflicts = list.data?.conflicts ?? [];

  const onResolve = (id: string, title: string) => (resolution: Resolution, from: HTMLElement) => {
    const moveFocus = planFocusAfterRemoval(from);
    setBusy(id);
    resolve.mutate(
      { id, ...resolution },
      {
        onSuccess: () => {
          notifySuccess(`“${title}” resolved on both sides.`);
          moveFocus();
        },
        onSettled: () => setBusy(null),
      },
    );
  };

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content} data-focus-home>
        <PageHeader
          title="Sync conflicts"
          subtitle={conflicts.length > 0 ? `${plural(conflicts.length, 'record')} changed both here and on the server. Nothing is sent or overwritten until you choose.` : undefined}
          actions={
            <Button component={Link} href="/sync" variant="default" leftSection={<IconArrowLeft size={16} />}>
              Back to Sync
            </Button>
          }
        />
        {list.isSuccess && conflicts.length === 0 && (
          <Empty
            mt="xl"
            data-focus-empty
            title="No conflicts: both sides agree."
            description="When a record is changed both here and on the server (or deleted on one side and changed on the other) before they sync, it waits here for you to choose."
          />
        )}
        <Stack mt="md" gap="md">
          {conflicts.map((conflict) => (
            <ConflictCard key={conflict.id} conflict={conflict} busy={busy === conflict.id} onResolve={onResolve(conflict.id, conflict.title)} />
          ))}
        </Stack>
      </div>
    </div>
  );
}
