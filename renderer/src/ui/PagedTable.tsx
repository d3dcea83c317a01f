// A list read page by page (a TanStack infinite query) as a table: a loader while the first page comes, the caller's
// empty state when there is nothing, the rows, and "Load more" while the list has more. The cases, quotes, invoices
// and jobs lists share it; each gives its own header cells and rows.
import { Button, Center, Loader, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** What the table needs of useInfiniteQuery's result. */
export interface PagedList<T> {
  data?: { pages: readonly { items: readonly T[] }[] } | undefined;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

interface Props<T> {
  list: PagedList<T>;
  /** The table's accessible name ("Quotes"). */
  label: string;
  /** What is loading, for the loader's label ("quotes"). */
  what: string;
  empty: ReactNode;
  /** The header row's cells. */
  head: ReactNode;
  row(item: T): ReactNode;
  striped?: boolean;
}

export function PagedTable<T>({ list, label, what, empty, head, row, striped }: Props<T>) {
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) {
    return (
      <Center p="lg">
        <Loader size="sm" aria-label={`Loading ${what}`} />
      </Center>
    );
  }
  if (items.length === 0) return <>{empty}</>;
  return (
    <div>
      <Table striped={striped} highlightOnHover aria-label={label} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map(row)}</Table.Tbody>
      </Table>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Load more
          </Button>
        </Center>
      )}
    </div>
  );
}
