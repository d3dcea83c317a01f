// The contacts list: instant search, filters and sort done by main in SQL, rows virtualised and fetched as
// the window on screen (at any scroll point) so it stays smooth with 100,000 contacts. Rows can be ticked to export just those.
// The user's own fields (issue #19) can be columns (sorted by a click on their header) and filter conditions.
import { Button, Center, Loader, Select, Switch, TextInput } from '@mantine/core';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { ContactKind } from '../../../../shared/domain/contact';
import type { CustomFilter } from '../../../../shared/domain/custom-record';
import { CONTACT_BLOCK, useContactWindow } from '../../api/contacts';
import { useTags } from '../../api/search';
import { ColumnsMenu, CustomSortHeader } from '../../ui/CustomColumns';
import { CustomFilterPills } from '../../ui/CustomFilterPills';
import { customColumnsStyle, customSortFromOption, customSortOptions, liveCustomSort, useCustomColumns } from '../../ui/custom-columns';
import { PageHeader } from '../../ui/PageHeader';
import { VirtualList } from '../../ui/VirtualList';
import { ExportMenu } from '../import-export/panels';
import pageClasses from '../../ui/ListPage.module.css';
import { CONTACT_SORT_OPTIONS, type ContactListSort, DRIFT_OPTIONS, KIND_OPTIONS } from './contact-labels';
import { BulkActions } from './BulkActions';
import { ContactListHeader } from './ContactListHeader';
import { CONTACT_ROW_HEIGHT, ContactRow, ContactRowCheckbox, contactRowClass } from './ContactRow';
import rowClasses from './ContactRow.module.css';
import { ContactsEmpty } from './ContactsEmpty';
import { MoreFilters } from './MoreFilters';
import { SaveSegmentButton } from './SaveSegmentButton';
import { SegmentMenu, UpdateSegmentButton } from './SegmentActions';
import { type MoreFilter, toSegmentFilter, useContactFilter } from './use-contact-filter';
import { useSegmentParam } from './use-segment-param';
import { useSelection } from './use-selection';

