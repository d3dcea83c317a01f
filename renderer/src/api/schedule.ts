// TanStack Query hooks for the schedule (appointments): occurrences in a visible range, one appointment for its
// edit dialog, each write, the .ics export, the calendar import (pick, preview, run with progress, cancel, undo,
// recent imports), their query keys, and which changes make them stale.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { EventPayload } from '../../../shared/ipc/events';
import { invoke } from './client';
import { useEvent } from './events';
import type { Families } from './families';
import { byId, useEntityMutation } from './mutations';

export type AppointmentRange = ChannelInput<'appointments.list'>;

export const scheduleKeys = {
  all: ['appointments'] as const,
  range: (range: AppointmentRange) => ['appointments', 'list', range] as const,
  one: (id: string) => ['appointments', 'one', id] as const,
  /** Under 'appointments': an import's end and its undo (data.changed 'appointment') refresh the list too. */
  imports: ['appointments', 'imports'] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const scheduleFamilies: Families = {
  // A change to one appointment of a series moves every occurrence, so each visible range is asked again.
  appointment: [scheduleKeys.all],
  // Appointments show the person's name.
  contact: [scheduleKeys.all],
};

export function useAppointmentRange(range: AppointmentRange) {
  return useQuery({ queryKey: scheduleKeys.range(range), queryFn: () => invoke('appointments.list', range), placeholderData: keepPreviousData });
}

export function useAppointment(id: string | null) {
  return useQuery({ queryKey: scheduleKeys.one(id ?? ''), queryFn: () => invoke('appointments.get', { id: id! }), enabled: id !== null });
}

/** For the dialog: validation errors show by the fields. */
export function useCreateAppointment() {
  return useEntityMutation('appointments.create', { detailKey: scheduleKeys.one, handlesValidation: true });
}

/** For the dialog: validation errors show by the fields. */
export function useUpdateAppointment() {
  return useEntityMutation('appointments.update', { detailKey: scheduleKeys.one, handlesValidation: true });
}

/** For drag and drop in the grid: there is no form, so any failure is a notification. */
export function useMoveAppointment() {
  return useEntityMutation('appointments.update', { detailKey: scheduleKeys.one });
}

/** One occurrence of a series becomes a one-off at new times. */
export function useMoveOccurrence() {
  return useEntityMutation('appointments.moveOccurrence', { detailKey: scheduleKeys.one });
}

/** Cancels one occurrence of a series. */
export function useSkipOccurrence() {
  return useEntityMutation('appointments.skipOccurrence', { detailKey: scheduleKeys.one });
}

export function useDeleteAppointment() {
  return useEntityMutation('appointments.delete', { detailKey: scheduleKeys.one, toInput: byId });
}

export function useRestoreAppointment() {
  return useEntityMutation('appointments.restore', { detailKey: scheduleKeys.one, toInput: byId });
}

export function useExportIcs() {
  return useMutation({ mutationFn: (input: ChannelInput<'schedule.exportIcs'>) => invoke('schedule.exportIcs', input) });
}

export type CalendarImportPreview = ChannelOutput<'schedule.importPreview'>;
export type CalendarImportReport = ChannelOutput<'schedule.importRun'>;
export type CalendarImportProgress = EventPayload<'schedule.importProgress'>;

/** The OS open dialog for an .ics file; null when the user cancels. Only a path picked here can be imported. */
export async function pickCalendarFile(): Promise<string | null> {
  const { paths } = await invoke('files.pick', { purpose: 'calendar' });
  return paths[0] ?? null;
}

export function useCalendarImportPreview() {
  // The dialog shows why a file cannot be read, next to the file.
  return useMutation({ mutationFn: (path: string) => invoke('schedule.importPreview', { path }), meta: { handlesValidation: true } });
}

/** Runs an import; `progress` follows its events (the first names the import, so Cancel can stop it). */
export function useRunCalendarImport() {
  const [progress, setProgress] = useState<CalendarImportProgress | null>(null);
  useEvent('schedule.importProgress', (p) => setProgress(p));
  const mutation = useMutation({
    mutationFn: (path: string) => {
      setProgress(null);
      return invoke('schedule.importRun', { path });
    },
    meta: { handlesValidation: true },
  });
  return { ...mutation, progress: mutation.isPending ? progress : null };
}

export function useCancelCalendarImport() {
  return useMutation({ mutationFn: (importId: string) => invoke('schedule.importCancel', { importId }) });
}

export function useUndoCalendarImport() {
  return useMutation({ mutationFn: (importId: string) => invoke('schedule.importUndo', { importId }) });
}

export function useCalendarImports(enabled = true) {
  return useQuery({ queryKey: scheduleKeys.imports, queryFn: () => invoke('schedule.imports', {}), enabled });
}
