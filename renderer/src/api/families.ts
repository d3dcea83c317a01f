// The shape each api/<domain>.ts uses to say which of its cached queries go stale when main reports a change
// (data.changed). live.ts composes them; this file imports no domain, so every domain may import it.
import type { QueryKey } from '@tanstack/react-query';
import type { EventPayload } from '../../../shared/ipc/events';

export type DataChange = EventPayload<'data.changed'>;
export type ChangedEntity = DataChange['entity'];

/** Key prefixes to refetch for a change to these ids (an empty list means "some, unnamed", e.g. a bulk write). */
export type Stale = readonly QueryKey[] | ((ids: readonly string[]) => readonly QueryKey[]);

/** For one domain: which of its query families each changed entity makes stale. Entities it never shows are left out. */
export type Families = Partial<Record<ChangedEntity, Stale>>;

/**
 * The usual answer for a domain's own entity: its lists and the changed records, not every record it has
 * cached; the whole family when the change names no ids.
 */
export function listsAndRecords(family: QueryKey, lists: readonly QueryKey[], record: (id: string) => QueryKey): Stale {
  return (ids) => (ids.length === 0 ? [family] : [...lists, ...ids.map(record)]);
}

export function staleKeys(families: Families, change: DataChange): readonly QueryKey[] {
  const stale = families[change.entity];
  if (!stale) return [];
  return typeof stale === 'function' ? stale(change.ids) : stale;
}
