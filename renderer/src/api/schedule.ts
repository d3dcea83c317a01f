// TanStack Query hooks for the schedule (appointments): occurrences in a visible range, one appointment for its
// edit dialog, each write, the .ics export and import, their query keys, and which changes make them stale.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';
import { byId, useEntityMutation } from './mutations';

export type AppointmentRange = ChannelInput<'appointments.list'>;

export const scheduleKeys = {
  all: ['appointments'] as const,
  range: (range: AppointmentRange) => ['appointments', 'list', range] as const,
  one: (id: string) => ['appointments', 'one', id] as const,
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

export function useImportIcs() {
  return useMutation({ mutationFn: (input: ChannelInput<'schedule.importIcs'>) => invoke('schedule.importIcs', input) });
}
