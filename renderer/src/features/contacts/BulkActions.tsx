// Bulk changes to the contacts selection (issue #18): tags, kind, email opt-in, company, Trash, each with a count and
// Undo, and "Select all N matching" for the whole filter (the list is paged, so main takes the filter, not ids).
import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Fragment, useRef, useState } from 'react';
import type { BulkChange, BulkTarget } from '../../../../shared/domain/contact-bulk';
import type { SegmentFilter } from '../../../../shared/domain/segment';
import { useBulkUndoContacts, useBulkUpdateContacts } from '../../api/contacts';
import { formatCount, plural, putBackText } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { showUndoNotification } from '../../ui/undo-notification';
import { MergeMenuItem, MergeModal } from '../merges/panels';
import { BULK_TITLES, BulkChangeModal, type BulkAction } from './BulkChangeModal';

interface Props {
  /** The ticked contacts that are loaded. */
  selectedIds: readonly string[];
  /** The list's filter, and how many it matches. */
  filter: SegmentFilter;
  total: number | undefined;
  /** How many rows are loaded (the header's box ticks those). */
  loaded: number;
  allMatching: boolean;
  onSelectAllMatching: () => void;
  /** The selected contacts went to Trash: the list empties the selection and keeps focus in the page. */
  onTrashed: () => void;
}

const ACTIONS: BulkAction[] = ['addTags', 'removeTags', 'setKind', 'setEmailOptIn', 'linkCompany', 'trash'];

/** What was done, in words: "Updated 1,234 contacts", "Moved 3 contacts to Trash". */
function doneText(change: BulkChange, count: number, unchanged: number): string {
  const what = change.action === 'trash' ? `Moved ${plural(count, 'contact')} to Trash` : `Updated ${plural(count, 'contact')}`;
  return unchanged > 0 ? `${what} (${formatCount(unchanged)} already ${unchanged === 1 ? 'was' : 'were'} as asked)` : what;
}

export function BulkActions({ selectedIds, filter, total, loaded, allMatching, onSelectAllMatching, onTrashed }: Props) {
  const update = useBulkUpdateContacts();
  const undo = useBulkUndoContacts();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [merging, setMerging] = useState<string[] | null>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const count = allMatching ? (total ?? selectedIds.length) : selectedIds.length;
  const target: BulkTarget = allMatching ? { filter } : { ids: [...selectedIds] };
  const canSelectMatching = !allMatching && total !== undefined && total > selectedIds.length && selectedIds.length === loaded;

  const apply = (change: BulkChange) =>
    update.mutate(
      { target, change },
      {
        onSuccess: (done) => {
          setAction(null);
          // Contacts sent to Trash leave the list, and the selection goes with them.
          if (change.action === 'trash') onTrashed();
          else menuButton.current?.focus();
          showUndoNotification({
            id: `bulk-${done.undoId}`,
            message: doneText(change, done.count, done.unchanged),
            // A promise, not mutate's callbacks: after Trash this bar (and its hooks) may be gone when Undo is clicked.
            onUndo: () =>
              void undo
                .mutateAsync(done.undoId)
                .then((undone) => notifySuccess(putBackText(undone)))
                .catch(() => undefined),
          });
        },
      },
    );

  return (
    <>
      {canSelectMatching && (
        <Button size="xs" variant="subtle" onClick={onSelectAllMatching}>
          Select all {formatCount(total)} matching
        </Button>
      )}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button ref={menuButton} size="xs" variant="default" rightSection={<IconChevronDown size={14} />}>
            Change selected
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {ACTIONS.map((a) => (
            <Fragment key={a}>
              {a === 'trash' && (
                <>
                  {/* A whole filter's worth is no list of people to merge, unless the ticked rows are all of it. */}
                  <MergeMenuItem kind="contact" ids={allMatching && total !== selectedIds.length ? null : selectedIds} onMerge={setMerging} />
                  <Menu.Divider />
                </>
              )}
              <Menu.Item color={a === 'trash' ? 'red' : undefined} onClick={() => setAction(a)}>
                {BULK_TITLES[a]}…
              </Menu.Item>
            </Fragment>
          ))}
        </Menu.Dropdown>
      </Menu>
      {merging && <MergeModal kind="contact" ids={merging} onClose={() => setMerging(null)} />}
      <BulkChangeModal action={action} count={count} busy={update.isPending} onApply={apply} onClose={() => setAction(null)} />
    </>
  );
}
