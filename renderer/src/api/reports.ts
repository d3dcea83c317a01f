// TanStack Query hooks for reports, saved segments and alerts, their query keys, and which changes make them
// stale (alerts.updated, main's daily check, refreshes the alerts too: see live.ts).
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export type DashboardInput = ChannelInput<'reports.dashboard'>;
export type RecordsInput = ChannelInput<'reports.records'>;
export type Dashboard = ChannelOutput<'reports.dashboard'>;
export type ReportTable = ChannelOutput<'reports.records'>;
export type BreakdownInput = ChannelInput<'reports.breakdown'>;
export type Breakdown = ChannelOutput<'reports.breakdown'>;
export type Segment = ChannelOutput<'segments.create'>;
export type SegmentFilter = ChannelInput<'segments.create'>['filter'];

export const reportKeys = {
  all: ['reports'] as const,
  dashboard: (input: DashboardInput) => ['reports', 'dashboard', input] as const,
  records: (input: RecordsInput) => ['reports', 'records', input] as const,
  breakdown: (input: BreakdownInput | null) => ['reports', 'breakdown', input] as const,
  segments: ['reports', 'segments'] as const,
  alerts: ['reports', 'alerts'] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const reportsFamilies: Families = {
  // Segment counts, clients' names, lead sources, drifting clients.
  contact: [reportKeys.all],
  // Activity counts, "last contacted" behind drift and churn.
  activity: [reportKeys.all],
  // Overdue follow-ups on the dashboard.
  task: [reportKeys.all],
  // Pipeline, revenue, win rate, unanswered quotes and unpaid jobs.
  job: [reportKeys.all],
  // Stage names and categories behind every job figure.
  pipeline: [reportKeys.all],
  // The saved segments in the navigation.
  segment: [reportKeys.segments],
  // How many days make a client drift or a quote go unanswered.
  settings: [reportKeys.alerts],
  // A renamed or archived choice relabels a breakdown's rows (issue #19).
  field: [reportKeys.all],
};

export function useDashboard(input: DashboardInput) {
  return useQuery({ queryKey: reportKeys.dashboard(input), queryFn: () => invoke('reports.dashboard', input), placeholderData: keepPreviousData });
}

export function useRecords(input: RecordsInput) {
  return useQuery({ queryKey: reportKeys.records(input), queryFn: () => invoke('reports.records', input) });
}

/** Jobs by one of the user's choice fields (null: no field to break down by, nothing is asked). */
export function useJobBreakdown(input: BreakdownInput | null) {
  return useQuery({
    queryKey: reportKeys.breakdown(input),
    queryFn: () => invoke('reports.breakdown', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
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
  return useMutation({ mutationFn: (input: ChannelInput<C>) => invoke(channel, input), meta: { handlesValidation: true } });
}

export const useCreateSegment = () => useSegmentWrite('segments.create');
export const useUpdateSegment = () => useSegmentWrite('segments.update');
export const useDeleteSegment = () => useSegmentWrite('segments.delete');

export function useAlerts() {
  return useQuery({ queryKey: reportKeys.alerts, queryFn: () => invoke('alerts.list', {}) });
}
