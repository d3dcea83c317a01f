// A keyboard-friendly virtual list of links for lists that may hold 100,000 rows: only visible rows
// are in the DOM, pages load as the end comes into view, and arrow keys move a single tab stop (roving tabindex).
import { Center, Loader } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import classes from './VirtualList.module.css';

export interface VirtualListProps<T> {
  label: string;
  items: readonly T[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
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
  const { items, hasMore, loadingMore, loadMore, rowHeight } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const count = items.length + (hasMore ? 1 : 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; nothing here is memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisible = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= items.length - 20) loadMore();
  }, [hasMore, loadingMore, lastVisible, items.length, loadMore]);

  useEffect(() => {
    if (active >= items.length) setActive(Math.max(0, items.length - 1));
  }, [active, items.length]);

  const focusRow = (index: number) => {
    const target = Math.min(Math.max(index, 0), items.length - 1);
    if (target < 0) return;
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only exist after the virtualizer re-renders for the new scroll position.
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"] a`)?.focus();
    });
  };

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
      <div ref={scrollRef} className={classes.scroll} onKeyDown={onKeyDown}>
        <div role="list" aria-label={props.label} className={classes.canvas} style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((row) => {
            const item = items[row.index];
            return (
              <div
                key={item ? props.getKey(item) : 'loading'}
                role="listitem"
                data-index={row.index}
                aria-setsize={props.total}
                aria-posinset={row.index + 1}
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
