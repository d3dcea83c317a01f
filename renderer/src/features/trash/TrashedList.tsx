// One kind's tab of Trash: each deleted record, newest first, with Restore and Delete for good. Records with a page
// of their own link to it (shown read-only while in Trash).
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import type { TrashedRecord, TrashKind } from '../../../../shared/domain/trash';
import { useRestoreTrashed, useTrashList } from '../../api/trash';
import { notifySuccess } from '../../ui/notify';
import { TrashEmpty, TrashLoading, TrashMore, TrashRow } from '../../ui/TrashRow';

const PAGE: Partial<Record<TrashKind, string>> = { contact: '/contacts/', company: '/companies/', job: '/jobs/', case: '/cases/' };
/** "No deleted …" and the list's name. */
export const PLURAL: Record<TrashKind, string> = {
  contact: 'contacts', company: 'companies', job: 'jobs', activity: 'activities', task: 'follow-ups', appointment: 'appointments', case: 'cases',
};

function detailOf(kind: TrashKind, detail: string | null): string | null {
  if (!detail) return null;
  if (kind === 'task' || kind === 'job' || kind === 'case') return `For ${detail}`;
  if (kind === 'activity' || kind === 'appointment') return `With ${detail}`;
  return detail;
}

const backText = (kind: TrashKind, name: string) => (kind === 'task' ? `Follow-up “${name}” is back` : `${name} is back`);

export function TrashedList({ kind, onPurge }: { kind: TrashKind; onPurge: (record: TrashedRecord) => void }) {
  const list = useTrashList(kind);
  const restore = useRestoreTrashed();
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  if (list.isPending) return <TrashLoading />;
  if (items.length === 0) return <TrashEmpty what={PLURAL[kind]} />;
  const restoreOne = (record: TrashedRecord) =>
    restore
      .mutateAsync({ kind, id: record.id })
      .then(() => {
        notifications.hide(`trashed-${record.id}`);
        notifySuccess(backText(kind, record.name), `restored-${record.id}`);
      })
      .catch(() => undefined);
  return (
    <Stack gap="xs" role="list" aria-label={`Deleted ${PLURAL[kind]}`}>
      {items.map((r) => (
        <TrashRow
          key={r.id}
          href={PAGE[kind] && `${PAGE[kind]}${r.id}`}
          name={r.name}
          detail={detailOf(kind, r.detail)}
          deletedAt={r.deletedAt}
          onRestore={() => void restoreOne(r)}
          onPurge={() => onPurge(r)}
        />
      ))}
      <TrashMore list={list} />
    </Stack>
  );
}
