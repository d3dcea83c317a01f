// The contacts list: instant search, filters and sort done by main in SQL, rows virtualised and paged
// by keyset cursor so it stays smooth with 100,000 contacts. Rows can be ticked to export just those.
import { Button, Center, Loader, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useMemo } from 'react';
import { Link } from 'wouter';
import type { ContactKind } from '../../../../shared/domain/contact';
import { type ContactListFilter, useContactList } from '../../api/contacts';
import { useTags } from '../../api/search';
import { PageHeader } from '../../ui/PageHeader';
import { VirtualList } from '../../ui/VirtualList';
import { ExportMenu } from '../import-export/panels';
import pageClasses from '../../ui/ListPage.module.css';
import { CONTACT_SORT_OPTIONS, type ContactListSort, DRIFT_OPTIONS, KIND_OPTIONS } from './contact-labels';
import { ContactListHeader } from './ContactListHeader';
import { CONTACT_ROW_HEIGHT, ContactRow, ContactRowCheckbox, contactRowClass } from './ContactRow';
import rowClasses from './ContactRow.module.css';
import { ContactsEmpty } from './ContactsEmpty';
import { MoreFilters } from './MoreFilters';
import { SaveSegmentButton } from './SaveSegmentButton';
import { SegmentMenu, UpdateSegmentButton } from './SegmentActions';
import { toSegmentFilter, useContactFilter } from './use-contact-filter';
import { useSegmentParam } from './use-segment-param';
import { useSelection } from './use-selection';

const PAGE_SIZE = 100;

export function ContactsPage() {
  const { filter, update, replace, reset, isFiltered } = useContactFilter();
  useSegmentParam(filter.sort, replace);
  const [query] = useDebouncedValue(filter.query.trim(), 150);
  // What the list shows, with the debounced search: the same filter a saved segment or an export takes.
  const shown = useMemo(() => toSegmentFilter({ ...filter, query }), [filter, query]);
  const listFilter = useMemo<ContactListFilter>(() => ({ sort: filter.sort, limit: PAGE_SIZE, ...shown }), [filter.sort, shown]);
  const list = useContactList(listFilter);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  // A new search, filter or segment clears the selection, so nobody exports contacts they can no longer see.
  const selection = useSelection(JSON.stringify([filter.segment?.id ?? null, shown]));
  const selectedIds = useMemo(() => items.filter((c) => selection.selected.has(c.id)).map((c) => c.id), [items, selection.selected]);
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Only keys pressed in the list itself: Escape in the Export menu's dropdown (a portal) just closes the menu.
    if (event.key !== 'Escape' || selectedIds.length === 0 || !event.currentTarget.contains(event.target as Node)) return;
    selection.clear();
    event.preventDefault();
  };
  const tags = useTags();
  const tagOptions = (tags.data?.items ?? []).filter((t) => t.contacts > 0).map((t) => t.tag);

  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader
          title={filter.segment ? `Contacts: ${filter.segment.name}` : 'Contacts'}
          subtitle={total === undefined ? ' ' : <span aria-live="polite">{formatCount(total, isFiltered)}</span>}
          actions={
            <>
              <Button component={Link} href="/import" variant="default" leftSection={<IconFileImport size={16} />}>
                Import
              </Button>
              <ExportMenu filter={shown} count={total} />
              <Button component={Link} href="/contacts/new" leftSection={<IconPlus size={16} />}>
                New contact
              </Button>
            </>
          }
        />
        <div className={pageClasses.toolbar} role="search">
          <TextInput
            className={pageClasses.search}
            aria-label="Search contacts"
            placeholder="Search by name, email, phone, company…"
            leftSection={<IconSearch size={16} />}
            value={filter.query}
            onChange={(e) => update({ query: e.currentTarget.value })}
            rightSection={list.isFetching && !list.isFetchingNextPage ? <Loader size={14} aria-label="Searching" /> : null}
          />
          <Select
            aria-label="Filter by tag"
            placeholder="Any tag"
            data={tagOptions}
            value={filter.tag}
            onChange={(tag) => update({ tag })}
            searchable
            clearable
            w={170}
            nothingFoundMessage="No such tag"
          />
          <Select
            aria-label="Filter by kind"
            placeholder="Any kind"
            data={KIND_OPTIONS}
            value={filter.kind}
            onChange={(kind) => update({ kind: kind as ContactKind | null })}
            clearable
            w={150}
          />
          <Select
            aria-label="Not contacted for"
            placeholder="Contacted any time"
            data={DRIFT_OPTIONS}
            value={filter.notContactedForDays ? String(filter.notContactedForDays) : null}
            onChange={(days) => update({ notContactedForDays: days ? Number(days) : null })}
            clearable
            w={200}
          />
          <MoreFilters value={filter.more ?? {}} onChange={(more) => update({ more })} />
          {filter.segment && <SegmentMenu segment={filter.segment} onChanged={(segment) => update({ segment })} />}
          {isFiltered && !filter.segment && filter.editedFrom && (
            <UpdateSegmentButton
              from={filter.editedFrom}
              filter={toSegmentFilter(filter)}
              onUpdated={(segment) => update({ segment })}
              onUndone={(segment) => update({ segment: null, editedFrom: segment })}
            />
          )}
          {isFiltered && !filter.segment && <SaveSegmentButton filter={toSegmentFilter(filter)} onSaved={(segment) => update({ segment })} />}
          <Switch
            label="Overdue follow-up"
            checked={!!filter.hasOverdueTask}
            onChange={(e) => update({ hasOverdueTask: e.currentTarget.checked })}
          />
          <Select
            aria-label="Sort by"
            data={CONTACT_SORT_OPTIONS.map((o) => ({ ...o }))}
            value={filter.sort}
            onChange={(sort) => sort && update({ sort: sort as ContactListSort })}
            allowDeselect={false}
            w={180}
          />
        </div>
      </div>
      {list.isPending ? (
        <Center flex={1}>
          <Loader aria-label="Loading contacts" />
        </Center>
      ) : items.length === 0 ? (
        <ContactsEmpty filtered={isFiltered} query={filter.query.trim()} onClear={reset} />
      ) : (
        <div className={rowClasses.list} onKeyDown={onListKeyDown}>
          <VirtualList
            label="Contacts"
            items={items}
            total={total ?? items.length}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
            rowHeight={CONTACT_ROW_HEIGHT}
            getKey={(c) => c.id}
            getHref={(c) => `/contacts/${c.id}`}
            getRowLabel={(c) => [c.displayName, c.companyName].filter(Boolean).join(', ')}
            renderRow={(c) => <ContactRow contact={c} />}
            renderBeside={(c, tabbable) => (
              <ContactRowCheckbox
                contact={c}
                checked={selection.selected.has(c.id)}
                tabbable={tabbable}
                onChange={(on, extend) => selection.toggle(c.id, on, extend ? items.map((i) => i.id) : undefined)}
              />
            )}
            rowClassName={contactRowClass}
            header={
              <ContactListHeader
                selectedIds={selectedIds}
                loaded={items.length}
                onSelectAll={() => selection.selectAll(items.map((c) => c.id))}
                onClear={selection.clear}
              />
            }
          />
        </div>
      )}
    </div>
  );
}

function formatCount(total: number, filtered: boolean): string {
  const n = total.toLocaleString();
  if (filtered) return `${n} ${total === 1 ? 'match' : 'matches'}`;
  return `${n} ${total === 1 ? 'contact' : 'contacts'}`;
}

