// A keyboard-friendly virtual list of links for lists that may hold 100,000 rows: only visible rows are in
// the DOM; rows come either as pages loaded as the end comes into view, or as a window the page fetches at any
// scroll point (rows not loaded yet are placeholders); arrow keys move a single tab stop (roving tabindex).
import { Center, Loader } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useSearchIntoList } from './search-into-list';
import classes from './VirtualList.module.css';

export interface VirtualListProps<T> {
  label: string;
  /** The rows; an undefined entry is a row not loaded yet, shown as a placeholder. */
  items: readonly (T | undefined)[];
  total: number;
  /** Paged lists: another page exists and is fetched when the end comes into view. */
  hasMore?: boolean;
  loadingMore?: boolean;
  loadMore?: () => void;
  /** Windowed lists: which rows are on screen (with some overscan), so the page can fetch them. */
  onRangeChange?: (first: number, last: number) => void;
  /** When it changes (a new search or sort), the list scrolls back to its top. */
  resetKey?: string;
  /** The list's search box: ArrowDown there focuses the first row, ArrowUp on the first row goes back. */
  searchBox?: RefObject<HTMLInputElement | null>;
  rowHeight: number;
  getKey: (item: T) => string;
  getHref: (item: T) => string;
  getRowLabel: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  /** Controls beside a row's link, not inside it where a click would open the row (a selection checkbox); tabbable on the active row only. */
  renderBeside?: (item: T, tabbable: boolean) => ReactNode;
  rowClassName: string;
  header?: ReactNode;
}

const PAGE_KEYS: Record<string, number> = { PageDown: 10, PageUp: -10, ArrowDown: 1, ArrowUp: -1 };

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, hasMore = false, loadingMore = false, loadMore, rowHeight, onRangeChange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // A row focused by key before it was loaded: it takes focus as soon as its link exists.
  const pendingFocus = useRef<number | null>(null);
  const count = items.length + (hasMore ? 1 : 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; nothing here is memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const firstVisible = virtualRows[0]?.index ?? 0;
  const lastVisible = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= items.length - 20) loadMore?.();
  }, [hasMore, loadingMore, lastVisible, items.length, loadMore]);

  const { resetKey } = props;
  const lastResetKey = useRef(resetKey);
  const justReset = useRef(false);
  useEffect(() => {
    if (lastResetKey.current === resetKey) return;
    lastResetKey.current = resetKey;
    justReset.current = true;
    virtualizer.scrollToOffset(0);
    setActive(0);
  }, [resetKey, virtualizer]);

  useEffect(() => {
    // Right after a reset the rows rendered are still those of the old scroll position: report the top instead.
    const shift = justReset.current ? firstVisible : 0;
    justReset.current = false;
    onRangeChange?.(firstVisible - shift, lastVisible - shift);
  }, [onRangeChange, firstVisible, lastVisible]);

  useEffect(() => {
    if (active >= items.length) setActive(Math.max(0, items.length - 1));
  }, [active, items.length]);

  const rowLink = (index: number) => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] a`) ?? null;

  // The element in the list that last took focus. If a render removes it (a new search's rows replace the old
  // ones, or the row turns into a placeholder while its window reloads), focus would fall to the page and the
  // next arrow key would go nowhere: the list keeps focus and hands it to the row at the same place once it exists.
  const focused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const lost = focused.current;
    if (!lost || lost.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    focused.current = null;
    pendingFocus.current = Math.max(0, Math.min(active, items.length - 1));
    scrollRef.current?.focus({ preventScroll: true });
  });

  // After every render: a row waiting for focus gets it once it is loaded and on screen.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const link = rowLink(pendingFocus.current);
    if (!link) return;
    pendingFocus.current = null;
    link.focus();
  });

  const focusRow = (index: number) => {
    const target = Math.min(Math.max(index, 0), items.length - 1);
    if (target < 0) return;
    setActive(target);
    pendingFocus.current = target;
    // Hold focus in the list while the target row renders or loads: the focused row may scroll away and unmount,
    // and focus must not fall to the page meanwhile (the next key would go nowhere).
    if (scrollRef.current?.contains(document.activeElement)) scrollRef.current.focus({ preventScroll: true });
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only exist after the virtualizer re-renders for the new scroll position.
    requestAnimationFrame(() => {
      const link = pendingFocus.current === target ? rowLink(target) : null;
      if (!link) return;
      pendingFocus.current = null;
      link.focus();
    });
  };

  useSearchIntoList(props.searchBox, scrollRef, {
    enter: () => focusRow(0),
    isFirst: (element) => element === rowLink(0),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = PAGE_KEYS[event.key];
    if (step !== undefined) focusRow(active + step);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(items.length - 1);
    else return;
    event.preventDefault();
  };

  return (
    <div className={classes.frame}>
      {props.header}
      <div ref={scrollRef} className={classes.scroll} onKeyDown={onKeyDown} onFocus={(event) => (focused.current = event.target)} tabIndex={-1}>
        <div role="list" aria-label={props.label} className={classes.canvas} style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((row) => {
            const item = items[row.index];
            const placeholder = item === undefined && row.index < items.length;
            return (
              <div
                key={item ? props.getKey(item) : `row-${row.index}`}
                role="listitem"
                data-index={row.index}
                aria-setsize={props.total}
                aria-posinset={row.index + 1}
                aria-busy={item ? undefined : true}
                className={classes.item}
                style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                onFocus={() => setActive(row.index)}
              >
                {item && props.renderBeside?.(item, row.index === active)}
                {item ? (
                  <Link
                    href={props.getHref(item)}
                    className={`${classes.row} ${props.rowClassName}`}
                    tabIndex={row.index === active ? 0 : -1}
                    aria-label={props.getRowLabel(item)}
                  >
                    {props.renderRow(item)}
                  </Link>
                ) : placeholder ? (
                  <div className={classes.placeholder} />
                ) : (
                  <Center h="100%">
                    <Loader size="sm" aria-label="Loading more" />
                  </Center>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