export function ContactsPage() {
  const { filter, update, replace, reset, isFiltered } = useContactFilter();
  useSegmentParam(filter.sort, filter.sortCustom, replace);
  const columns = useCustomColumns('contact', 'contacts');
  const sortCustom = liveCustomSort(filter.sortCustom, columns);
  // Deferred, not debounced: the box shows the key at once, the search starts right after in an interruptible render.
  // A search costs the backend a few ms (under 80 ms for one letter), so a wait would only add to every result's time.
  const query = useDeferredValue(filter.query.trim());
  // What the list shows, with the debounced search: the same filter a saved segment or an export takes.
  const shown = useMemo(() => toSegmentFilter({ ...filter, query }), [filter, query]);
  const listFilter = useMemo(() => (sortCustom ? { sortCustom, ...shown } : { sort: filter.sort, ...shown }), [filter.sort, sortCustom, shown]);
  const listKey = JSON.stringify(listFilter);
  // The rows on screen, kept per block so scrolling inside a block does not re-render the page.
  const [range, setRange] = useState({ key: listKey, first: 0, last: 0 });
  const onRangeChange = useCallback(
    (first: number, last: number) =>
      setRange((current) => {
        const same = current.key === listKey && Math.floor(current.first / CONTACT_BLOCK) === Math.floor(first / CONTACT_BLOCK);
        return same && Math.floor(current.last / CONTACT_BLOCK) === Math.floor(last / CONTACT_BLOCK) ? current : { key: listKey, first, last };
      }),
    [listKey],
  );
  // A new filter starts at the top (the list scrolls back there), so it never asks for rows past its end.
  const shownRange = range.key === listKey ? range : { first: 0, last: 0 };
  const list = useContactWindow(listFilter, shownRange.first, shownRange.last);
  const items = list.rows;
  const total = list.total;
  const searchBox = useRef<HTMLInputElement>(null);
  // A new search, filter or segment clears the selection, so nobody exports contacts they can no longer see.
  const selection = useSelection(JSON.stringify([filter.segment?.id ?? null, shown]));
  // The rows loaded so far, in list order: what "select all" and a Shift+click range act on.
  const loadedIds = useMemo(() => items.flatMap((c) => (c ? [c.id] : [])), [items]);
  const selectedIds = useMemo(() => loadedIds.filter((id) => selection.selected.has(id)), [loadedIds, selection.selected]);
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
            ref={searchBox}
            value={filter.query}
            onChange={(e) => update({ query: e.currentTarget.value })}
            rightSection={list.isFetching ? <Loader size={14} aria-label="Searching" /> : null}
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
          <MoreFilters value={filter.more ?? {}} onChange={(more) => update({ more })} definitions={columns.definitions} />
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
            data={[...CONTACT_SORT_OPTIONS.map((o) => ({ ...o })), ...customSortOptions(columns, sortCustom)]}
            value={sortCustom ? `custom:${sortCustom.key}` : filter.sort}
            onChange={(sort) => {
              if (!sort) return;
              const custom = customSortFromOption(sort);
              update(custom ? { sortCustom: custom } : { sort: sort as ContactListSort, sortCustom: null });
            }}
            allowDeselect={false}
            w={180}
          />
          <ColumnsMenu columns={columns} listName="contacts" />
        </div>
        <CustomFilterPills definitions={columns.definitions} filters={filter.more?.custom} onChange={(custom) => update({ more: withCustom(filter.more, custom) })} />
      </div>
      {list.isPending ? (
        <Center flex={1}>
          <Loader aria-label="Loading contacts" />
        </Center>
      ) : total === 0 ? (
        <ContactsEmpty filtered={isFiltered} query={filter.query.trim()} onClear={reset} />
      ) : (
        <div className={rowClasses.list} onKeyDown={onListKeyDown} style={customColumnsStyle(columns.shown.length)}>
          <VirtualList
            label="Contacts"
            items={items}
            total={total ?? items.length}
            onRangeChange={onRangeChange}
            resetKey={listKey}
            searchBox={searchBox}
            rowHeight={CONTACT_ROW_HEIGHT}
            getKey={(c) => c.id}
            getHref={(c) => `/contacts/${c.id}`}
            getRowLabel={(c) => [c.displayName, c.companyName].filter(Boolean).join(', ')}
            renderRow={(c) => <ContactRow contact={c} columns={columns.shown} />}
            renderBeside={(c, tabbable) => (
              <ContactRowCheckbox
                contact={c}
                checked={selection.selected.has(c.id)}
                tabbable={tabbable}
                onChange={(on, extend) => selection.toggle(c.id, on, extend ? loadedIds : undefined)}
              />
            )}
            rowClassName={contactRowClass}
            header={
              <ContactListHeader
                selectedIds={selectedIds}
                loaded={loadedIds.length}
                onSelectAll={() => selection.selectAll(loadedIds)}
                onClear={selection.clear}
                allMatching={selection.allMatching && total !== undefined ? { total, filter: shown } : undefined}
                customColumns={columns.shown.map((d) => (
                  <CustomSortHeader key={d.id} field={d} sort={sortCustom} onSort={(next) => update({ sortCustom: next })} />
                ))}
                actions={
                  <BulkActions
                    selectedIds={selectedIds}
                    filter={shown}
                    total={total}
                    loaded={loadedIds.length}
                    allMatching={selection.allMatching}
                    onSelectAllMatching={() => selection.selectAllMatching(loadedIds)}
                    onTrashed={() => {
                      // The rows (maybe all of them) leave the list: focus goes to its search box, not <body>.
                      selection.clear();
                      searchBox.current?.focus();
                    }}
                  />
                }
              />
            }
          />
        </div>
      )}
    </div>
  );
}

/** The further filters with these conditions on custom fields (none: the key goes, so the list counts as unfiltered). */
function withCustom(more: MoreFilter | undefined, custom: CustomFilter[]): MoreFilter {
  const { custom: _old, ...rest } = more ?? {};
  return custom.length > 0 ? { ...rest, custom } : rest;
}

function formatCount(total: number, filtered: boolean): string {
  const n = total.toLocaleString();
  if (filtered) return `${n} ${total === 1 ? 'match' : 'matches'}`;
  return `${n} ${total === 1 ? 'contact' : 'contacts'}`;
}

