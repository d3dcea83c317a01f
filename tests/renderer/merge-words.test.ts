// The words about a past merge and its undo (issue #20): names joined as people write them, counts that agree with
// their nouns, main's table names in people's words, and what the undo toast says about kept edits.
import { describe, expect, it } from 'vitest';
import { andList, countOf, undoConfirmText, undoOutcomeLines } from '../../renderer/src/features/merges/merge-words';

describe('merge words', () => {
  it('joins names with commas and "and"', () => {
    expect(andList([])).toBe('');
    expect(andList(['Bob Smith'])).toBe('Bob Smith');
    expect(andList(['Bob Smith', 'R. Smith'])).toBe('Bob Smith and R. Smith');
    expect(andList(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('counts in people\'s words', () => {
    expect(countOf(1, 'activities')).toBe('1 activity');
    expect(countOf(14, 'activities')).toBe('14 activities');
    expect(countOf(1, 'tasks')).toBe('1 follow-up');
    expect(countOf(2, 'document_links')).toBe('2 documents');
    expect(countOf(1200, 'jobs')).toBe('1,200 jobs');
  });

  it('says what an undo does, with the counts of what moved', () => {
    expect(undoConfirmText(['Bob Smith', 'R. Smith'], 'Robert Smith', 'contact', { activities: 14, jobs: 2, tasks: 0 })).toBe(
      'Bob Smith and R. Smith come back as separate contacts with their own details; the 14 activities and 2 jobs that moved go back to them; what you added to Robert Smith since stays with Robert Smith.',
    );
    expect(undoConfirmText(['Acme Ltd'], 'Acme', 'company', {})).toBe(
      'Acme Ltd comes back as a separate company with its own details; nothing else had moved to them; what you added to Acme since stays with Acme.',
    );
    expect(undoConfirmText(['Bob'], 'Robert', 'contact', undefined)).toContain('the activities, follow-ups, jobs, appointments and documents that moved go back to them');
  });

  it('reports what moved back, what was left alone and the later edits kept', () => {
    expect(undoOutcomeLines({ movedBack: 16, leftAlone: 1, keptEdits: ['Phone numbers', 'Notes'] })).toEqual([
      'Moved 16 linked records back.',
      '1 linked record had been moved or deleted since and was left where it is.',
      'Kept your later changes to: Phone numbers, Notes.',
    ]);
    expect(undoOutcomeLines({ movedBack: 0, leftAlone: 0, keptEdits: [] })).toEqual([]);
  });
});
