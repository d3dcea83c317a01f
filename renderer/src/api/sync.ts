// TanStack Query hooks for sync with the user's own CardDAV/CalDAV server (issue #24): accounts, their status, the
// conflict cards, each write, and the live progress of a run. data.changed (entity 'sync') refreshes them through
// live.ts; the run's own events (sync.progress, sync.conflict) refresh them through useSyncLive below, which the
// sync page and the status badge mount.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { EventPayload } from '../../../shared/ipc/events';
import { invoke } from './client';
import { useEvent } from './events';
import type { Families } from './families';

export type SyncAccountRow = ChannelOutput<'sync.accounts.list'>['accounts'][number];
export type SyncStatusRow = ChannelOutput<'sync.status'>['accounts'][number];
export type SyncConflictRow = ChannelOutput<'sync.conflicts.list'>['conflicts'][number];
export type SyncDiscoveryResult = ChannelOutput<'sync.discover'>;
export type SyncReportRow = ChannelOutput<'sync.now'>['reports'][number];
export type SyncProgressEvent = EventPayload<'sync.progress'>;

export const syncKeys = {
  all: ['sync'] as const,
  accounts: ['sync', 'accounts'] as const,
  status: ['sync', 'status'] as const,
  conflicts: ['sync', 'conflicts'] as const,
};

/**
 * Sync's own changes (an account added, a run finished, a card resolved) refresh everything here; a change to a
 * synced record makes the pending count stale, so the status follows contacts, appointments and follow-ups too.
 */
export const syncFamilies: Families = {
  sync: [syncKeys.all],
  contact: [syncKeys.status],
  appointment: [syncKeys.status],
  task: [syncKeys.status],
};

export function useSyncAccounts() {
  return useQuery({ queryKey: syncKeys.accounts, queryFn: () => invoke('sync.accounts.list', {}) });
}

/** `pending`: also count the changes waiting to be sent (costly with many records: only the Sync page asks). */
export function useSyncStatus(options: { pending?: boolean } = {}) {
  const pending = options.pending ?? false;
  return useQuery({ queryKey: [...syncKeys.status, { pending }], queryFn: () => invoke('sync.status', { pending }) });
}

export function useSyncConflicts() {
  return useQuery({ queryKey: syncKeys.conflicts, queryFn: () => invoke('sync.conflicts.list', {}) });
}

/**
 * A call whose every failure the form shows itself, beside the field or above its buttons (a wrong password, a server
 * that does not answer): not a mutation, so the query client does not also raise a notification for it.
 */
function useFormCall<I, O>(run: (input: I) => Promise<O>, after?: () => Promise<unknown>) {
  const [state, setState] = useState<{ pending: boolean; error: unknown }>({ pending: false, error: null });
  const call = async (input: I): Promise<O | undefined> => {
    setState({ pending: true, error: null });
    try {
      const out = await run(input);
      await after?.();
      setState({ pending: false, error: null });
      return out;
    } catch (error) {
      setState({ pending: false, error });
      return undefined;
    }
  };
  return { call, pending: state.pending, error: state.error, reset: () => setState({ pending: false, error: null }) };
}

/** Asking the server what it offers (and checking the login). */
export const useDiscoverSync = () => useFormCall((input: ChannelInput<'sync.discover'>) => invoke('sync.discover', input));

/** Adding checks the login again and may make collections, so it fails the same ways: the form shows them. */
export function useAddSyncAccount() {
  const client = useQueryClient();
  return useFormCall((input: ChannelInput<'sync.accounts.add'>) => invoke('sync.accounts.add', input), () => client.invalidateQueries({ queryKey: syncKeys.all }));
}

/** Every account write changes the list and the status: refetch both (the answer alone does not say the status). */
function useAccountWrite<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: syncKeys.all }),
  });
}

/** Pause and resume (errors become the usual notification). */
export const usePauseSyncAccount = () => useAccountWrite((input: { id: string; enabled: boolean }) => invoke('sync.accounts.update', input));

/** The edit form: a new password is checked against the server, so its failures show in the form too. */
export function useUpdateSyncAccount() {
  const client = useQueryClient();
  return useFormCall((input: ChannelInput<'sync.accounts.update'>) => invoke('sync.accounts.update', input), () => client.invalidateQueries({ queryKey: syncKeys.all }));
}
export const useRemoveSyncAccount = () => useAccountWrite((id: string) => invoke('sync.accounts.remove', { id }));

export function useSyncNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string | undefined) => invoke('sync.now', accountId ? { accountId } : {}),
    onSettled: () => client.invalidateQueries({ queryKey: syncKeys.all }),
  });
}

export function useResolveConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'sync.conflicts.resolve'>) => invoke('sync.conflicts.resolve', input),
    onSettled: () => client.invalidateQueries({ queryKey: syncKeys.all }),
  });
}

/**
 * Keeps the sync views fresh while a run goes on (its progress and new conflict cards arrive as events, not as
 * data.changed) and answers the latest progress of each account, so its card can show the phase and the count.
 */
export function useSyncLive(): Record<string, SyncProgressEvent> {
  const client = useQueryClient();
  const [progress, setProgress] = useState<Record<string, SyncProgressEvent>>({});
  useEvent('sync.progress', (event) => {
    setProgress((old) => ({ ...old, [event.accountId]: event }));
    // The counts move only when a phase ends; refetching on every item would flood a big first sync.
    if (event.phase === 'done' || event.done === event.total) void client.invalidateQueries({ queryKey: syncKeys.status });
  });
  useEvent('sync.conflict', () => void client.invalidateQueries({ queryKey: syncKeys.all }));
  return progress;
}
