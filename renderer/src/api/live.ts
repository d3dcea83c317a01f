// The one refresh path: main reports every change (data.changed, plus the outbox's and the alerts check's own
// events) and this refetches each cached query that shows the changed thing, once per burst. Mutations only
// prime caches (mutations.ts); each api/<domain>.ts says which of its queries an entity makes stale.
import { hashKey, partialMatchKey, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { activitiesFamilies } from './activities';
import { casesFamilies } from './cases';
import { companiesFamilies } from './companies';
import { consentFamilies } from './consent';
import { contactsFamilies } from './contacts';
import { dataKeys } from './data';
import { documentsFamilies } from './documents';
import { duplicatesFamilies } from './duplicates';
import { emailFamilies, emailKeys } from './email';
import { useEvent } from './events';
import { type ChangedEntity, type DataChange, type Families, staleKeys } from './families';
import { fieldsFamilies } from './fields';
import { importExportFamilies } from './import-export';
import { jobsFamilies } from './jobs';
import { mergesFamilies } from './merges';
import { privacyFamilies } from './privacy';
import { qualityFamilies } from './quality';
import { reportKeys, reportsFamilies } from './reports';
import { retentionFamilies } from './retention';
import { scheduleFamilies } from './schedule';
import { searchFamilies } from './search';
import { serviceFamilies } from './service';
import { trashFamilies } from './trash';
import { productsFamilies } from './products';
import { quotesFamilies } from './quotes';
import { invoicesFamilies } from './invoices';
import { salesFamilies } from './sales';
import { syncFamilies } from './sync';

/** The welcome and the "Remove sample data" strip: sample records changed, trashed or deleted, or a first record added. */
const sampleFamilies: Families = Object.fromEntries(
  (['contact', 'company', 'job', 'activity', 'task', 'appointment', 'import'] as const).map((entity) => [entity, [dataKeys.sample]]),
);

const DOMAINS: readonly Families[] = [
  contactsFamilies,
  companiesFamilies,
  activitiesFamilies,
  jobsFamilies,
  scheduleFamilies,
  searchFamilies,
  documentsFamilies,
  emailFamilies,
  reportsFamilies,
  importExportFamilies,
  trashFamilies,
  sampleFamilies,
  // A field defined, renamed, archived or deleted changes every form, page and list of its record type.
  fieldsFamilies,
  // Groups of likely duplicates and the merge list follow the records they name (issue #20).
  duplicatesFamilies,
  mergesFamilies,
  // Data quality counts and lists follow any contact or company change (issue #20).
  qualityFamilies,
  // Consent states and ledgers, privacy requests and log, and the retention review (issue #21).
  consentFamilies,
  privacyFamilies,
  retentionFamilies,
  // Cases, their statuses and templates, service settings and the service report (issue #22).
  casesFamilies,
  // Catalogue, quotes, invoices and sales suggestions (issue #23).
  productsFamilies,
  quotesFamilies,
  invoicesFamilies,
  salesFamilies,
  serviceFamilies,
  // Sync accounts, their status and conflict cards (issue #24).
  syncFamilies,
];

/** An import (or its undo) creates, updates or removes contacts and companies in bulk, without naming them. */
const IMPLIED: Partial<Record<ChangedEntity, readonly ChangedEntity[]>> = { import: ['contact', 'company'] };

/** Every key prefix a change makes stale, across all domains, each once. */
export function staleKeysOf(change: DataChange): QueryKey[] {
  const changes = [change, ...(IMPLIED[change.entity] ?? []).map((entity): DataChange => ({ ...change, entity, ids: [] }))];
  const keys = new Map<string, QueryKey>();
  for (const c of changes) for (const families of DOMAINS) for (const key of staleKeys(families, c)) keys.set(hashKey(key), key);
  return [...keys.values()];
}

/** A burst of changes (an undo, a bulk edit, a message going out) waits this long and refetches once. */
const BURST_MS = 100;

/** Mounted once, at the app's root: keeps every view fresh whoever made the change (this window, another, a timer). */
export function useLiveData(): void {
  const client = useQueryClient();
  const pending = useRef<{ keys: QueryKey[]; timer: ReturnType<typeof setTimeout> } | null>(null);

  const refresh = (keys: readonly QueryKey[]) => {
    if (keys.length === 0) return;
    if (pending.current) {
      pending.current.keys.push(...keys);
      return;
    }
    const burst = [...keys];
    const timer = setTimeout(() => {
      pending.current = null;
      // One invalidation for the whole burst, so a query matched by several keys is still fetched once.
      void client.invalidateQueries({ predicate: (query) => burst.some((key) => partialMatchKey(query.queryKey, key)) });
    }, BURST_MS);
    pending.current = { keys: burst, timer };
  };

  useEvent('data.changed', (change) => refresh(staleKeysOf(change)));
  // Each message the outbox sends, defers or gives up on.
  useEvent('outbox.changed', () => refresh([emailKeys.all]));
  // The daily check in main says when to look again (a new day makes quotes and invoices older).
  useEvent('alerts.updated', () => refresh([reportKeys.alerts]));
  useEffect(() => () => clearTimeout(pending.current?.timer), []);
}
