// TanStack Query hooks for consent (issue #21): the purposes the user names, and one person's states and ledger.
// Recording consent answers with the person's new history, so the panel shows it at once; main's data.changed
// (entity 'consent') refreshes any other view of it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export const consentKeys = {
  all: ['consent'] as const,
  purposes: ['consent', 'purposes'] as const,
  history: (contactId: string) => ['consent', 'history', contactId] as const,
};

/** A consent event, a purpose renamed or archived, or a contact written (an import or bulk edit setting opt-in). */
export const consentFamilies: Families = {
  consent: [consentKeys.all],
  contact: (ids) => (ids.length === 0 ? [consentKeys.all] : ids.map(consentKeys.history)),
  import: [consentKeys.all],
  settings: [consentKeys.purposes],
};

export function usePurposes() {
  return useQuery({ queryKey: consentKeys.purposes, queryFn: () => invoke('consent.purposes.list', {}) });
}

/** The whole list as edited: one left out is archived. Validation is shown beside the fields (handlesValidation). */
export function useUpdatePurposes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'consent.purposes.update'>) => invoke('consent.purposes.update', input),
    meta: { handlesValidation: true },
    onSuccess: (list) => client.setQueryData(consentKeys.purposes, list),
  });
}

export function useConsentHistory(contactId: string) {
  return useQuery({ queryKey: consentKeys.history(contactId), queryFn: () => invoke('consent.history', { contactId }) });
}

export function useRecordConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'consent.record'>) => invoke('consent.record', input),
    meta: { handlesValidation: true },
    onSuccess: (history, { contactId }) => client.setQueryData(consentKeys.history(contactId), history),
  });
}
