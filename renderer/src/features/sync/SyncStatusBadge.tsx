// A small link to the Sync page for the sidebar or Today: nothing without an account; otherwise the state that needs
// the user first (conflicts, then a failure, then a run going on), else when everything last synced.
import { Anchor, Badge } from '@mantine/core';
import { Link } from 'wouter';
import { useSyncLive, useSyncStatus } from '../../api/sync';
import { plural } from '../../ui/format';
import { fromNow } from './words';

export function SyncStatusBadge() {
  useSyncLive();
  const status = useSyncStatus();
  const accounts = status.data?.accounts ?? [];
  if (accounts.length === 0) return null;
  const conflicts = accounts.reduce((n, a) => n + a.conflicts, 0);
  const failed = accounts.some((a) => a.state === 'error');
  const syncing = accounts.some((a) => a.state === 'syncing');
  const last = accounts.map((a) => a.lastSyncAt).filter((t): t is string => t !== null).sort().at(0);
  const [colour, words, href] =
    conflicts > 0
      ? ['orange', `${plural(conflicts, 'sync conflict')} to resolve`, '/sync/conflicts']
      : failed
        ? ['red', 'Sync failed: see why', '/sync']
        : syncing
          ? ['blue', 'Syncing…', '/sync']
          : ['teal', last ? `Synced ${fromNow(last)}` : 'Not synced yet', '/sync'];
  return (
    <Anchor component={Link} href={href} underline="never" aria-label={words}>
      <Badge color={colour} variant="light" style={{ cursor: 'pointer' }}>
        {words}
      </Badge>
    </Anchor>
  );
}
