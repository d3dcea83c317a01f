// A reverse-chronological timeline of activities (one contact's, one company's, one job's, or everyone's), grouped
// by day, filtered by type, loading older pages as the end scrolls into view.
import { Button, Center, Group, Loader, SegmentedControl, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActivityType } from '../../../../shared/domain/activity';
import { useActivityList, useDeleteActivity, useRestoreActivity } from '../../api/activities';
import type { ActivityListFilter } from '../../api/keys';
import { notifySuccess } from '../../app/notify';
import { showUndoNotification } from '../../ui/undo-notification';
import { TYPE_LABELS, TYPE_OPTIONS } from './activity-labels';
import { groupByDay } from './day-groups';
import classes from './Timeline.module.css';
import { TimelineItem } from './TimelineItem';

interface Props {
  scope: Pick<ActivityListFilter, 'contactId' | 'companyId' | 'jobId'>;
  showContact?: boolean;
  /** Shown when there is nothing at all (not when a type filter hides everything). */
  empty: React.ReactNode;
  title?: string;
}

export function Timeline({ scope, showContact = false, empty, title = 'Timeline' }: Props) {
  const [type, setType] = useState<ActivityType | 'all'>('all');
  const filter = useMemo<ActivityListFilter>(() => ({ ...scope, limit: 30, ...(type !== 'all' ? { type } : {}) }), [scope, type]);
  const list = useActivityList(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const groups = useMemo(() => groupByDay(items, (a) => a.occurredAt), [items]);
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
          data={[{ value: 'all', label: 'All' }, ...TYPE_OPTIONS]}
          value={type}
          onChange={(value) => setType(value as ActivityType | 'all')}
        />
      </Group>
      {list.isPending ? (
        <Center p="lg">
          <Loader size="sm" aria-label="Loading activities" />
        </Center>
      ) : items.length === 0 ? (
        type === 'all' ? (
          empty
        ) : (
          <Text size="sm" c="dimmed" mt="md">
            No {TYPE_LABELS[type].toLowerCase()}s logged.
          </Text>
        )
      ) : (
        groups.map((group) => (
          <div key={group.key} className={classes.day}>
            <h3 className={classes.dayHeading}>{group.heading}</h3>
            <ul className={classes.list} aria-label={`Activities ${group.heading}`}>
              {group.items.map((a) => (
                <TimelineItem key={a.id} activity={a} showContact={showContact} onDelete={(x) => void onDelete(x.id)} />
              ))}
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
