// What an OS notification for a due follow-up says. Pure, so it is tested without Electron; main.ts
// shows it with Electron's Notification and opens the follow-up when it is clicked.
import type { Task } from '../../shared/domain/activity';

export function reminderNotification(task: Pick<Task, 'title' | 'contactName' | 'dueAt' | 'allDay' | 'overdue'>): { title: string; body: string } {
  const who = task.contactName ? ` — ${task.contactName}` : '';
  const when = task.overdue ? 'Overdue follow-up' : task.allDay ? 'Follow-up due today' : 'Follow-up due now';
  return { title: `${when}${who}`, body: task.title };
}
