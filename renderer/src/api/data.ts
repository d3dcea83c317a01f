// "Your data": where it lives, "Export everything" with live progress and Cancel, "Move data folder" (check,
// then move), and the first run's welcome and sample data. The only code of those pages that knows the transport.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { EventPayload } from '../../../shared/ipc/events';
import { invoke } from './client';
import { useEvent } from './events';

export type ExportAllProgress = EventPayload<'data.exportProgress'>;
export type ExportAllResult = ChannelOutput<'data.exportAll'>;
export type MoveProgress = EventPayload<'data.moveProgress'>;
export type MoveResult = ChannelOutput<'data.moveFolder'>;

export type SampleStatus = ChannelOutput<'data.sample.status'>;
export type SampleCounts = ChannelOutput<'data.sample.add'>;

export const dataKeys = {
  info: ['data', 'info'] as const,
  sample: ['data', 'sample'] as const,
};

/** Whether to welcome a new user, and which sample records are here; asked afresh each time a page needs it. */
export function useSampleStatus() {
  return useQuery({ queryKey: dataKeys.sample, queryFn: () => invoke('data.sample.status', {}), staleTime: 0, refetchOnMount: 'always' });
}

/** Adding or removing the sample touches every list: everything cached is refetched once. */
function useSampleMutation(channel: 'data.sample.add' | 'data.sample.remove') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke(channel, {}),
    onSuccess: () => client.invalidateQueries(),
  });
}

export const useAddSample = () => useSampleMutation('data.sample.add');
export const useRemoveSample = () => useSampleMutation('data.sample.remove');

export function useDismissWelcome() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('data.welcome.dismiss', {}),
    onSuccess: (status) => client.setQueryData(dataKeys.sample, status),
  });
}

export function useDataInfo() {
  return useQuery({ queryKey: dataKeys.info, queryFn: () => invoke('data.info', {}) });
}

/** Runs "Export everything"; `progress` follows its events (the first names the run, so Cancel can stop it). */
export function useExportAll() {
  const [progress, setProgress] = useState<ExportAllProgress | null>(null);
  useEvent('data.exportProgress', (p) => setProgress(p));
  const mutation = useMutation({
    mutationFn: () => {
      setProgress(null);
      return invoke('data.exportAll', {});
    },
  });
  return { ...mutation, progress: mutation.isPending ? progress : null };
}

export function useCancelExportAll() {
  return useMutation({ mutationFn: (runId: string) => invoke('data.cancel', { runId }) });
}

/** The OS folder dialog; null when the user cancels. */
export async function pickDataFolder(): Promise<string | null> {
  const { paths } = await invoke('files.pick', { purpose: 'document', directory: true });
  return paths[0] ?? null;
}

/** Checks a picked folder (dry run: nothing is copied), for the confirmation. */
export function useCheckMove() {
  return useMutation({ mutationFn: (path: string) => invoke('data.moveFolder', { path, dryRun: true }) });
}

export function useMoveFolder() {
  const [progress, setProgress] = useState<MoveProgress | null>(null);
  useEvent('data.moveProgress', (p) => setProgress(p));
  const mutation = useMutation({
    mutationFn: (path: string) => {
      setProgress(null);
      return invoke('data.moveFolder', { path });
    },
  });
  return { ...mutation, progress: mutation.isPending ? progress : null };
}
