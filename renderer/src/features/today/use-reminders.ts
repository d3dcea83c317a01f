// Reminders inside the app: a notification when a follow-up falls due (tasks.due) or an appointment is about
// to start (appointments.due), and once at start a count of overdue follow-ups. Each leads where it is about.
import { notifications } from '@mantine/notifications';
import { format, parseISO } from 'date-fns';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { invoke } from '../../api/client';
import { useEvent } from '../../api/events';
import { reminderMessage } from './reminder-message';
import { todayRange } from './today-range';
import { plural } from '../../ui/format';

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

  useEvent('appointments.due', ({ occurrence: o }) => {
    const id = `appointment-due-${o.appointmentId}-${o.startsAt}`;
    const when = o.allDay ? 'All day' : `Starts at ${format(parseISO(o.startsAt), 'HH:mm')}`;
    notifications.show({
      id,
      title: `Coming up: ${o.title}`,
      color: 'indigo',
      autoClose: false,
      message: reminderMessage({
        text: [when, o.contactName, o.location].filter(Boolean).join(' · '),
        actionLabel: 'Open schedule',
        onAction: () => {
          notifications.hide(id);
          navigate('/schedule');
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
          title: plural(n, 'overdue follow-up'),
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
