// TanStack Query hooks for appointments (the Schedule): occurrences in a visible range, one appointment
// for its edit dialog, each write, and the .ics export and import.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { type AppointmentRange, keys } from './keys';
import { invalidateAll } from './invalidate';
import { byId, useEntityMutation } from './mutations';

export function useAppointmentRange(range: AppointmentRange) {
  return useQuery({ queryKey: keys.appointmentList(range), queryFn: () => invoke('appointments.list', range), placeholderData: keepPreviousData });
}

export function useAppointment(id: string | null) {
  return useQuery({ queryKey: keys.appointment(id ?? ''), queryFn: () => invoke('appointments.get', { id: id! }), enabled: id !== null });
}

/** For the dialog: validation errors show by the fields. */
export function useCreateAppointment() {
  return useEntityMutation('appointments.create', { detailKey: keys.appointment, handlesValidation: true });
}

/** For the dialog: validation errors show by the fields. */
export function useUpdateAppointment() {
  return useEntityMutation('appointments.update', { detailKey: keys.appointment, handlesValidation: true });
}

/** For drag and drop in the grid: there is no form, so any failure is a notification. */
export function useMoveAppointment() {
  return useEntityMutation('appointments.update', { detailKey: keys.appointment });
}

/** One occurrence of a series becomes a one-off at new times. */
export function useMoveOccurrence() {
  return useEntityMutation('appointments.moveOccurrence', { detailKey: keys.appointment });
}

/** Cancels one occurrence of a series. */
export function useSkipOccurrence() {
  return useEntityMutation('appointments.skipOccurrence', { detailKey: keys.appointment });
}

export function useDeleteAppointment() {
  return useEntityMutation('appointments.delete', { detailKey: keys.appointment, toInput: byId });
}

export function useRestoreAppointment() {
  return useEntityMutation('appointments.restore', { detailKey: keys.appointment, toInput: byId });
}

export function useExportIcs() {
  return useMutation({ mutationFn: (input: ChannelInput<'schedule.exportIcs'>) => invoke('schedule.exportIcs', input) });
}

export function useImportIcs() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'schedule.importIcs'>) => invoke('schedule.importIcs', input),
    onSuccess: () => invalidateAll(client),
  });
}
