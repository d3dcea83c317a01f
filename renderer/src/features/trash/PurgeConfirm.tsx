// The confirmation before anything is deleted for good: it asks main what goes with the chosen records and says so
// in counts, then deletes (after a backup), showing progress while a big Trash empties step by step.
import { Button, Group, Loader, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TrashKind, TrashScope } from '../../../../shared/domain/trash';
import { usePurgeTrash, useTrashPreview, useTrashProgress } from '../../api/trash';
import { formatCount } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { purgeAllText, purgedText, purgeOneText, totalOf } from './trash-text';

/** What the user asked to delete: one record (named) or everything. */
export type PurgeTarget = { scope: TrashScope; name: string; kind: TrashKind } | { scope: { all: true } };

interface Props {
  target: PurgeTarget | null;
  /** Called when the dialog closes; `purged` says whether anything was deleted. */
  onClose: (purged: boolean) => void;
}

export function PurgeConfirm({ target, onClose }: Props) {
  const preview = useTrashPreview(target?.scope ?? null);
  const purge = usePurgeTrash();
  const progress = useTrashProgress();
  const busy = purge.isPending;

  const confirm = () => {
    if (!target) return;
    purge.mutate(target.scope, {
      onSuccess: (result) => {
        // An Undo offered when these went to Trash has nothing left to bring back.
        for (const item of ('items' in target.scope && target.scope.items) || []) notifications.hide(`trashed-${item.id}`);
        notifySuccess(purgedText(result.removed));
        onClose(true);
      },
    });
  };

  const p = preview.data;
  const text = p && target && ('name' in target ? purgeOneText(target.name, target.kind, p.alongside) : purgeAllText(p.chosen, p.alongside));
  return (
    <Modal opened={target !== null} onClose={() => !busy && onClose(false)} title="Delete for good?" closeOnClickOutside={!busy} closeOnEscape={!busy} withCloseButton={!busy}>
      <Stack gap="md">
        {preview.isPending ? (
          <Group gap="xs">
            <Loader size="sm" aria-label="Counting what goes with it" />
            <Text size="sm">Counting what goes with it…</Text>
          </Group>
        ) : (
          <Text size="sm" data-testid="purge-text">
            {text}
          </Text>
        )}
        {busy && progress && progress.total > 0 && (
          <Stack gap={4}>
            <Progress value={(progress.done / progress.total) * 100} aria-label="Deleting" />
            <Text size="xs" c="dimmed">
              Deleted {formatCount(progress.done)} of {formatCount(progress.total)}…
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={busy} disabled={!p || totalOf(p.chosen) === 0}>
            Delete for good
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
