// Query keys in one place, so the data.changed event and mutations invalidate exactly what shows an entity.
import type { ChannelInput } from '../../../shared/ipc/contract';

export type ContactListFilter = Omit<ChannelInput<'contacts.list'>, 'cursor'>;
export type CompanyListFilter = Omit<ChannelInput<'companies.list'>, 'cursor'>;

export const keys = {
  contacts: ['contacts'] as const,
  contactList: (filter: ContactListFilter) => ['contacts', 'list', filter] as const,
  contact: (id: string) => ['contacts', 'one', id] as const,
  companies: ['companies'] as const,
  companyList: (filter: CompanyListFilter) => ['companies', 'list', filter] as const,
  company: (id: string) => ['companies', 'one', id] as const,
  tags: ['tags'] as const,
  search: (query: string) => ['search', query] as const,
  searchAll: ['search'] as const,
};
