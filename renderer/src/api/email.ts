// TanStack Query hooks for email: SMTP settings, the outbox, templates and campaigns, their query keys, and
// which changes make them stale (outbox.changed refreshes the same family, see live.ts). The outbox is also
// woken when the browser window sees the network come back.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OutboxStatus } from '../../../shared/domain/email';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export const emailKeys = {
  all: ['email'] as const,
  settings: ['email', 'settings'] as const,
  outbox: (status?: OutboxStatus) => ['email', 'outbox', status ?? 'all'] as const,
  email: (id: string) => ['email', 'message', id] as const,
  templates: ['email', 'templates'] as const,
  campaigns: ['email', 'campaigns'] as const,
  campaign: (id: string) => ['email', 'campaign', id] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const emailFamilies: Families = {
  // The outbox and the message, and a campaign's sent and failed counts.
  email: [emailKeys.all],
  // Templates, and campaigns, which show their template's name.
  template: [emailKeys.all],
  // Campaigns, and the outbox, which holds their messages.
  campaign: [emailKeys.all],
  // The SMTP settings; saving them also ends a pause the outbox shows.
  settings: [emailKeys.all],
};

/** Back online: ask main to try the outbox now instead of at its next look. */
export function useWakeOutboxWhenOnline(): void {
  useEffect(() => {
    const wake = () => void invoke('outbox.sendNow', {}).catch(() => undefined);
    window.addEventListener('online', wake);
    return () => window.removeEventListener('online', wake);
  }, []);
}

export function useSmtpSettings() {
  return useQuery({ queryKey: emailKeys.settings, queryFn: () => invoke('email.settings.get', {}) });
}

/** Writes refresh nothing themselves: main's data.changed and outbox.changed do (see live.ts). */
function useEmailMutation<I, O>(fn: (input: I) => Promise<O>, handlesValidation = false) {
  return useMutation({ mutationFn: fn, ...(handlesValidation ? { meta: { handlesValidation: true } } : {}) });
}

export const useSaveSmtp = () => useEmailMutation((input: ChannelInput<'email.settings.update'>) => invoke('email.settings.update', input), true);
export const useTestSmtp = () => useMutation({ mutationFn: () => invoke('email.settings.test', {}) });

export function useOutbox(status?: OutboxStatus) {
  return useQuery({ queryKey: emailKeys.outbox(status), queryFn: () => invoke('outbox.list', status ? { status } : {}) });
}

export function useEmail(id: string | null) {
  return useQuery({ queryKey: emailKeys.email(id ?? ''), queryFn: () => invoke('emails.get', { id: id! }), enabled: !!id });
}

export const useSendEmail = () => useEmailMutation((input: ChannelInput<'emails.send'>) => invoke('emails.send', input), true);
export const useRetryEmail = () => useEmailMutation((input: ChannelInput<'outbox.retry'>) => invoke('outbox.retry', input));
export const useCancelEmail = () => useEmailMutation((id: string) => invoke('outbox.cancel', { id }));
export const useMarkEmailSent = () => useEmailMutation((id: string) => invoke('outbox.markSent', { id }));
export const useSendNow = () => useEmailMutation(() => invoke('outbox.sendNow', {}));
export const useImportEml = () => useEmailMutation((input: ChannelInput<'emails.importEml'>) => invoke('emails.importEml', input), true);

export function useTemplates() {
  return useQuery({ queryKey: emailKeys.templates, queryFn: () => invoke('templates.list', {}) });
}
export const useCreateTemplate = () => useEmailMutation((input: ChannelInput<'templates.create'>) => invoke('templates.create', input), true);
export const useUpdateTemplate = () => useEmailMutation((input: ChannelInput<'templates.update'>) => invoke('templates.update', input), true);
export const useDeleteTemplate = () => useEmailMutation((id: string) => invoke('templates.delete', { id }));
export const usePreviewTemplate = () => useMutation({ mutationFn: (input: ChannelInput<'templates.preview'>) => invoke('templates.preview', input), meta: { handlesValidation: true } });

export function useCampaigns() {
  return useQuery({ queryKey: emailKeys.campaigns, queryFn: () => invoke('campaigns.list', {}) });
}
/** Who a campaign would reach and skip, asked afresh each time the confirmation opens (contacts change meanwhile). */
export function useCampaignPreview(input: ChannelInput<'campaigns.preview'> | null) {
  return useQuery({
    queryKey: ['email', 'campaign-preview', input] as const,
    queryFn: () => invoke('campaigns.preview', input!),
    enabled: input !== null,
    staleTime: 0,
    gcTime: 0,
  });
}
export const useCreateCampaign = () => useEmailMutation((input: ChannelInput<'campaigns.create'>) => invoke('campaigns.create', input), true);
export const useCancelCampaign = () => useEmailMutation((id: string) => invoke('campaigns.cancel', { id }));

/** The OS file dialog; picked paths are the only ones main will attach or import. */
export function pickFiles(purpose: 'attachment' | 'eml', multiple: boolean) {
  return invoke('files.pick', { purpose, multiple });
}
