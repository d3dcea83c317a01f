// The contacts list's header: a box that ticks every loaded row, then the column names or, once rows are
// ticked, how many and what can be done with them. It takes the header's place, so the rows never move under
// the pointer while someone is ticking them.
import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import type { SegmentFilter } from '../../../../shared/domain/segment';
import { formatCount } from '../../ui/format';
import rows from '../../ui/ListRow.module.css';
import { ExportMenu } from '../import-export/panels';
import { ContactColumnNames, contactRowClass } from './ContactRow';
import classes from './ContactRow.module.css';

interface ContactListHeaderProps {
  /** The ticked contacts, in list order. */
  selectedIds: readonly string[];
  /** How many rows are loaded: the header's box ticks exactly those. */
  loaded: number;
  onSelectAll: () => void;
  onClear: () => void;
  /** Everyone the filter matches is selected ("Select all N matching"), not only the ticked rows. */
  allMatching?: { total: number; filter: SegmentFilter } | undefined;
  /** What else can be done with the selection (bulk changes). */
  actions?: ReactNode;
  /** The headers of the custom columns (sort buttons), after the built-in names. */
  customColumns?: ReactNode;
}

export function ContactListHeader({ selectedIds, loaded, onSelectAll, onClear, allMatching, actions, customColumns }: ContactListHeaderProps) {
  const selectAll = useRef<HTMLInputElement>(null);
  const count = allMatching ? allMatching.total : selectedIds.length;
  const all = !!allMatching || (count > 0 && count === loaded);
  const clear = () => {
    onClear();
    // The bar's buttons go away with it; leave focus on the box beside them rather than on the page.
    selectAll.current?.focus();
  };
  const some = count > 0 && !all;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some;
  }, [some]);
  // When the selection empties by itself (its contacts went to Trash) the bar's buttons go: focus stays in the list.
  const hadSelection = useRef(false);
  useEffect(() => {
    if (count === 0 && hadSelection.current && document.activeElement === document.body) selectAll.current?.focus();
    hadSelection.current = count > 0;
  }, [count]);
  return (
    <div className={`${contactRowClass} ${rows.header}`}>
      {/* Native, like the rows' boxes (ContactRow); "some ticked" is a DOM property only, set below. */}
      <input
        type="checkbox"
        ref={selectAll}
        className={classes.box}
        aria-label="Select all contacts shown"
        checked={all}
        onChange={() => (all ? onClear() : onSelectAll())}
      />
      {count === 0 ? (
        <ContactColumnNames custom={customColumns} />
      ) : (
        <Group
          className={classes.selectionBar}
          gap="sm"
          wrap="nowrap"
          // Escape here clears like anywhere in the list, but must also move focus off the vanishing bar. An
          // Escape in the Export menu's dropdown (a portal, outside this element) only closes the menu.
          onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.contains(e.target as Node) && clear()}
        >
          <Text span size="sm" fw={600} aria-hidden>
            {allMatching ? `All ${formatCount(count)} selected` : `${formatCount(count)} selected`}
          </Text>
          {allMatching ? <ExportMenu filter={allMatching.filter} count={allMatching.total} size="xs" /> : <ExportMenu ids={selectedIds} size="xs" />}
          {actions}
          <Button size="xs" variant="subtle" onClick={clear}>
            Clear selection
          </Button>
        </Group>
      )}
      {/* Always mounted, so screen readers hear every change of the count, including the first. */}
      <VisuallyHidden aria-live="polite">{count > 0 ? `${count.toLocaleString()} ${count === 1 ? 'contact' : 'contacts'} selected` : ''}</VisuallyHidden>
    </div>
  );
}
