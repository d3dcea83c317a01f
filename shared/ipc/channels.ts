// Channel names without their schemas, for code that must stay tiny (the sandboxed preload's
// allow-list). contract.ts is checked against this list both ways, so the two cannot drift apart.
import { ACTIVITIES_CHANNELS } from './activities.channels';
import { BACKUPS_CHANNELS } from './backups.channels';
import { COMPANIES_CHANNELS } from './companies.channels';
import { CONTACTS_CHANNELS } from './contacts.channels';
import { DATA_CHANNELS } from './data.channels';
import { DOCUMENTS_CHANNELS } from './documents.channels';
import { EMAIL_CHANNELS } from './email.channels';
import { FILES_CHANNELS } from './files.channels';
import { IMPORT_EXPORT_CHANNELS } from './import-export.channels';
import { JOBS_CHANNELS } from './jobs.channels';
import { REPORTS_CHANNELS } from './reports.channels';
import { SCHEDULE_CHANNELS } from './schedule.channels';
import { SEARCH_CHANNELS } from './search.channels';
import { TRASH_CHANNELS } from './trash.channels';
import { FIELDS_CHANNELS } from './fields.channels';
import { DUPLICATES_CHANNELS } from './duplicates.channels';
import { MERGES_CHANNELS } from './merges.channels';
import { QUALITY_CHANNELS } from './quality.channels';
import { CONSENT_CHANNELS } from './consent.channels';
import { PRIVACY_CHANNELS } from './privacy.channels';
import { RETENTION_CHANNELS } from './retention.channels';
import { CASES_CHANNELS } from './cases.channels';
import { SERVICE_CHANNELS } from './service.channels';
import { PRODUCTS_CHANNELS } from './products.channels';
import { QUOTES_CHANNELS } from './quotes.channels';
import { INVOICES_CHANNELS } from './invoices.channels';
import { SALES_CHANNELS } from './sales.channels';
import { SYNC_CHANNELS } from './sync.channels';

export const CHANNELS = [
  ...CONTACTS_CHANNELS,
  ...COMPANIES_CHANNELS,
  ...ACTIVITIES_CHANNELS,
  ...JOBS_CHANNELS,
  ...SCHEDULE_CHANNELS,
  ...SEARCH_CHANNELS,
  ...FILES_CHANNELS,
  ...IMPORT_EXPORT_CHANNELS,
  ...EMAIL_CHANNELS,
  ...DOCUMENTS_CHANNELS,
  ...REPORTS_CHANNELS,
  ...DATA_CHANNELS,
  ...BACKUPS_CHANNELS,
  ...TRASH_CHANNELS,
  ...FIELDS_CHANNELS,
  ...DUPLICATES_CHANNELS,
  ...MERGES_CHANNELS,
  ...QUALITY_CHANNELS,
  ...CONSENT_CHANNELS,
  ...PRIVACY_CHANNELS,
  ...RETENTION_CHANNELS,
  ...CASES_CHANNELS,
  ...SERVICE_CHANNELS,
  ...PRODUCTS_CHANNELS,
  ...QUOTES_CHANNELS,
  ...INVOICES_CHANNELS,
  ...SALES_CHANNELS,
  ...SYNC_CHANNELS,
] as const;

export type ChannelName = (typeof CHANNELS)[number];

const known: ReadonlySet<string> = new Set(CHANNELS);

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && known.has(name);
}
