// TanStack Query hooks for custom field definitions (issue #19): the list per record type (live, archived, Trash)
// and every change to a definition. Each change refetches the definitions; records' values ride in their own queries.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldRecordType } from '../../../shared/domain/custom-fields';
import type { Channel, ChannelInput } from '../../../shared/ipc/contract';
import { IpcError } from '../../../shared/ipc/errors';
import { invoke } from './client';
import { companyKeys } from './companies';
import { contactKeys } from './contacts';
import type { Families } from './families';

export const fieldsKeys = {
  all: ['fields'] as const,
  list: (recordType: FieldRecordType, which: 'live' | 'all' | 'trashed') => ['fields', recordType, which] as const,
};

/** A field change may change how any record shows, so record pages and lists refetch too (live.ts lists this). */
export const fieldsFamilies: Families = { field: [fieldsKeys.all, ['contacts'], ['companies'], ['jobs']] };

/** The record type's fields in form order: `live` (what forms show), `all` (archived too), `trashed`. */
export function useFieldDefinitions(recordType: FieldRecordType, which: 'live' | 'all' | 'trashed' = 'live') {
  return useQuery({
    queryKey: fieldsKeys.list(recordType, which),
    queryFn: async () => (await invoke('fields.list', { recordType, includeArchived: which === 'all', trashed: which === 'trashed' })).items,
    staleTime: 60_000,
  });
}

type FieldWrite = Extract<Channel, 'fields.create' | 'fields.update' | 'fields.archive' | 'fields.delete' | 'fields.restore' | 'fields.reorder'>;

/** One hook per channel: the call, then every definitions list refetches (also done by live.ts on data.changed). */
export function useFieldMutation<C extends FieldWrite>(channel: C, options: { handlesValidation?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => invoke(channel, input),
    ...(options.handlesValidation ? { meta: { handlesValidation: true } } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: fieldsKeys.all }),
  });
}

/**
 * The name of the contact or company a link field points at, or null when it is gone: a link may outlive its record,
 * which is no error to notify. Keyed under the record's own key, so renaming it refreshes the name here too.
 */
export function useLinkedName(type: 'contactLink' | 'companyLink', id: string | null | undefined) {
  return useQuery({
    queryKey: type === 'contactLink' ? [...contactKeys.one(id ?? ''), 'name'] : [...companyKeys.one(id ?? ''), 'name'],
    queryFn: async () => {
      try {
        return type === 'contactLink' ? (await invoke('contacts.get', { id: id ?? '' })).displayName : (await invoke('companies.get', { id: id ?? '' })).name;
      } catch (error) {
        if (error instanceof IpcError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION')) return null;
        throw error;
      }
    },
    enabled: !!id,
  });
}
