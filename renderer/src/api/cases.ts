// TanStack Query hooks for customer service cases (issue #22): the list, one case with its timeline, each write,
// statuses and case templates, their query keys, and which changes make them stale. Every write answers with the
// whole case (CaseDetail), so its page shows the saved version at once; data.changed refreshes the lists.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export type CaseDetail = ChannelOutput<'cases.get'>;
export type CaseRow = CaseDetail['case'];
export type CaseListItem = ChannelOutput<'cases.list'>['items'][number];
export type CaseListFilter = Omit<ChannelInput<'cases.list'>, 'cursor'>;
export type CaseStatusRow = ChannelOutput<'cases.statuses.list'>['statuses'][number];
export type CaseTemplateRow = ChannelOutput<'cases.templates.list'>['templates'][number];

export const caseKeys = {
  all: ['cases'] as const,
  list: (filter: Partial<CaseListFilter>) => ['cases', 'list', filter] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  /** Not under 'cases': a case change does not refetch the settings. */
  statuses: ['caseStatuses'] as const,
  templates: ['caseTemplates'] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const casesFamilies: Families = {
  case: [caseKeys.all],
  // Status names show on every row and page.
  caseStatus: [caseKeys.statuses, caseKeys.all],
  caseTemplate: [caseKeys.templates],
  // Calendar or targets changed: every due time moves.
  service: [caseKeys.all],
  // Rows and pages show the contact's and company's names; a filed email or logged call can become an entry.
  contact: [caseKeys.all],
  company: [caseKeys.all],
  activity: [caseKeys.all],
  task: [caseKeys.all],
};

export function useCaseList(filter: Partial<CaseListFilter>, enabled = true) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('cases.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => invoke('cases.get', { id }) });
}

type DetailChannel = { [C in Channel]: ChannelOutput<C> extends CaseDetail ? C : never }[Channel];

/** A write that answers with the whole case: prime its page's cache with it. */
function useCaseWrite<C extends DetailChannel>(channel: C, handlesValidation = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => invoke(channel, input) as Promise<CaseDetail>,
    ...(handlesValidation ? { meta: { handlesValidation: true } } : {}),
    onSuccess: (detail: CaseDetail) => client.setQueryData(caseKeys.one(detail.case.id), detail),
  });
}

export const useCreateCase = () => useCaseWrite('cases.create', true);
export const useUpdateCase = () => useCaseWrite('cases.update');
export const useSetCaseStatus = () => useCaseWrite('cases.setStatus');
export const useReplyToCase = () => useCaseWrite('cases.reply', true);
export const useCaseNote = () => useCaseWrite('cases.note', true);
export const useRateCase = () => useCaseWrite('cases.rate', true);
export const useMergeCases = () => useCaseWrite('cases.merge');

/** Delete and restore in the shape useTrashWithUndo wants (both answer with something carrying the id). */
export function useDeleteCase() {
  const m = useMutation({ mutationFn: (id: string) => invoke('cases.delete', { id }).then(() => ({ id })) });
  return m;
}
export function useRestoreCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('cases.restore', { id }).then((detail) => ({ ...detail, id: detail.case.id })),
    onSuccess: (detail) => client.setQueryData(caseKeys.one(detail.case.id), detail),
  });
}

export function useCaseStatuses() {
  return useQuery({ queryKey: caseKeys.statuses, queryFn: () => invoke('cases.statuses.list', {}) });
}

export function useUpdateCaseStatuses() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'cases.statuses.update'>) => invoke('cases.statuses.update', input),
    meta: { handlesValidation: true },
    onSuccess: (list) => client.setQueryData(caseKeys.statuses, list),
  });
}

export function useCaseTemplates() {
  return useQuery({ queryKey: caseKeys.templates, queryFn: () => invoke('cases.templates.list', {}) });
}

export function useSaveCaseTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'cases.templates.create'> & { id?: string }) =>
      input.id ? invoke('cases.templates.update', { ...input, id: input.id }) : invoke('cases.templates.create', input),
    meta: { handlesValidation: true },
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.templates }),
  });
}

export function useDeleteCaseTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('cases.templates.delete', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.templates }),
  });
}
