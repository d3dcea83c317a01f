// What an OS notification for a due follow-up or an appointment about to start says. Pure, so it is tested without Electron; main.ts
// shows it with Electron's Notification and opens the follow-up when it is clicked.
import type { Task } from '../../shared/domain/activity';
import type { Occurrence } from '../../shared/domain/appointment';

export function reminderNotification(task: Pick<Task, 'title' | 'contactName' | 'dueAt' | 'allDay' | 'overdue'>): { title: string; body: string } {
  const who = task.contactName ? ` — ${task.contactName}` : '';
  const when = task.overdue ? 'Overdue follow-up' : task.allDay ? 'Follow-up due today' : 'Follow-up due now';
  return { title: `${when}${who}`, body: task.title };
}

export function appointmentNotification(occurrence: Pick<Occurrence, 'title' | 'startsAt' | 'allDay' | 'location' | 'contactName'>, now: Date): { title: string; body: string } {
  const minutes = Math.round((Date.parse(occurrence.startsAt) - now.getTime()) / 60_000);
  const when = occurrence.allDay ? 'Today' : minutes <= 0 ? 'Starting now' : `In ${minutes} min`;
  return { title: `${when}: ${occurrence.title}`, body: [occurrence.contactName, occurrence.location].filter(Boolean).join(' · ') };
}

/** A support case's target at 75 % or 100 % (issue #22): "C-0042 response due 17:00" / "C-0042 resolution overdue". */
export function caseDueNotification(due: { label: string; subject: string; target: 'response' | 'resolution'; percent: 75 | 100; dueAt: string }): { title: string; body: string } {
  const what = due.target === 'response' ? 'First response' : 'Resolution';
  const time = new Date(due.dueAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return { title: due.percent === 100 ? `${due.label}: ${what} due now` : `${due.label}: ${what} due at ${time}`, body: due.subject };
}
