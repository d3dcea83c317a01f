// The words of a reminder's OS notification.
import { describe, expect, it } from 'vitest';
import { reminderNotification } from '../../electron/main/notifications';

describe('reminderNotification', () => {
  it('names the follow-up and the person, and says how urgent it is', () => {
    expect(reminderNotification({ title: 'Send revised quote', contactName: 'Maya Okafor', dueAt: '2026-11-27T17:00:00Z', allDay: false, overdue: false })).toEqual({
      title: 'Follow-up due now — Maya Okafor',
      body: 'Send revised quote',
    });
    expect(reminderNotification({ title: 'Chase invoice', contactName: null, dueAt: '2026-11-20T09:00:00Z', allDay: false, overdue: true }).title).toBe('Overdue follow-up');
    expect(reminderNotification({ title: 'Card', contactName: 'Ines', dueAt: '2026-11-22T00:00:00Z', allDay: true, overdue: false }).title).toBe('Follow-up due today — Ines');
  });
});
