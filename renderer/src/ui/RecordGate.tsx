// The one loading / not found / could-not-load gate for a screen that shows one record by id (contact, company,
// job, appointment): the screen itself only ever sees a loaded record. Imports no feature and nothing from app/.
import { Alert, Anchor, Button, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { IpcError } from '../../../shared/ipc/errors';

/** The part of a query result the gate reads (a TanStack useQuery result fits). */
interface RecordQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
}

/** Where "back" goes when the record cannot be shown: a page, or (in a dialog) closing it. */
export type RecordGateBack = { href: string; label: string } | { onBack: () => void; label: string };

interface Props<T> {
  query: RecordQuery<T>;
  /** The record's kind in words: "contact" gives "Loading contact", "This contact no longer exists". */
  what: string;
  back: RecordGateBack;
  children: (record: T) => ReactNode;
}

export function RecordGate<T>({ query, what, back, children }: Props<T>) {
  if (query.isError) {
    const missing = query.error instanceof IpcError && query.error.code === 'NOT_FOUND';
    return (
      <Alert color={missing ? 'yellow' : 'red'} title={missing ? `This ${what} no longer exists` : `The ${what} could not be loaded`} m="lg">
        {'href' in back ? (
          <Anchor component={Link} href={back.href}>
            {back.label}
          </Anchor>
        ) : (
          <Button variant="subtle" size="compact-sm" onClick={back.onBack}>
            {back.label}
          </Button>
        )}
      </Alert>
    );
  }
  if (query.isPending || query.data === undefined) {
    return (
      <Center flex={1} p="xl">
        <Loader aria-label={`Loading ${what}`} />
      </Center>
    );
  }
  return <>{children(query.data)}</>;
}
