// The quiet "Merged from Bob Smith and R. Smith on 5 Dec 2026 · Undo merge" line on the page of the record that
// received a merge (issue #20): a merge can be undone whenever, and this is where people look for it. After an
// undo the line says who is back, with links, so the restored records are one click away.
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { format } from 'date-fns';
import { useState } from 'react';
import { type MergeSummary, useMerges } from '../../api/merges';
import { andList, type MergeKind } from './merge-words';
import classes from './MergeHistory.module.css';
import { type UndoneMerge, UndoMergeModal, UndoneText } from './UndoMergeModal';

interface Props {
  kind: MergeKind;
  recordId: string;
  /** Whether Undo merge is offered (not while the record is in the Trash: restore it first). */
  readOnly?: boolean;
}

export function MergeHistory({ kind, recordId, readOnly = false }: Props) {
  const { data } = useMerges({ recordId });
  const [undoing, setUndoing] = useState<MergeSummary | null>(null);
  // Keyed by the page's record: the same page component may be shown for another record next.
  const [undoneHere, setUndone] = useState<{ recordId: string; undone: UndoneMerge }[]>([]);
  const undone = undoneHere.filter((u) => u.recordId === recordId).map((u) => u.undone);
  const merges = (data?.items ?? []).filter((m) => m.undoneAt === null && m.survivorId === recordId && m.kind === kind);
  if (merges.length === 0 && undone.length === 0) return null;

  return (
    <Stack gap={6} mt="md" className={classes.history} role="group" aria-label="Merges">
      {merges.map((m) => {
        const names = andList(m.merged.map((r) => r.displayName));
        return (
          <Group key={m.id} gap="xs" wrap="nowrap" align="center">
            <IconArrowMerge size={16} className={classes.icon} aria-hidden />
            <Text size="sm" c="dimmed" className={classes.text}>
              Merged from {names} on {format(new Date(m.createdAt), 'd MMM yyyy')}
            </Text>
            {!readOnly && (
              <Button size="compact-sm" variant="subtle" aria-label={`Undo merge from ${names}`} onClick={() => setUndoing(m)}>
                Undo merge
              </Button>
            )}
          </Group>
        );
      })}
      {undone.map((u) => (
        <Group key={u.restored.map((r) => r.id).join()} gap="xs" wrap="nowrap" align="flex-start">
          <IconArrowMerge size={16} className={classes.icon} aria-hidden />
          <UndoneText undone={u} />
        </Group>
      ))}
      <UndoMergeModal merge={undoing} onClose={() => setUndoing(null)} onUndone={(u) => setUndone((all) => [...all, { recordId, undone: u }])} />
    </Stack>
  );
}
