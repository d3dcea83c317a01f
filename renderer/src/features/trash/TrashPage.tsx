// Everything deleted, newest first, each with Restore and Delete for good; Restore all and Empty Trash for the whole
// of it. Deleting never loses anything until the user confirms a deletion for good (after a backup).
import { Button, Stack, Tabs } from '@mantine/core';
import { IconArrowBackUp, IconBriefcase, IconBuilding, IconCalendar, IconChecklist, IconFiles, IconLifebuoy, IconMessage, IconTrashX, IconUsers } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { TrashCounts, TrashKind } from '../../../../shared/domain/trash';
import { useRestoreAllTrash, useTrashSummary } from '../../api/trash';
import { formatCount } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { TrashedDocuments } from '../documents/panels';
import { PurgeConfirm, type PurgeTarget } from './PurgeConfirm';
import { TrashedList } from './TrashedList';
import { restoredText, totalOf } from './trash-text';

const TABS: { kind: TrashKind | 'document'; label: string; count: keyof TrashCounts; icon: ReactNode }[] = [
  { kind: 'contact', label: 'Contacts', count: 'contacts', icon: <IconUsers size={16} /> },
  { kind: 'company', label: 'Companies', count: 'companies', icon: <IconBuilding size={16} /> },
  { kind: 'job', label: 'Jobs', count: 'jobs', icon: <IconBriefcase size={16} /> },
  { kind: 'activity', label: 'Activities', count: 'activities', icon: <IconMessage size={16} /> },
  { kind: 'task', label: 'Follow-ups', count: 'tasks', icon: <IconChecklist size={16} /> },
  { kind: 'appointment', label: 'Appointments', count: 'appointments', icon: <IconCalendar size={16} /> },
  { kind: 'case', label: 'Cases', count: 'cases', icon: <IconLifebuoy size={16} /> },
  { kind: 'document', label: 'Documents', count: 'documents', icon: <IconFiles size={16} /> },
];

export function TrashPage() {
  const summary = useTrashSummary();
  const restoreAll = useRestoreAllTrash();
  const [target, setTarget] = useState<PurgeTarget | null>(null);
  const total = summary.data ? totalOf(summary.data) : 0;

  const closed = (purged: boolean) => {
    setTarget(null);
    // The row (or the whole list) is gone: keep the keyboard on the page, at the open tab.
    if (purged) requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  };

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader
          title="Trash"
          subtitle="Deleted records stay here until you restore them or delete them for good."
          actions={
            <>
              <Button
                variant="light"
                leftSection={<IconArrowBackUp size={16} />}
                disabled={total === 0}
                loading={restoreAll.isPending}
                onClick={() => restoreAll.mutate(undefined, { onSuccess: (r) => notifySuccess(restoredText(r)) })}
              >
                Restore all
              </Button>
              <Button color="red" variant="light" leftSection={<IconTrashX size={16} />} disabled={total === 0} onClick={() => setTarget({ scope: { all: true } })}>
                Empty Trash
              </Button>
            </>
          }
        />
        <Tabs defaultValue="contact" mt="lg" keepMounted={false}>
          <Tabs.List>
            {TABS.map((tab) => {
              const n = summary.data?.[tab.count];
              return (
                <Tabs.Tab key={tab.kind} value={tab.kind} leftSection={tab.icon}>
                  {tab.label}
                  {n ? ` (${formatCount(n)})` : ''}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Panel key={tab.kind} value={tab.kind} pt="md">
              <Stack gap="xs">
                {tab.kind === 'document' ? (
                  <TrashedDocuments />
                ) : (
                  <TrashedList kind={tab.kind} onPurge={(r) => setTarget({ scope: { items: [{ kind: tab.kind as TrashKind, id: r.id }] }, name: r.name, kind: tab.kind as TrashKind })} />
                )}
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
        <PurgeConfirm target={target} onClose={closed} />
      </div>
    </div>
  );
}
