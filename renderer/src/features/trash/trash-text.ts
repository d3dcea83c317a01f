// The words of Trash's confirmations and notifications (issue #18): counts per kind with thousands separators, in a
// sentence that says what goes with what. Pure functions, so they read the same in every dialog and toast.
import type { TrashCounts, TrashKind } from '../../../../shared/domain/trash';
import { plural } from '../../ui/format';

const NOUNS: Record<keyof TrashCounts, [string, string]> = {
  contacts: ['contact', 'contacts'],
  companies: ['company', 'companies'],
  jobs: ['job', 'jobs'],
  cases: ['case', 'cases'],
  activities: ['activity', 'activities'],
  tasks: ['follow-up', 'follow-ups'],
  appointments: ['appointment', 'appointments'],
  documents: ['document', 'documents'],
};
const ORDER = Object.keys(NOUNS) as (keyof TrashCounts)[];

export const KIND_COUNT: Record<TrashKind, keyof TrashCounts> = {
  contact: 'contacts', company: 'companies', job: 'jobs', activity: 'activities', task: 'tasks', appointment: 'appointments', case: 'cases',
};

/** "a", "a and b", "a, b and c". */
export function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What a confirmation adds after a count: a case goes with its whole timeline (its entries are not counted). */
const TIMELINES: [string, string] = [' and its timeline', ' and their timelines'];

/**
 * "12 activities", "1 follow-up"… for each kind with a count; documents may say whose they are, and a confirmation
 * says that cases go with their timelines ("3 cases and their timelines").
 */
export function countParts(counts: TrashCounts, documentsSuffix = '', timelines = false): string[] {
  const suffix = (k: keyof TrashCounts) => (k === 'documents' ? documentsSuffix : k === 'cases' && timelines ? TIMELINES[counts[k] === 1 ? 0 : 1] : '');
  return ORDER.filter((k) => counts[k] > 0).map((k) => `${plural(counts[k], NOUNS[k][0], NOUNS[k][1])}${suffix(k)}`);
}

export const totalOf = (counts: TrashCounts) => ORDER.reduce((n, k) => n + counts[k], 0);

const CANNOT_UNDO = 'This cannot be undone; a backup is taken first.';

/** The confirmation of one record: "Deletes Amelia Hart for good with their 12 activities and 1 document only they use." */
export function purgeOneText(name: string, kind: TrashKind, alongside: TrashCounts): string {
  const person = kind === 'contact';
  const parts = countParts(alongside, person ? ' only they use' : ' only it uses', true);
  // A case's own timeline is not counted in `alongside`, but it goes too.
  if (kind === 'case') parts.unshift('its timeline');
  const withThem = parts.length ? ` with ${person ? 'their ' : ''}${joinAnd(parts)}` : '';
  return `Deletes ${name} for good${withThem}. ${CANNOT_UNDO}`;
}

/** The confirmation of everything: what is in Trash, then what goes with it that is not. */
export function purgeAllText(chosen: TrashCounts, alongside: TrashCounts): string {
  const parts = countParts(alongside, ' only they use', true);
  const withThem = parts.length ? `. With them go ${joinAnd(parts)}` : '';
  return `Deletes everything in Trash for good: ${joinAnd(countParts(chosen, '', true))}${withThem}. ${CANNOT_UNDO}`;
}

export function purgedText(removed: TrashCounts): string {
  const parts = countParts(removed);
  return parts.length ? `Deleted for good: ${joinAnd(parts)}` : 'Nothing was left to delete';
}

export function restoredText(restored: TrashCounts): string {
  const parts = countParts(restored);
  return parts.length ? `Restored ${joinAnd(parts)}` : 'Nothing was left to restore';
}
