// The contacts list's search, filters and sort, kept for the session so coming back from a contact
// finds the list as it was left.
import { useSessionStorage } from '@mantine/hooks';
import type { ContactKind } from '../../../../shared/domain/contact';
import type { ContactListSort } from './contact-labels';

export interface ContactFilter {
  query: string;
  tag: string | null;
  kind: ContactKind | null;
  sort: ContactListSort;
  /** Customer drift: not contacted in the last N days. */
  notContactedForDays?: number | null;
  hasOverdueTask?: boolean;
}

export const NO_CONTACT_FILTER: ContactFilter = { query: '', tag: null, kind: null, sort: 'name' };

export function useContactFilter() {
  const [filter, setFilter] = useSessionStorage<ContactFilter>({
    key: 'rapport.contacts.filter',
    defaultValue: NO_CONTACT_FILTER,
    getInitialValueInEffect: false,
  });
  const update = (patch: Partial<ContactFilter>) => setFilter((current) => ({ ...current, ...patch }));
  const isFiltered = filter.query.trim() !== '' || filter.tag !== null || filter.kind !== null || !!filter.notContactedForDays || !!filter.hasOverdueTask;
  return { filter, update, reset: () => setFilter({ ...NO_CONTACT_FILTER, sort: filter.sort }), isFiltered };
}
