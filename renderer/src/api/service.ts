// TanStack Query hooks for the service settings (business calendar, targets) and the service report (issue #22).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export type ServiceReportInput = ChannelInput<'reports.service'>;

export const serviceKeys = {
  calendar: ['service', 'calendar'] as const,
  targets: ['service', 'targets'] as const,
  report: (input: ServiceReportInput) => ['serviceReport', input] as const,
  reports: ['serviceReport'] as const,
};

export const serviceFamilies: Families = {
  service: [['service'], serviceKeys.reports],
  case: [serviceKeys.reports],
  caseStatus: [serviceKeys.reports],
  contact: [serviceKeys.reports],
};

export function useBusinessCalendar() {
  return useQuery({ queryKey: serviceKeys.calendar, queryFn: () => invoke('service.calendar.get', {}) });
}

export function useUpdateBusinessCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'service.calendar.update'>) => invoke('service.calendar.update', input),
    meta: { handlesValidation: true },
    onSuccess: (calendar) => client.setQueryData(serviceKeys.calendar, calendar),
  });
}

export function useServiceTargets() {
  return useQuery({ queryKey: serviceKeys.targets, queryFn: () => invoke('service.targets.get', {}) });
}

export function useUpdateServiceTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'service.targets.update'>) => invoke('service.targets.update', input),
    meta: { handlesValidation: true },
    onSuccess: (targets) => client.setQueryData(serviceKeys.targets, targets),
  });
}

export function useServiceReport(input: ServiceReportInput, enabled: boolean) {
  return useQuery({ queryKey: serviceKeys.report(input), queryFn: () => invoke('reports.service', input), placeholderData: keepPreviousData, enabled });
}

export function useExportServiceCsv() {
  return useMutation({ mutationFn: (input: ServiceReportInput) => invoke('reports.serviceCsv', input) });
}
