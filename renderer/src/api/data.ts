// "Your data": where it lives, "Export everything" with live progress and Cancel, and "Move data folder" (check,
// then move). The only code of the data page that knows the transport.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { EventPayload } from '../../../shared/ipc/events';
import { invoke } from './client';
import { useEvent } from './events';

export type ExportAllProgress = EventPayload<'data.exportProgress'>;
export type ExportAllResult = ChannelOutput<'data.exportAll'>;
export type MoveProgress = EventPayload<'data.moveProgress'>;
export type MoveResult = ChannelOutput<'data.moveFolder'>;

export const dataKeys = {
  info: ['data', 'info'] as const,
};

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
