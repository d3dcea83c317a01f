// Runs an import: streams the file's records, matches duplicates, and writes batches of rows, each batch one
// transaction on the import's own SQLite connection (raw prepared statements: the measured hot path).
// Cancel stops at the next batch boundary and KEEPS the finished batches (recorded, so "Undo import" removes
// them too). No `electron` import.
import { statSync } from 'node:fs';
import type { DuplicatePolicy, ImportReport, MappingEntry, RowProblem } from '../../../shared/domain/transfer';
import { dedupeTags, foldForSort } from '../../../shared/domain/text';
import { AppError } from '../../../shared/ipc/errors';
import { prepareImportStatements, type ContactValues } from '../../db/import-export.repo';
import type { FeatureContext } from '../modules';
import { DuplicateIndex, emailKey, phoneKey } from './matcher';
import type { ImportRecord } from './records';
import { openSource } from './source';

/** Rows per transaction (and per progress event): bulk indexing pays off better per batch the bigger it is. */
const BATCH_ROWS = 5000;
const REPORTED_REJECTIONS = 1000;
const LIMITS = { emails: 20, phones: 20, addresses: 10, tags: 50 };

export interface RunOptions {
  path: string;
  mapping?: readonly MappingEntry[] | undefined;
  duplicates: DuplicatePolicy;
}

/** "Update the existing contact": the file's non-empty values win, lists gain what they lack. */
function merged(existing: ContactValues, record: ImportRecord): ImportRecord {
  const { emails, phones, addresses } = existing;
  const emailKeys = new Set(emails.map((e) => emailKey(e.value)));
  const phoneKeys = new Set(phones.map((p) => phoneKey(p.value) ?? p.value));
  const addressKeys = new Set(addresses.map((a) => JSON.stringify(a)));
  return {
    firstName: record.firstName ?? existing.firstName,
    lastName: record.lastName ?? existing.lastName,
    companyName: record.companyName ?? existing.companyName,
    jobTitle: record.jobTitle ?? existing.jobTitle,
    emails: [...emails, ...record.emails.filter((e) => !emailKeys.has(emailKey(e.value)))].slice(0, LIMITS.emails),
    phones: [...phones, ...record.phones.filter((p) => !phoneKeys.has(phoneKey(p.value) ?? p.value))].slice(0, LIMITS.phones),
    addresses: [...addresses, ...record.addresses.filter((a) => !addressKeys.has(JSON.stringify(a)))].slice(0, LIMITS.addresses),
    website: record.website ?? existing.website,
    birthday: record.birthday ?? existing.birthday,
    tags: dedupeTags([...existing.tags, ...record.tags]).slice(0, LIMITS.tags),
    notes: record.notes ?? existing.notes,
    ...(record.kind ? { kind: record.kind } : {}),
    leadSource: record.leadSource ?? existing.leadSource,
    ...(record.emailOptIn !== undefined ? { emailOptIn: record.emailOptIn } : {}),
  };
}

