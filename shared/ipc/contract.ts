// The one source of truth for main <-> renderer calls: channel name -> input and output schemas, spread together
// from one <domain>.contract.ts per domain. Types on both sides are inferred from here; nothing is written twice.
// Imports zod and shared/ only.
import type { z } from 'zod';
// Validation messages in the app's words, installed before any schema is used (see zod-messages.ts).
import './zod-messages';
import { activitiesContract } from './activities.contract';
import { backupsContract } from './backups.contract';
import type { ChannelName } from './channels';
import { companiesContract } from './companies.contract';
import { contactsContract } from './contacts.contract';
import { dataContract } from './data.contract';
import { documentsContract } from './documents.contract';
import { emailContract } from './email.contract';
import { filesContract } from './files.contract';
import { importExportContract } from './import-export.contract';
import { jobsContract } from './jobs.contract';
import { reportsContract } from './reports.contract';
import { scheduleContract } from './schedule.contract';
import { searchContract } from './search.contract';
import { trashContract } from './trash.contract';
import { fieldsContract } from './fields.contract';
import { duplicatesContract } from './duplicates.contract';
import { mergesContract } from './merges.contract';
import { qualityContract } from './quality.contract';
import { consentContract } from './consent.contract';
import { privacyContract } from './privacy.contract';
import { retentionContract } from './retention.contract';
import { casesContract } from './cases.contract';
import { serviceContract } from './service.contract';
import { productsContract } from './products.contract';
import { quotesContract } from './quotes.contract';
import { invoicesContract } from './invoices.contract';
import { salesContract } from './sales.contract';
import { syncContract } from './sync.contract';

export const contract = {
  ...contactsContract,
  ...companiesContract,
  ...activitiesContract,
  ...jobsContract,
  ...scheduleContract,
  ...searchContract,
  ...filesContract,
  ...importExportContract,
  ...emailContract,
  ...documentsContract,
  ...reportsContract,
  ...dataContract,
  ...backupsContract,
  ...trashContract,
  ...fieldsContract,
  ...duplicatesContract,
  ...mergesContract,
  ...qualityContract,
  ...consentContract,
  ...privacyContract,
  ...retentionContract,
  ...casesContract,
  ...serviceContract,
  ...productsContract,
  ...quotesContract,
  ...invoicesContract,
  ...salesContract,
  ...syncContract,
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller sends (before defaults and trimming). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

// The contract has exactly the channels CHANNELS lists (satisfies above checks the other direction).
const _noExtraChannels: Exclude<Channel, ChannelName> extends never ? true : never = true;
void _noExtraChannels;

export { isChannel } from './channels';
