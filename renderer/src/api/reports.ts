// TanStack Query hooks for reports, saved segments and alerts. Their keys sit under 'contacts' so every
// data change (which refreshes contacts) refreshes the figures, counts and alerts too.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { useEvent } from './events';
import { invalidateAll } from './invalidate';

export type DashboardInput = ChannelInput<'reports.dashboard'>;
export type RecordsInput = ChannelInput<'reports.records'>;
export type Dashboard = ChannelOutput<'reports.dashboard'>;
export type ReportTable = ChannelOutput<'reports.records'>;
export type Segment = ChannelOutput<'segments.create'>;
export type SegmentFilter = ChannelInput<'segments.create'>['filter'];

export const reportKeys = {
  dashboard: (input: DashboardInput) => ['contacts', 'reports', 'dashboard', input] as const,
  records: (input: RecordsInput) => ['contacts', 'reports', 'records', input] as const,
  segments: ['contacts', 'segments'] as const,
  alerts: ['contacts', 'alerts'] as const,
};

export function useDashboard(input: DashboardInput) {
  return useQuery({ queryKey: reportKeys.dashboard(input), queryFn: () => invoke('reports.dashboard', input), placeholderData: keepPreviousData });
}

export function useRecords(input: RecordsInput) {
  return useQuery({ queryKey: reportKeys.records(input), queryFn: () => invoke('reports.records', input) });
}

export function useExportCsv() {
  return useMutation({ mutationFn: (input: RecordsInput) => invoke('reports.exportCsv', input) });
}

export function useExportDashboard() {
  return useMutation({ mutationFn: (input: DashboardInput) => invoke('reports.exportPdf', input) });
}

export function useSegments() {
  return useQuery({ queryKey: reportKeys.segments, queryFn: () => invoke('segments.list', {}) });
}

function useSegmentWrite<C extends 'segments.create' | 'segments.update' | 'segments.delete'>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => invoke(channel, input),
    meta: { handlesValidation: true },
    onSuccess: () => invalidateAll(client),
  });
}

export const useCreateSegment = () => useSegmentWrite('segments.create');
export const useUpdateSegment = () => useSegmentWrite('segments.update');
export const useDeleteSegment = () => useSegmentWrite('segments.delete');

export function useAlerts() {
  const client = useQueryClient();
  // The daily check in main says when to look again (a new day makes quotes and invoices older).
  useEvent('alerts.updated', () => void client.invalidateQueries({ queryKey: reportKeys.alerts }));
  return useQuery({ queryKey: reportKeys.alerts, queryFn: () => invoke('alerts.list', {}) });
}
