// The words of Trash's confirmations (issue #18): counts with thousands separators and agreeing nouns, what goes
// with one record or with everything, and what came back.
import { describe, expect, it } from 'vitest';
import { purgeAllText, purgedText, purgeOneText, restoredText } from '../../renderer/src/features/trash/trash-text';

const none = { contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 };

describe('Trash confirmations', () => {
  it('names one contact and what only they have', () => {
    expect(purgeOneText('Amelia Hart', 'contact', { ...none, activities: 12, tasks: 2, documents: 1 })).toBe(
      'Deletes Amelia Hart for good with their 12 activities, 2 follow-ups and 1 document only they use. This cannot be undone; a backup is taken first.',
    );
    expect(purgeOneText('Kitchen refit', 'job', { ...none, appointments: 1, documents: 2 })).toBe(
      'Deletes Kitchen refit for good with 1 appointment and 2 documents only it uses. This cannot be undone; a backup is taken first.',
    );
    expect(purgeOneText('Call', 'activity', none)).toBe('Deletes Call for good. This cannot be undone; a backup is taken first.');
  });

  it('counts everything with thousands separators', () => {
    expect(purgeAllText({ ...none, contacts: 30_003, companies: 1 }, { ...none, activities: 1_000_000 })).toBe(
      `Deletes everything in Trash for good: ${(30_003).toLocaleString()} contacts and 1 company. With them go ${(1_000_000).toLocaleString()} activities. This cannot be undone; a backup is taken first.`,
    );
    expect(purgedText({ ...none, contacts: 1, companies: 1 })).toBe('Deleted for good: 1 contact and 1 company');
    expect(purgedText(none)).toBe('Nothing was left to delete');
    expect(restoredText({ ...none, tasks: 1, appointments: 3 })).toBe('Restored 1 follow-up and 3 appointments');
  });

  it('says cases go with their timelines (issue #22)', () => {
    expect(purgeOneText('C-0042 · Printer jams', 'case', none)).toBe(
      'Deletes C-0042 · Printer jams for good with its timeline. This cannot be undone; a backup is taken first.',
    );
    expect(purgeOneText('Amelia Hart', 'contact', { ...none, cases: 2, activities: 1 })).toBe(
      'Deletes Amelia Hart for good with their 2 cases and their timelines and 1 activity. This cannot be undone; a backup is taken first.',
    );
    expect(purgeAllText({ ...none, contacts: 1, cases: 3 }, { ...none, cases: 1 })).toBe(
      'Deletes everything in Trash for good: 1 contact and 3 cases and their timelines. With them go 1 case and its timeline. This cannot be undone; a backup is taken first.',
    );
    expect(purgedText({ ...none, cases: 3 })).toBe('Deleted for good: 3 cases');
    expect(restoredText({ ...none, contacts: 1, cases: 2 })).toBe('Restored 1 contact and 2 cases');
  });
});
