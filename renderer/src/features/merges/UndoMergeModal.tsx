// The confirmation before undoing a merge (issue #20): it says what happens, in full, because an undo moves records
// back between people; then merges.undo and a toast saying who is back (with links) and which later edits were kept.
import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment } from 'react';
import { Link } from 'wouter';
import { type MergeSummary, useMergeUndo } from '../../api/merges';
import { type MergeKind, type UndoOutcome, undoConfirmText, undoOutcomeLines } from './merge-words';

export interface UndoneMerge {
  kind: MergeKind;
  /** The records that came back, with the names they had. */
  restored: { id: string; displayName: string }[];
  lines: string[];
}

/**
 * Says an undone merge's outcome in a toast (from this dialog, or from the Undo of the merge's own toast) and returns
 * it: who is back (by the names they had, `names`), what moved back, which later edits were kept.
 */
export function notifyMergeUndone(mergeId: string, kind: MergeKind, result: UndoOutcome & { restored: string[] }, names: ReadonlyMap<string, string>): UndoneMerge {
  const undone: UndoneMerge = {
    kind,
    restored: result.restored.map((id) => ({ id, displayName: names.get(id) ?? (kind === 'company' ? 'A company' : 'A contact') })),
    lines: undoOutcomeLines(result),
  };
  notifications.show({ id: `merge-undone-${mergeId}`, color: 'teal', autoClose: 12_000, message: <UndoneText undone={undone} /> });
  return undone;
}

interface Props {
  merge: MergeSummary | null;
  onClose: () => void;
  /** After a successful undo, with who came back (the page shows them too: the toast goes away). */
  onUndone: (undone: UndoneMerge) => void;
}

export function UndoMergeModal({ merge, onClose, onUndone }: Props) {
  const undo = useMergeUndo();
  const names = merge?.merged.map((m) => m.displayName) ?? [];

  const confirm = () => {
    if (!merge) return;
    // A promise, not mutate's callbacks: the list refetches when main reports the change, and this may unmount first.
    void undo
      .mutateAsync(merge.id)
      .then((result) => {
        // The merge's own "Merged into … Undo" toast (MergeModal's id) would now offer an undo already done.
        notifications.hide(`merge-${merge.id}`);
        const undone = notifyMergeUndone(merge.id, merge.kind, result, new Map(merge.merged.map((m) => [m.id, m.displayName])));
        onClose();
        onUndone(undone);
      })
      // The failure is told by the query client's notification, in the app's words; the dialog stays open.
      .catch(() => undefined);
  };

  return (
    <Modal opened={merge !== null} onClose={onClose} title="Undo this merge?" centered>
      {merge && (
        <Stack gap="md">
          <Text size="sm">{undoConfirmText(names, merge.survivorName, merge.kind, merge.moved)}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={undo.isPending}>
              Cancel
            </Button>
            <Button onClick={confirm} loading={undo.isPending} data-autofocus>
              Undo merge
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** "Bob Smith and R. Smith are back", each name a link to the record, then what moved back and what was kept. */
export function UndoneText({ undone }: { undone: UndoneMerge }) {
  const base = undone.kind === 'company' ? '/companies' : '/contacts';
  const n = undone.restored.length;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {undone.restored.map((r, i) => (
          <Fragment key={r.id}>
            {i > 0 && (i === n - 1 ? ' and ' : ', ')}
            <Anchor component={Link} href={`${base}/${r.id}`} size="sm">
              {r.displayName}
            </Anchor>
          </Fragment>
        ))}{' '}
        {n === 1 ? 'is' : 'are'} back.
      </Text>
      {undone.lines.map((line) => (
        <Text key={line} size="sm" c="dimmed">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