export function createImporter(ctx: FeatureContext) {
  const { clock, events, newId } = ctx.deps;
  const cancelled = new Set<string>();
  const running = new Set<string>();

  function checkPicked(path: string): void {
    // Only a file the user chose in the open dialog may be read: the renderer never names arbitrary paths.
    if (!ctx.picks.has(path)) throw AppError.validation('path', 'Choose the file with the Import button first');
  }

  async function run(options: RunOptions): Promise<ImportReport> {
    checkPicked(options.path);
    const source = await openSource(options.path).catch(() => {
      throw AppError.validation('path', 'The file could not be read');
    });
    const totalBytes = statSync(options.path).size;
    const importId = newId();
    const sqlite = ctx.store.bulkWriter();
    running.add(importId);
    try {
      const st = prepareImportStatements(sqlite);
      st.startImport({ id: importId, fileName: source.fileName.slice(0, 255), format: source.format, dialect: source.dialect, duplicates: options.duplicates, startedAt: clock.now().toISOString() });

      // Every live contact's keys, so a re-import matches (and, with "skip", creates nothing).
      const index = new DuplicateIndex();
      for (const contact of st.liveContacts()) index.add(contact.id, index.keysOf(contact));
      const companies = new Map<string, { id: string; name: string }>();
      for (const company of st.liveCompanies()) if (!companies.has(company.sortName)) companies.set(company.sortName, { id: company.id, name: company.sortName });

      const counts = { created: 0, updated: 0, skipped: 0, rejected: 0, rows: 0 };
      const rejected: RowProblem[] = [];
      let bytesRead = 0;
      const progress = (done: boolean) =>
        events.emit('import.progress', { importId, ...counts, bytesRead: Math.min(bytesRead, totalBytes), totalBytes, done });

      const companyFor = (name: string | null, now: string): string | null => {
        if (!name) return null;
        const key = foldForSort(name);
        const known = companies.get(key);
        if (known) return known.id;
        const id = newId();
        st.insertCompany(importId, { id, name, sortName: key }, now);
        companies.set(key, { id, name });
        return id;
      };

      const writeBatch = st.transaction((batch: { line: number; record: ImportRecord }[]) => {
        const now = clock.now().toISOString();
        // New contacts are indexed for search and tags in bulk (see migration 0012), before any update of this
        // batch and at its end, inside this transaction.
        let indexedTo = st.bulk.begin();
        for (const { record } of batch) {
          const keys = index.keysOf(record);
          const match = options.duplicates === 'create' ? undefined : index.find(keys);
          if (match && options.duplicates === 'skip') {
            counts.skipped++;
            continue;
          }
          if (match) {
            const existing = st.contact(match);
            const next = merged(existing.values, record);
            const update = st.contactUpdate(existing, next, companyFor(next.companyName, now), now);
            if (!update) {
              counts.skipped++;
              continue;
            }
            indexedTo = st.bulk.indexNew(indexedTo);
            st.updateContact(importId, existing, update);
            index.add(match, index.keysOf(next));
            counts.updated++;
            continue;
          }
          const id = newId();
          st.insertContact(importId, id, record, companyFor(record.companyName, now), now);
          index.add(id, keys);
          counts.created++;
        }
        st.bulk.indexNew(indexedTo);
        st.bulk.end();
        st.saveCounts(importId, counts, rejected);
      });

      progress(false);
      let batch: { line: number; record: ImportRecord }[] = [];
      let sinceFlush = 0;
      let status: ImportReport['status'] = 'done';
      const flush = async () => {
        writeBatch(batch);
        batch = [];
        sinceFlush = 0;
        // Progress only: the app refetches once, when the import ends (one data.changed below).
        progress(false);
        // Let a cancel request (and other calls) in between batches.
        await new Promise((resolve) => setImmediate(resolve));
      };
      try {
        for await (const item of source.items(options.mapping, (n) => (bytesRead += n))) {
          counts.rows++;
          sinceFlush++;
          if ('reason' in item.built) {
            counts.rejected++;
            if (rejected.length < REPORTED_REJECTIONS) rejected.push({ line: item.line, reason: item.built.reason });
          } else batch.push({ line: item.line, record: item.built.record });
          if (sinceFlush >= BATCH_ROWS) {
            await flush();
            if (cancelled.has(importId)) {
              status = 'cancelled';
              break;
            }
          }
        }
        if (status === 'done') await flush();
      } catch (error) {
        // Finished batches stay (and can be undone); the report says where reading stopped.
        status = 'failed';
        ctx.logger.error('import failed', { importId, error: String(error) });
        rejected.push({ line: counts.rows + 1, reason: 'The import stopped here: the rest of the file could not be read' });
        st.saveCounts(importId, { ...counts, rejected: counts.rejected + 1 }, rejected);
      }
      const report = st.finishImport(importId, status, clock.now().toISOString());
      progress(true);
      events.emit('data.changed', { entity: 'import', action: 'created', ids: [importId] });
      return report;
    } finally {
      running.delete(importId);
      cancelled.delete(importId);
      sqlite.close();
    }
  }

  return {
    run,
    checkPicked,
    cancel(importId: string): boolean {
      if (!running.has(importId)) return false;
      cancelled.add(importId);
      return true;
    },
    isRunning: (importId: string) => running.has(importId),
  };
}
