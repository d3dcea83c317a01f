// The words a case's due time, its reminder toast and a filed email's case outcome are shown in (issue #22).
import { describe, expect, test } from 'vitest';
import { businessHours, caseDueTitle, dueText } from '../../renderer/src/features/cases/case-text';
import { caseFilingText } from '../../renderer/src/features/cases/case-filing-text';

const now = new Date('2026-12-07T10:00:00Z');

describe('case due words', () => {
  test('an open case is due in, or overdue by, the largest sensible unit; a waiting one is paused', () => {
    expect(dueText({ category: 'open', nextDueAt: '2026-12-07T13:00:00Z' }, now)).toEqual({ text: 'due in 3 h', overdue: false });
    expect(dueText({ category: 'open', nextDueAt: '2026-12-07T09:15:00Z' }, now)).toEqual({ text: 'overdue by 45 min', overdue: true });
    expect(dueText({ category: 'open', nextDueAt: '2026-12-10T10:00:00Z' }, now)).toEqual({ text: 'due in 3 d', overdue: false });
    expect(dueText({ category: 'waiting', nextDueAt: null }, now)).toEqual({ text: 'paused', overdue: false });
    expect(dueText({ category: 'resolved', nextDueAt: null }, now)).toBeNull();
    expect(dueText({ category: 'open', nextDueAt: null }, now)).toBeNull();
  });

  test('business time reads in hours', () => {
    expect(businessHours(2.5 * 3_600_000)).toBe('2.5 h');
    expect(businessHours(40 * 3_600_000)).toBe('40 h');
    expect(businessHours(null)).toBe('–');
  });

  test('the reminder toast says which target of which case, and when', () => {
    const due = { id: 'x', label: 'C-0042', subject: 'Leak', target: 'response', dueAt: '2026-12-07T11:00:00Z' } as const;
    expect(caseDueTitle({ ...due, percent: 75 }, now)).toBe('C-0042 response due in 1 h');
    expect(caseDueTitle({ ...due, target: 'resolution', percent: 100 }, now)).toBe('C-0042 resolution overdue');
  });
});

describe('what filing an email did to a case', () => {
  test('attached, reopened, a follow-up case, a rating', () => {
    expect(caseFilingText({ id: 'a', label: 'C-0042', how: 'attached', previousLabel: null })).toBe('Filed on case C-0042');
    expect(caseFilingText({ id: 'a', label: 'C-0042', how: 'reopened', previousLabel: null })).toBe('Reopened C-0042');
    expect(caseFilingText({ id: 'b', label: 'C-0043', how: 'newCase', previousLabel: 'C-0041' })).toBe('Started C-0043 (follows C-0041)');
    expect(caseFilingText({ id: 'a', label: 'C-0042', how: 'rated', previousLabel: null })).toBe('Rating recorded on C-0042');
  });
});
