// Import and export: pick a file, preview it, run the import with live progress, cancel, undo, the history,
// and exports. Progress events only move the progress bar: the data is refreshed once, by the data.changed
// main sends when the import ends (see live.ts), never per batch.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { EventPayload } from '../../../shared/ipc/events';
import { invoke } from './client';
import { useEvent } from './events';
import type { Families } from './families';

export type ImportPreview = ChannelOutput<'import.preview'>;
export type ImportReport = ChannelOutput<'import.run'>;
export type ImportCheck = ChannelOutput<'import.check'>;
export type ImportProgress = EventPayload<'import.progress'>;

export const importExportKeys = {
  imports: ['imports'] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const importExportFamilies: Families = {
  // The history lists each import with its counts and whether it can still be undone.
  import: [importExportKeys.imports],
};

/** The OS open dialog for a CSV or vCard file; null when the user cancels. */
export async function pickImportFile(): Promise<string | null> {
  const { paths } = await invoke('files.pick', { purpose: 'import' });
  return paths[0] ?? null;
}

export function useImportPreview() {
  return useMutation({ mutationFn: (input: ChannelInput<'import.preview'>) => invoke('import.preview', input) });
}

/** A dry run: what the import would create, update (with each change) and skip, before anything is saved. */
export function useImportCheck() {
  return useMutation({ mutationFn: (input: ChannelInput<'import.check'>) => invoke('import.check', input) });
}

/** Runs an import; `progress` follows its events (the first one names the import, so Cancel can stop it). */
export function useRunImport() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEvent('import.progress', (p) => setProgress(p));
  const mutation = useMutation({
    mutationFn: (input: ChannelInput<'import.run'>) => {
      setProgress(null);
      return invoke('import.run', input);
    },
  });
  return { ...mutation, progress };
}

export function useCancelImport() {
  return useMutation({ mutationFn: (importId: string) => invoke('import.cancel', { importId }) });
}

export function useUndoImport() {
  return useMutation({ mutationFn: (importId: string) => invoke('import.undo', { importId }) });
}

export function useImports() {
  return useQuery({ queryKey: importExportKeys.imports, queryFn: () => invoke('imports.list', {}) });
}

export type ExportProgress = EventPayload<'export.progress'>;

/** Runs an export; `progress` follows its events while it runs (the first names it, so Cancel can stop it). */
function useExport<C extends 'export.contacts' | 'export.table'>(channel: C) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  useEvent('export.progress', (p) => setProgress(p));
  const mutation = useMutation({
    mutationFn: (input: ChannelInput<C>) => {
      setProgress(null);
      return invoke(channel, input);
    },
  });
  // Several export buttons may be on screen; only the one that started an export shows its progress.
  return { ...mutation, progress: mutation.isPending ? progress : null };
}

export const useExportContacts = () => useExport('export.contacts');
export const useExportTable = () => useExport('export.table');

export function useCancelExport() {
  return useMutation({ mutationFn: (exportId: string) => invoke('export.cancel', { exportId }) });
}
