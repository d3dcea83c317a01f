// A reverse-chronological timeline (one contact's, one company's, one job's, or everyone's activities), grouped
// by day, filtered by kind, loading older pages as the end scrolls into view. A client's timeline also shows
// its jobs' stage changes; new kinds of entry (emails, documents) get an item component and a line in the switch below.
import { Button, Center, Group, Loader, SegmentedControl, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineKind } from '../../../../shared/domain/activity';
import { type TimelineFilter, useDeleteActivity, useRestoreActivity, useTimeline } from '../../api/activities';
import { useDocumentsOfActivities } from '../../api/documents';
import { notifySuccess } from '../../ui/notify';
import { showUndoNotification } from '../../ui/undo-notification';
import { TYPE_LABELS, TYPE_OPTIONS } from './activity-labels';
import { groupByDay } from './day-groups';
import classes from './Timeline.module.css';
import { StageChangeItem } from './StageChangeItem';
import { TimelineItem } from './TimelineItem';

const KIND_LABELS: Record<TimelineKind, string> = { ...TYPE_LABELS, stage: 'Job stage' };

interface Props {
  scope: Pick<TimelineFilter, 'contactId' | 'companyId' | 'jobId'>;
  showContact?: boolean;
  /** Shown when there is nothing at all (not when a type filter hides everything). */
  empty: React.ReactNode;
  title?: string;
}

export function Timeline({ scope, showContact = false, empty, title = 'Timeline' }: Props) {
  const [kind, setKind] = useState<TimelineKind | 'all'>('all');
  // Stage changes are on a client's timeline (a job page has its own stage history).
  const client = scope.jobId === undefined && (scope.contactId !== undefined || scope.companyId !== undefined);
  const filter = useMemo<TimelineFilter>(() => ({ ...scope, limit: 30, ...(kind !== 'all' ? { kind } : {}) }), [scope, kind]);
  const list = useTimeline(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  // Files of the activities shown: one documents query per timeline page, beside (not inside) the timeline's.
  const pageActivityIds = useMemo(() => list.data?.pages.map((p) => p.items.flatMap((e) => (e.kind === 'activity' ? [e.activity.id] : []))) ?? [], [list.data]);
  const documents = useDocumentsOfActivities(pageActivityIds);
  const groups = useMemo(() => groupByDay(items, (e) => e.at), [items]);
  const remove = useDeleteActivity();
  const restore = useRestoreActivity();

  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onDelete = (id: string) =>
    remove
      .mutateAsync(id)
      .then((a) =>
        showUndoNotification({
          id: `trashed-${a.id}`,
          message: `${TYPE_LABELS[a.type]} with ${a.contactName} moved to Trash`,
          onUndo: () => void restore.mutateAsync(a.id).then(() => notifySuccess(`${TYPE_LABELS[a.type]} is back`)).catch(() => undefined),
        }),
      )
      .catch(() => undefined);

  return (
    <section aria-label={title}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label="Filter by type"
          data={[{ value: 'all', label: 'All' }, ...TYPE_OPTIONS, ...(client ? [{ value: 'stage', label: 'Jobs' }] : [])]}
          value={kind}
          onChange={(value) => setKind(value as TimelineKind | 'all')}
        />
      </Group>
      {list.isPending ? (
        <Center p="lg">
          <Loader size="sm" aria-label="Loading activities" />
        </Center>
      ) : items.length === 0 ? (
        kind === 'all' ? (
          empty
        ) : (
          <Text size="sm" c="dimmed" mt="md">
            No {KIND_LABELS[kind].toLowerCase()}s {kind === 'stage' ? 'changed' : 'logged'}.
          </Text>
        )
      ) : (
        groups.map((group) => (
          <div key={group.key} className={classes.day}>
            <h3 className={classes.dayHeading}>{group.heading}</h3>
            <ul className={classes.list} aria-label={`Activities ${group.heading}`}>
              {group.items.map((e) =>
                e.kind === 'activity' ? (
                  <TimelineItem key={e.id} activity={e.activity} showContact={showContact} onDelete={(x) => void onDelete(x.id)} documents={documents.get(e.activity.id)} />
                ) : (
                  <StageChangeItem key={e.id} entry={e} />
                ),
              )}
            </ul>
          </div>
        ))
      )}
      {hasNextPage && (
        <Center mt="sm">
          <div ref={sentinel} className={classes.sentinel} />
          <Button variant="subtle" size="xs" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            Load older
          </Button>
        </Center>
      )}
    </section>
  );
}
