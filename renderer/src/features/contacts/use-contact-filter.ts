// The contacts list's search, filters and sort, kept for the session so coming back from a contact
// finds the list as it was left.
import { useSessionStorage } from '@mantine/hooks';
import type { ContactKind } from '../../../../shared/domain/contact';
import type { CustomSort } from '../../../../shared/domain/custom-record';
import type { SegmentFilter } from '../../api/reports';
import type { ContactListSort } from './contact-labels';

export interface ContactFilter {
  query: string;
  tag: string | null;
  kind: ContactKind | null;
  sort: ContactListSort;
  /** Sorted by one of the user's own fields instead of `sort` (issue #19). */
  sortCustom?: CustomSort | null;
  /** Customer drift: not contacted in the last N days. */
  notContactedForDays?: number | null;
  hasOverdueTask?: boolean;
  /** The saved-segment filters (city, lead source, revenue…, conditions on custom fields), as contacts.list takes them. */
  more?: MoreFilter;
  /** The saved segment this filter was opened from, until the filter is changed. */
  segment?: { id: string; name: string } | null;
  /** Once the filter of an opened segment is changed: that segment, so the change can be saved back into it. */
  editedFrom?: { id: string; name: string } | null;
}

export type MoreFilter = Omit<SegmentFilter, 'query' | 'tag' | 'kind' | 'companyId' | 'notContactedForDays' | 'hasOverdueTask'>;

/** The filter as a segment saves it (and contacts.list takes it): only what is set. */
export function toSegmentFilter(filter: ContactFilter): SegmentFilter {
  const query = filter.query.trim();
  return {
    ...(query ? { query } : {}),
    ...(filter.tag ? { tag: filter.tag } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.notContactedForDays ? { notContactedForDays: filter.notContactedForDays } : {}),
    ...(filter.hasOverdueTask ? { hasOverdueTask: true } : {}),
    ...filter.more,
  };
}

/** A saved segment's filter as the list's filter state (the list keeps its own sort). */
export function fromSegmentFilter(f: SegmentFilter, sort: ContactListSort, segment: { id: string; name: string }, sortCustom?: CustomSort | null): ContactFilter {
  const { query, tag, kind, notContactedForDays, hasOverdueTask, companyId: _companyId, ...more } = f;
  return { query: query ?? '', tag: tag ?? null, kind: kind ?? null, sort, ...(sortCustom ? { sortCustom } : {}), notContactedForDays: notContactedForDays ?? null, hasOverdueTask: !!hasOverdueTask, more, segment };
}

/** Which segment the filter is (or was opened from) after `patch`; an explicit segment in the patch wins. */
export function segmentAfter(current: ContactFilter, patch: Partial<ContactFilter>): Pick<ContactFilter, 'segment' | 'editedFrom'> | Record<string, never> {
  if ('segment' in patch) return { editedFrom: patch.editedFrom ?? null };
  if (Object.keys(patch).every((k) => k === 'sort' || k === 'sortCustom')) return {};
  return { segment: null, editedFrom: current.segment ?? current.editedFrom ?? null };
}

export const NO_CONTACT_FILTER: ContactFilter = { query: '', tag: null, kind: null, sort: 'name' };

export function useContactFilter() {
  const [filter, setFilter] = useSessionStorage<ContactFilter>({
    key: 'rapport.contacts.filter',
    defaultValue: NO_CONTACT_FILTER,
    getInitialValueInEffect: false,
  });
  // Changing what is filtered leaves the segment it came from (sorting does not), remembering it as editedFrom.
  const update = (patch: Partial<ContactFilter>) => setFilter((current) => ({ ...current, ...patch, ...segmentAfter(current, patch) }));
  const isFiltered =
    filter.query.trim() !== '' || filter.tag !== null || filter.kind !== null || !!filter.notContactedForDays || !!filter.hasOverdueTask || Object.keys(filter.more ?? {}).length > 0;
  return { filter, update, replace: setFilter, reset: () => setFilter({ ...NO_CONTACT_FILTER, sort: filter.sort, sortCustom: filter.sortCustom ?? null }), isFiltered };
}
