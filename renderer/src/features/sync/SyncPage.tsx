// The Sync page (#/sync): every server account with its status, Sync now for one or all (the progress from the
// sync.progress events, then what the run did), pause and resume, edit, remove; connecting a new server; and, with
// no account yet, what sync does and how to start.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { SyncAccount, SyncReport } from '../../../../shared/domain/sync';
import { useRemoveSyncAccount, useSyncAccounts, useSyncLive, useSyncNow, useSyncStatus } from '../../api/sync';
import { Empty } from '../../ui/Empty';
import { focusWhenReady } from '../../ui/focus-keeper';
import { plural } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { AddAccountModal } from './AccountForm';
import { accountHeadingId, AccountStatus, BusyButton } from './AccountStatus';
import { EditAccountModal } from './EditAccount';

/** Re-renders every half minute, so "5 minutes ago" stays true while the page is open. */
function useTick(ms = 30_000): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
}

export function SyncPage() {
  useTick();
  const accounts = useSyncAccounts();
  const status = useSyncStatus({ pending: true });
  const progress = useSyncLive();
  const now = useSyncNow();
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set());
  const [reports, setReports] = useState<Record<string, SyncReport>>({});
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<SyncAccount | null>(null);
  const [removing, setRemoving] = useState<SyncAccount | null>(null);
  const list = accounts.data?.accounts ?? [];
  const statuses = status.data?.accounts ?? [];
  const conflicts = statuses.reduce((n, s) => n + s.conflicts, 0);

  const run = async (accountId?: string) => {
    const ids = accountId ? [accountId] : list.filter((a) => a.enabled).map((a) => a.id);
    setRunning((old) => new Set([...old, ...ids]));
    try {
      const result = await now.mutateAsync(accountId);
      setReports((old) => ({ ...old, ...Object.fromEntries(result.reports.map((r) => [r.accountId, r])) }));
    } catch {
      // The query client told the user; the card shows the failure from the status.
    } finally {
      setRunning((old) => new Set([...old].filter((id) => !ids.includes(id))));
    }
  };

  const added = (account: SyncAccount) => {
    setAdding(false);
    notifySuccess(`${account.name} connected. Sync now sends your data to it.`);
    focusWhenReady(() => document.getElementById(accountHeadingId(account.id)));
  };

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader
          title="Sync"
          subtitle="Your contacts, appointments and follow-ups, kept in step with your own server and the phones and computers that use it."
          actions={
            list.length > 0 && (
              <>
                <BusyButton busy={running.size > 0 && list.every((a) => !a.enabled || running.has(a.id))} blocked={!list.some((a) => a.enabled)} onClick={() => void run()} icon={<IconRefresh size={16} />}>
                  Sync all now
                </BusyButton>
                <Button variant="default" leftSection={<IconPlugConnected size={16} />} onClick={() => setAdding(true)}>
                  Connect a server
                </Button>
              </>
            )
          }
        />
        {conflicts > 0 && (
          <Group mt="md">
            <Button component={Link} href="/sync/conflicts" color="orange" variant="light">
              Resolve {plural(conflicts, 'conflict')}
            </Button>
          </Group>
        )}
        {accounts.isSuccess && list.length === 0 && (
          <Empty
            mt="xl"
            title="Sync with your own server"
            description={
              <>
                Connect the address book and calendar you already have (Nextcloud, Fastmail, iCloud, Radicale, Baïkal, Synology) and Rapport keeps them in step
                both ways: contacts added on your phone come into Rapport, appointments and follow-ups made here show on your phone. Changes made offline wait and go
                when the server can be reached; nothing is overwritten without asking.
              </>
            }
            actions={
              <Button leftSection={<IconPlugConnected size={16} />} onClick={() => setAdding(true)}>
                Connect a server
              </Button>
            }
          />
        )}
        <Stack mt="md" gap="md">
          {list.map((account) => (
            <AccountStatus
              key={account.id}
              account={account}
              status={statuses.find((s) => s.accountId === account.id)}
              progress={progress[account.id]}
              report={reports[account.id]}
              running={running.has(account.id)}
              onSync={() => void run(account.id)}
              onEdit={() => setEditing(account)}
              onRemove={() => setRemoving(account)}
            />
          ))}
        </Stack>
      </div>
      <AddAccountModal opened={adding} onClose={() => setAdding(false)} onAdded={added} />
      <EditAccountModal account={editing} onClose={() => setEditing(null)} />
      <RemoveAccountModal account={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}

function RemoveAccountModal({ account, onClose }: { account: SyncAccount | null; onClose: () => void }) {
  const remove = useRemoveSyncAccount();
  return (
    <Modal opened={account !== null} onClose={onClose} title={account ? `Remove ${account.name}?` : ''}>
      {account && (
        <Stack>
          <Text>Rapport stops syncing with {account.serverUrl} and forgets the link and the stored password.</Text>
          <Text size="sm">
            Nothing is deleted: your contacts, appointments and follow-ups stay in Rapport, and the server keeps its address book and calendars.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(account.id, {
                  onSuccess: () => {
                    notifySuccess(`${account.name} removed. Nothing in Rapport or on the server was deleted.`);
                    onClose();
                  },
                })
              }
            >
              Remove the link
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
