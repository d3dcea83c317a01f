// ArrowDown in a list's search box goes into the list's first row, and ArrowUp from that row comes back,
// so a keyboard user can search and then pick a result without hunting for it with Tab.
import { type RefObject, useEffect, useRef } from 'react';

/** The first row's focus target in a table or a plain list of links: its first link or button. */
const FIRST_ROW = ['tbody tr:first-child :is(a[href], button)', '[role="list"] > :first-child :is(a[href], button)', 'a[href], button'];

const plain = (event: KeyboardEvent) => !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;

/**
 * Wires `search` to the list in `list`. `enter` focuses the first row (a virtual list scrolls to it first); by
 * default the first link or button inside `list`. `first` tells whether an element is the first row's focus target.
 * The listener sits on the document and reads the refs at key time, so a list that mounts later is found.
 */
export function useSearchIntoList(
  search: RefObject<HTMLInputElement | null> | undefined,
  list: RefObject<HTMLElement | null>,
  options: { enter?: () => void; isFirst?: (element: Element) => boolean } = {},
): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    if (!search) return;
    const firstIn = (area: HTMLElement) => FIRST_ROW.reduce<HTMLElement | null>((found, selector) => found ?? area.querySelector<HTMLElement>(selector), null);
    const onKeyDown = (event: KeyboardEvent) => {
      const box = search.current;
      const area = list.current;
      if (!box || !area || !plain(event) || !(event.target instanceof Element)) return;
      if (event.key === 'ArrowDown' && event.target === box) {
        const { enter } = latest.current;
        if (enter) enter();
        else if (firstIn(area)) firstIn(area)?.focus();
        else return;
      } else if (event.key === 'ArrowUp' && area.contains(event.target)) {
        const { isFirst } = latest.current;
        if (!(isFirst ? isFirst(event.target) : event.target === firstIn(area))) return;
        box.focus();
        // The list's own arrow keys must not also act on it.
        event.stopPropagation();
      } else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [search, list]);
}
