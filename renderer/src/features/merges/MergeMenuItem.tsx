// "Merge…" in a list's menu of selection actions (issue #20): 2 to 10 ticked records open the merge grid with them;
// any other number leaves it disabled, and its tooltip says why. The list holds the dialog (a menu closes on click).
import { Menu, Tooltip } from '@mantine/core';
import { type MergeKind } from './merge-words';

export const MERGE_MIN = 2;
export const MERGE_MAX = 10;

interface Props {
  kind: MergeKind;
  /** The ticked records, or null when the selection is a whole filter (not a list of ids to merge). */
  ids: readonly string[] | null;
  onMerge: (ids: string[]) => void;
}

export function MergeMenuItem({ kind, ids, onMerge }: Props) {
  const ok = ids !== null && ids.length >= MERGE_MIN && ids.length <= MERGE_MAX;
  return (
    <Tooltip label={`Select ${MERGE_MIN} to ${MERGE_MAX} ${kind === 'company' ? 'companies' : 'contacts'} to merge`} disabled={ok} position="right">
      {/* aria-disabled, not disabled: a disabled button gets no pointer events, so its tooltip would never show. */}
      <Menu.Item
        data-disabled={!ok || undefined}
        aria-disabled={!ok || undefined}
        closeMenuOnClick={ok}
        onClick={() => ok && onMerge([...ids])}
      >
        Merge…
      </Menu.Item>
    </Tooltip>
  );
}
