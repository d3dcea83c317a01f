// The words of Trash's confirmations and notifications (issue #18): counts per kind with thousands separators, in a
// sentence that says what goes with what. Pure functions, so they read the same in every dialog and toast.
import type { TrashCounts, TrashKind } from '../../../../shared/domain/trash';
import { plural } from '../../ui/format';

const NOUNS: Record<keyof TrashCounts, [string, string]> = {
  contacts: ['contact', 'contacts'],
  companies: ['company', 'companies'],
  jobs: ['job', 'jobs'],
  activities: ['activity', 'activities'],
  tasks: ['follow-up', 'follow-ups'],
  appointments: ['appointment', 'appointments'],
  documents: ['document', 'documents'],
};
const ORDER = Object.keys(NOUNS) as (keyof TrashCounts)[];

export const KIND_COUNT: Record<TrashKind, keyof TrashCounts> = {
  contact: 'contacts', company: 'companies', job: 'jobs', activity: 'activities', task: 'tasks', appointment: 'appointments',
};

/** "a", "a and b", "a, b and c". */
export function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "12 activities", "1 follow-up"… for each kind with a count; documents may say whose they are. */
export function countParts(counts: TrashCounts, documentsSuffix = ''): string[] {
  return ORDER.filter((k) => counts[k] > 0).map((k) => `${plural(counts[k], NOUNS[k][0], NOUNS[k][1])}${k === 'documents' ? documentsSuffix : ''}`);
}

export const totalOf = (counts: TrashCounts) => ORDER.reduce((n, k) => n + counts[k], 0);

const CANNOT_UNDO = 'This cannot be undone; a backup is taken first.';

/** The confirmation of one record: "Deletes Amelia Hart for good with their 12 activities and 1 document only they use." */
export function purgeOneText(name: string, kind: TrashKind, alongside: TrashCounts): string {
  const person = kind === 'contact';
  const parts = countParts(alongside, person ? ' only they use' : ' only it uses');
  const withThem = parts.length ? ` with ${person ? 'their ' : ''}${joinAnd(parts)}` : '';
  return `Deletes ${name} for good${withThem}. ${CANNOT_UNDO}`;
}

/** The confirmation of everything: what is in Trash, then what goes with it that is not. */
export function purgeAllText(chosen: TrashCounts, alongside: TrashCounts): string {
  const parts = countParts(alongside, ' only they use');
  const withThem = parts.length ? `. With them go ${joinAnd(parts)}` : '';
  return `Deletes everything in Trash for good: ${joinAnd(countParts(chosen))}${withThem}. ${CANNOT_UNDO}`;
}

export function purgedText(removed: TrashCounts): string {
  const parts = countParts(removed);
  return parts.length ? `Deleted for good: ${joinAnd(parts)}` : 'Nothing was left to delete';
}

export function restoredText(restored: TrashCounts): string {
  const parts = countParts(restored);
  return parts.length ? `Restored ${joinAnd(parts)}` : 'Nothing was left to restore';
}
