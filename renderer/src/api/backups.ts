// TanStack Query hooks for backups: the list, settings, the read-only look into one backup, and the actions
// (back up now, restore all, restore one record). A whole restore refetches every query: all data changed.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { useEvent } from './events';
import type { Families } from './families';

export type BackupRow = ChannelOutput<'backups.list'>['items'][number];
export type BackupSettingsValue = ChannelOutput<'backups.settings.get'>;
export type BackupView = ChannelOutput<'backups.open'>;

export const backupKeys = {
  all: ['backups'] as const,
  list: ['backups', 'list'] as const,
  settings: ['backups', 'settings'] as const,
  open: (input: ChannelInput<'backups.open'>) => ['backups', 'open', input] as const,
};

/** Backups are not records: only a restore or a settings change makes these stale (handled below). */
export const backupsFamilies: Families = { settings: [backupKeys.settings] };

export function useBackupList() {
  const client = useQueryClient();
  // Each finished backup (hourly, on quit, before an import) shows up without a refresh.
  useEvent('backups.progress', (p) => {
    if (p.phase === 'done' || p.phase === 'failed' || p.phase === 'restored') void client.invalidateQueries({ queryKey: backupKeys.all });
  });
  return useQuery({ queryKey: backupKeys.list, queryFn: () => invoke('backups.list', {}) });
}

export function useBackupSettings() {
  return useQuery({ queryKey: backupKeys.settings, queryFn: () => invoke('backups.settings.get', {}) });
}

export function useBackupView(input: ChannelInput<'backups.open'> | null) {
  return useQuery({
    queryKey: backupKeys.open(input ?? { id: '' }),
    queryFn: () => invoke('backups.open', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCreateBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('backups.create', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: backupKeys.all }),
  });
}

export function useUpdateBackupSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'backups.settings.update'>) => invoke('backups.settings.update', input),
    onSuccess: (value) => {
      client.setQueryData(backupKeys.settings, value);
      void client.invalidateQueries({ queryKey: backupKeys.list });
    },
  });
}

export function useRestoreBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('backups.restore', { id }),
    // Every record may differ now: drop every cached answer so each view reloads from the restored store.
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useRestoreRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'backups.restoreRecord'>) => invoke('backups.restoreRecord', input),
    onSuccess: () => client.invalidateQueries(),
  });
}

export async function pickBackupFolder(): Promise<string | null> {
  const { paths } = await invoke('files.pick', { purpose: 'document', directory: true });
  return paths[0] ?? null;
}
