// Channel names of the companies domain (zod-free: the preload's allow-list imports it). See channels.ts.
export const COMPANIES_CHANNELS = ['companies.create', 'companies.get', 'companies.update', 'companies.delete', 'companies.restore', 'companies.list'] as const;

export type CompaniesChannel = (typeof COMPANIES_CHANNELS)[number];
