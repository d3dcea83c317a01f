// One follow-up: a checkbox to complete (or reopen) it, what and when, who it is for, snooze (to a fixed or a picked
// moment), and Delete (to Trash, with Undo). Keys on a focused item: Space/x completes, s snoozes to tomorrow 9:00,
// w to next week, o opens the contact, Delete moves it to Trash; after each, focus goes to the next follow-up.
import { ActionIcon, Anchor, Badge, Checkbox, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconAlarmSnooze, IconTrash } from '@tabler/icons-react';
import { format, formatDistanceToNow, isToday } from 'date-fns';
import { type KeyboardEvent, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Task } from '../../../../shared/domain/activity';
import { useCompleteTask, useReopenTask, useSnoozeTask } from '../../api/activities';
import { planFocusAfterRemoval } from '../../ui/focus-keeper';
import { notifySuccess } from '../../ui/notify';
import { showUndoNotification } from '../../ui/undo-notification';
import classes from '../../ui/ItemList.module.css';
import { nextWeekAt9, tomorrowAt9 } from '../../ui/local-time';
import { SnoozePicker } from './SnoozePicker';
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
  const row = useRef<HTMLLIElement>(null);
  const [picking, setPicking] = useState(false);

  const toggle = () => {
    const refocus = planFocusAfterRemoval(row.current);
    return done
      ? reopen
          .mutateAsync(task.id)
          .then(() => {
            refocus();
            notifySuccess(`Reopened “${task.title}”`);
          })
          .catch(() => undefined)
      : complete
          .mutateAsync(task.id)
          .then(() => {
            refocus();
            showUndoNotification({
              id: `done-${task.id}`,
              message: `Done: ${task.title}`,
              onUndo: () => void reopen.mutateAsync(task.id).catch(() => undefined),
            });
          })
          .catch(() => undefined);
  };
  const snoozeTo = (until: Date, label: string, refocus = planFocusAfterRemoval(row.current)) =>
    snooze.mutateAsync({ id: task.id, until: until.toISOString() }).then(() => {
      refocus();
      notifySuccess(`Snoozed until ${label}`);
    });
  const snoozeQuietly = (until: Date, label: string) => snoozeTo(until, label).catch(() => undefined);

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') return;
    // Keys typed in the snooze dialog or menu (portalled, but React bubbles them here) are not shortcuts.
    if (!e.currentTarget.contains(e.target as Node)) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const actions: Record<string, () => unknown> = {
      x: toggle,
      s: () => snoozeQuietly(tomorrowAt9(), 'tomorrow'),
      w: () => snoozeQuietly(nextWeekAt9(), 'next week'),
      o: () => task.contactId && navigate(`/contacts/${task.contactId}`),
      delete: () => trashFollowUp(task.id),
    };
    const action = actions[e.key.toLowerCase()];
    if (!action) return;
    e.preventDefault();
    void action();
  };

  return (
    <li className={classes.item} ref={row} data-focus-row={task.id} onKeyDown={onKeyDown} aria-label={task.title} aria-keyshortcuts="X S W O Delete">
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
            <Menu.Item onClick={() => void snoozeQuietly(tomorrowAt9(), 'tomorrow')}>Tomorrow 9:00</Menu.Item>
            <Menu.Item onClick={() => void snoozeQuietly(nextWeekAt9(), 'next week')}>Next week (Monday 9:00)</Menu.Item>
            <Menu.Item onClick={() => setPicking(true)}>Pick a date and time…</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {picking && (
        <SnoozePicker
          title={task.title}
          dueAt={task.dueAt}
          saving={snooze.isPending}
          onSnooze={(until) => snoozeTo(until, format(until, 'EEE d MMM, HH:mm'), () => undefined)}
          onClose={() => setPicking(false)}
        />
      )}
      <Tooltip label="Delete">
        <ActionIcon variant="subtle" color="gray" aria-label={`Delete “${task.title}”`} aria-keyshortcuts="Delete" loading={trashing} onClick={() => void trashFollowUp(task.id)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </li>
  );
}
