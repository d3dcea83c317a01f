// TanStack Query hooks for contacts, their query keys, and which changes make them stale; pages are fetched
// by keyset cursor, or as blocks at any offset for the scrolled list, so 100,000 rows stay cheap.
// Imports the transport only through ./client.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Contact } from '../../../shared/domain/contact';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { type Families, listsAndRecords } from './families';
import { byId, useEntityMutation } from './mutations';

export type ContactListFilter = Omit<ChannelInput<'contacts.list'>, 'cursor' | 'offset'>;

export const contactKeys = {
  all: ['contacts'] as const,
  lists: ['contacts', 'list'] as const,
  list: (filter: ContactListFilter) => ['contacts', 'list', filter] as const,
  block: (filter: ContactListFilter, block: number) => ['contacts', 'list', filter, 'block', block] as const,
  one: (id: string) => ['contacts', 'one', id] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const contactsFamilies: Families = {
  // The lists (names, sort order, filters) and the changed people.
  contact: listsAndRecords(contactKeys.all, [contactKeys.lists], contactKeys.one),
  // Every contact shows its company's name.
  company: [contactKeys.all],
  // "Last contacted" on each contact, and the "not contacted for" filter.
  activity: [contactKeys.all],
  // "Next follow-up" on each contact, and the "has an overdue follow-up" filter.
  task: [contactKeys.all],
  // The "has open jobs" and revenue filters of saved segments.
  job: [contactKeys.lists],
  // Stage categories decide which jobs count as open.
  pipeline: [contactKeys.lists],
};

export function useContactList(filter: ContactListFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('contacts.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Rows per block of the windowed list: one contacts.list call each. */
export const CONTACT_BLOCK = 100;

export interface ContactWindow {
  /** total entries; a row not loaded yet is undefined (a placeholder). */
  rows: readonly (Contact | undefined)[];
  total: number | undefined;
  isPending: boolean;
  isFetching: boolean;
}

/**
 * The list as a window: only the blocks of CONTACT_BLOCK rows that cover rows [first, last] are fetched, each
 * straight at its offset, so a scrollbar dragged to the middle of 100,000 rows loads that middle and nothing in
 * between. A new filter keeps the old rows on screen until its new ones arrive (no flash of a loader).
 */
export function useContactWindow(filter: Omit<ContactListFilter, 'limit'>, first: number, last: number): ContactWindow {
  const from = Math.max(0, Math.floor(first / CONTACT_BLOCK));
  const to = Math.max(from, Math.floor(last / CONTACT_BLOCK));
  const blocks = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const listFilter: ContactListFilter = { ...filter, limit: CONTACT_BLOCK };
  const results = useQueries({
    queries: blocks.map((block) => ({
      queryKey: contactKeys.block(listFilter, block),
      queryFn: () => invoke('contacts.list', { ...listFilter, ...(block > 0 ? { offset: block * CONTACT_BLOCK } : {}) }),
    })),
  });
  // Blocks scrolled to are not loaded yet: the list keeps the total it last had for this filter meanwhile.
  const filterKey = JSON.stringify(listFilter);
  const [known, setKnown] = useState<{ key: string; total: number } | null>(null);
  const fetchedTotal = results.find((r) => r.data)?.data?.total;
  // Set during render, React's pattern for state that follows what was fetched: no render shows a stale total.
  if (fetchedTotal !== undefined && (known?.key !== filterKey || known.total !== fetchedTotal)) setKnown({ key: filterKey, total: fetchedTotal });
  const total = fetchedTotal ?? (known?.key === filterKey ? known.total : undefined);
  const dataKey = JSON.stringify([listFilter, from, results.map((r) => [r.isPlaceholderData, r.dataUpdatedAt, r.data?.items.length])]);
  const rows = useMemo(() => {
    const all = new Array<Contact | undefined>(total ?? 0);
    results.forEach((result, i) => {
      const start = (blocks[i] ?? 0) * CONTACT_BLOCK;
      result.data?.items.forEach((item, j) => {
        if (start + j < all.length) all[start + j] = item;
      });
    });
    return all;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when a block's data or the total changes, not on every render
  }, [dataKey, total]);
  const waiting = total === undefined && results.every((r) => r.isPending);
  // useQueries matches its observers by query key, so `placeholderData` never sees a block's data under the previous
  // filter (TanStack/query#7051): the rows last shown stand in until the new filter's rows arrive. Without them the
  // list would unmount for a loader on every keystroke, and a row focused from the search box would drop focus.
  const [lastShown, setLastShown] = useState<{ rows: readonly (Contact | undefined)[]; total: number } | null>(null);
  if (!waiting && total !== undefined && (lastShown?.rows !== rows || lastShown.total !== total)) setLastShown({ rows, total });
  if (waiting && lastShown) return { rows: lastShown.rows, total: lastShown.total, isPending: false, isFetching: true };
  return { rows, total, isPending: waiting, isFetching: results.some((r) => r.isFetching) };
}

/** A short page of contacts matching what was typed, for pickers (the server filters). */
export function useContactOptions(query: string) {
  const trimmed = query.trim();
  const filter = { limit: 20, sort: 'name' as const, ...(trimmed ? { query: trimmed } : {}) };
  return useQuery({
    queryKey: contactKeys.list(filter),
    queryFn: () => invoke('contacts.list', filter),
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: contactKeys.one(id), queryFn: () => invoke('contacts.get', { id }) });
}

export function useCreateContact() {
  return useEntityMutation('contacts.create', { detailKey: contactKeys.one, handlesValidation: true });
}

export function useUpdateContact() {
  return useEntityMutation('contacts.update', { detailKey: contactKeys.one, handlesValidation: true });
}

export function useDeleteContact() {
  return useEntityMutation('contacts.delete', { detailKey: contactKeys.one, toInput: byId });
}

export function useRestoreContact() {
  return useEntityMutation('contacts.restore', { detailKey: contactKeys.one, toInput: byId });
}

/** One change to the ticked contacts, or to everyone a filter matches (issue #18); main answers with an undo id. */
export function useBulkUpdateContacts() {
  return useMutation({ mutationFn: (input: ChannelInput<'contacts.bulkUpdate'>) => invoke('contacts.bulkUpdate', input) });
}

/** Puts back what one bulk change changed, on the contacts nobody changed since. */
export function useBulkUndoContacts() {
  return useMutation({ mutationFn: (undoId: string) => invoke('contacts.bulkUndo', { undoId }) });
}
