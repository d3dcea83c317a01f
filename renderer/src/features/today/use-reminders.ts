// Reminders inside the app: a notification when a follow-up falls due (tasks.due), and once at start
// a count of overdue follow-ups. Both lead to the contact or the Today view.
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { invoke } from '../../api/client';
import { useEvent } from '../../api/events';
import { reminderMessage } from './reminder-message';
import { todayRange } from './today-range';

export function useReminders(): void {
  const [, navigate] = useLocation();

  useEvent('tasks.due', ({ task }) => {
    notifications.show({
      id: `due-${task.id}`,
      title: `Follow-up due: ${task.title}`,
      color: 'orange',
      autoClose: false,
      message: reminderMessage({
        text: task.contactName ?? 'No contact',
        actionLabel: task.contactId ? `Open ${task.contactName ?? 'contact'}` : 'Open Today',
        onAction: () => {
          notifications.hide(`due-${task.id}`);
          navigate(task.contactId ? `/contacts/${task.contactId}` : '/today');
        },
      }),
    });
  });

  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    invoke('tasks.today', todayRange())
      .then(({ overdue }) => {
        if (overdue.length === 0) return;
        const n = overdue.length;
        notifications.show({
          id: 'overdue-on-start',
          title: `${n} overdue follow-up${n === 1 ? '' : 's'}`,
          color: 'red',
          autoClose: 15_000,
          message: reminderMessage({
            text: 'They are at the top of Today.',
            actionLabel: 'Open Today',
            onAction: () => {
              notifications.hide('overdue-on-start');
              navigate('/today');
            },
          }),
        });
      })
      .catch(() => undefined);
  }, [navigate]);
}
