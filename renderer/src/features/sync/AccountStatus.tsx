// One account on the Sync page: its state, when it last synced, what waits to be sent, conflicts (with a link to
// them), the last failure in the app's words and when Rapport tries again; the run's progress and what it did; and
// Sync now, Pause/Resume, Edit and Remove. Busy buttons are aria-disabled rather than disabled, so the focus stays
// on them while a run goes on (a disabled button drops the focus to the page).
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { SyncAccount, SyncReport } from '../../../../shared/domain/sync';
import { type SyncProgressEvent, type SyncStatusRow, usePauseSyncAccount } from '../../api/sync';
import { plural } from '../../ui/format';
import { collectionsWords, fromNow, lastSyncWords, pendingWords, progressWords, reportWords, STATE_COLOURS, STATE_WORDS } from './words';

interface Props {
  account: SyncAccount;
  status: SyncStatusRow | undefined;
  progress: SyncProgressEvent | undefined;
  report: SyncReport | undefined;
  /** This account's run (its own Sync now or Sync all) is going on. */
  running: boolean;
  onSync: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

export const accountHeadingId = (id: string) => `sync-account-${id}`;

export function AccountStatus({ account, status, progress, report, running, onSync, onEdit, onRemove }: Props) {
  const pause = usePauseSyncAccount();
  // A run this window did not start (the automatic one) shows by its progress events alone.
  const live = progress !== undefined && progress.phase !== 'done';
  const busy = running || live;
  const state = busy ? 'syncing' : (status?.state ?? (account.enabled ? 'idle' : 'paused'));
  const paused = !account.enabled;
  const shownProgress = live ? progress : null;

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={accountHeadingId(account.id)}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0} miw={0}>
            <Title order={2} size="h4" id={accountHeadingId(account.id)} tabIndex={-1}>
              {account.name}
            </Title>
            <Text size="sm" c="dimmed" truncate>
              {account.username} on {account.serverUrl}
            </Text>
          </Stack>
          <Badge color={STATE_COLOURS[state]} variant="light" style={{ flexShrink: 0 }}>
            {STATE_WORDS[state]}
          </Badge>
        </Group>
        <Text size="sm">{collectionsWords(account)}</Text>
        {status && (
          <Stack gap={2}>
            <Text size="sm">{lastSyncWords(status)}</Text>
            {status.pendingChanges !== null && <Text size="sm">{pendingWords(status.pendingChanges)}</Text>}
            {status.conflicts > 0 && (
              <Anchor component={Link} href="/sync/conflicts" size="sm" fw={600}>
                {plural(status.conflicts, 'conflict')} to resolve
              </Anchor>
            )}
          </Stack>
        )}
        {status && status.unreadable.length > 0 && (
          <Alert color="gray" title={`${plural(status.unreadable.length, 'item')} on the server Rapport could not read`}>
            <Text size="sm">They stay on the server as they are; Rapport tries again when they change there.</Text>
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {status.unreadable.map((u) => (
                <li key={u.item}>
                  <Text size="sm">
                    {u.item}: {u.reason}
                  </Text>
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {status?.lastError && !busy && (
          <Alert color="red" title="The last sync did not finish">
            {status.lastError}
            {status.nextAttemptAt && !paused && <Text size="sm" mt={4}>Rapport tries again {fromNow(status.nextAttemptAt)}, or now with Sync now.</Text>}
          </Alert>
        )}
        {!account.secretStore.secure && (
          <Alert color="yellow" title="Your password is not stored securely on this computer">
            This system has no protected password store (“{account.secretStore.backend}”), so other programs running as you could read the saved password.
            Use an app password you can withdraw on the server, or set up the system keyring.
          </Alert>
        )}
        {paused && <Text size="sm">Paused: changes wait here and on the server until you resume.</Text>}
        <div role="status" aria-live="polite" aria-label={`${account.name} sync progress`}>
          {shownProgress && (
            <Stack gap={4}>
              <Text size="sm">{progressWords(shownProgress)}</Text>
              {shownProgress.total > 0 && <Progress value={(100 * shownProgress.done) / shownProgress.total} aria-label={progressWords(shownProgress)} />}
            </Stack>
          )}
          {busy && !shownProgress && <Text size="sm">Syncing…</Text>}
          {!busy && report && (
            <Text size="sm" c={report.error ? 'red' : undefined}>
              {/* The failure's words are in the alert above once the status has it: said once. */}
              {reportWords(report, report.error !== status?.lastError)}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <BusyButton busy={busy} blocked={paused} onClick={onSync} icon={<IconRefresh size={16} />}>
            Sync now
          </BusyButton>
          <BusyButton
            busy={pause.isPending}
            variant="default"
            onClick={() => pause.mutate({ id: account.id, enabled: paused })}
            icon={paused ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
          >
            {paused ? 'Resume' : 'Pause'}
          </BusyButton>
          <Button variant="default" onClick={onEdit}>
            Edit…
          </Button>
          <Button variant="subtle" color="red" onClick={onRemove}>
            Remove…
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

interface BusyProps {
  busy: boolean;
  /** Not possible now (a paused account cannot sync), though not busy. */
  blocked?: boolean;
  onClick: () => void;
  icon: ReactNode;
  variant?: string;
  children: ReactNode;
}

/** A button that says it is busy and ignores clicks, but keeps the focus (see the file's comment). */
export function BusyButton({ busy, blocked = false, onClick, icon, variant, children }: BusyProps) {
  const off = busy || blocked;
  return (
    <Button
      variant={variant ?? 'filled'}
      aria-disabled={off || undefined}
      data-disabled={off || undefined}
      aria-busy={busy || undefined}
      leftSection={busy ? <Loader size={14} /> : icon}
      onClick={() => {
        if (!off) onClick();
      }}
    >
      {children}
    </Button>
  );
}
