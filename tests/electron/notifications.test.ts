// The words of a reminder's OS notification.
import { describe, expect, it } from 'vitest';
import { appointmentNotification, reminderNotification } from '../../electron/main/notifications';

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

describe('appointmentNotification', () => {
  it('says how soon it starts, with whom and where', () => {
    const now = new Date('2026-11-23T09:45:00Z');
    expect(appointmentNotification({ title: 'Site visit', startsAt: '2026-11-23T10:00:00.000Z', allDay: false, location: 'Harrogate', contactName: 'Maya' }, now)).toEqual({
      title: 'In 15 min: Site visit',
      body: 'Maya · Harrogate',
    });
    expect(appointmentNotification({ title: 'Fair', startsAt: '2026-11-23', allDay: true, location: null, contactName: null }, now).title).toBe('Today: Fair');
  });
});
