// One follow-up: a checkbox to complete (or reopen) it, what and when, who it is for, snooze, and Delete (to Trash,
// with Undo). Keys on a focused item: Space/x completes, s snoozes to tomorrow 9:00, w to next week, o opens the
// contact, Delete moves it to Trash.
import { ActionIcon, Anchor, Badge, Checkbox, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconAlarmSnooze, IconTrash } from '@tabler/icons-react';
import { format, formatDistanceToNow, isToday } from 'date-fns';
import type { KeyboardEvent } from 'react';
import { Link, useLocation } from 'wouter';
import type { Task } from '../../../../shared/domain/activity';
import { useCompleteTask, useReopenTask, useSnoozeTask } from '../../api/activities';
import { notifySuccess } from '../../ui/notify';
import { showUndoNotification } from '../../ui/undo-notification';
import classes from '../../ui/ItemList.module.css';
import { nextWeekAt9, tomorrowAt9 } from '../../ui/local-time';
import { useTrashFollowUp } from './use-trash-follow-up';

export function dueLabel(task: Task): string {
  if (!task.dueAt) return 'No due date';
  const due = new Date(task.dueAt);
  if (task.allDay) return isToday(due) ? 'Today' : format(due, 'EEE d MMM');
  if (isToday(due)) return `${task.overdue ? 'Was due' : 'Due'} ${format(due, 'HH:mm')}`;
  return task.overdue ? `Due ${formatDistanceToNow(due, { addSuffix: true })}` : format(due, 'EEE d MMM, HH:mm');
}

export function TaskItem({ task, showContact = true }: { task: Task; showContact?: boolean }) {
  const complete = useCompleteTask();
  const reopen = useReopenTask();
  const snooze = useSnoozeTask();
  const { trashFollowUp, trashing } = useTrashFollowUp();
  const [, navigate] = useLocation();
  const done = task.completedAt !== null;

  const toggle = () =>
    done
      ? reopen
          .mutateAsync(task.id)
          .then(() => notifySuccess(`Reopened “${task.title}”`))
          .catch(() => undefined)
      : complete
          .mutateAsync(task.id)
          .then(() =>
            showUndoNotification({
              id: `done-${task.id}`,
              message: `Done: ${task.title}`,
              onUndo: () => void reopen.mutateAsync(task.id).catch(() => undefined),
            }),
          )
          .catch(() => undefined);
  const snoozeTo = (until: Date, label: string) =>
    snooze
      .mutateAsync({ id: task.id, until: until.toISOString() })
      .then(() => notifySuccess(`Snoozed until ${label}`))
      .catch(() => undefined);

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const actions: Record<string, () => unknown> = {
      x: toggle,
      s: () => snoozeTo(tomorrowAt9(), 'tomorrow'),
      w: () => snoozeTo(nextWeekAt9(), 'next week'),
      o: () => task.contactId && navigate(`/contacts/${task.contactId}`),
      delete: () => trashFollowUp(task.id),
    };
    const action = actions[e.key.toLowerCase()];
    if (!action) return;
    e.preventDefault();
    void action();
  };

  return (
    <li className={classes.item} onKeyDown={onKeyDown} aria-label={task.title} aria-keyshortcuts="X S W O Delete">
      <Checkbox
        checked={done}
        onChange={() => void toggle()}
        aria-label={done ? `Reopen “${task.title}”` : `Complete “${task.title}”`}
        disabled={complete.isPending || reopen.isPending}
      />
      <div className={classes.body}>
        <Text size="sm" fw={500} className={done ? classes.done : undefined} truncate>
          {task.title}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c={task.overdue && !done ? 'red' : 'dimmed'}>
            {dueLabel(task)}
          </Text>
          {task.priority === 'high' && (
            <Badge size="xs" color="red" variant="light">
              High
            </Badge>
          )}
          {showContact && task.contactId && task.contactName && (
            <Anchor component={Link} href={`/contacts/${task.contactId}`} size="xs" truncate>
              {task.contactName}
            </Anchor>
          )}
        </Group>
      </div>
      {!done && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Tooltip label="Snooze">
              <ActionIcon variant="subtle" color="gray" aria-label={`Snooze “${task.title}”`} loading={snooze.isPending}>
                <IconAlarmSnooze size={16} />
              </ActionIcon>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void snoozeTo(tomorrowAt9(), 'tomorrow')}>Tomorrow 9:00</Menu.Item>
            <Menu.Item onClick={() => void snoozeTo(nextWeekAt9(), 'next week')}>Next week (Monday 9:00)</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <Tooltip label="Delete">
        <ActionIcon variant="subtle" color="gray" aria-label={`Delete “${task.title}”`} aria-keyshortcuts="Delete" loading={trashing} onClick={() => void trashFollowUp(task.id)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </li>
  );
}
