// Runs an import: streams the file's records, matches duplicates, and writes batches of rows, each batch one
// transaction on the import's own SQLite connection (raw prepared statements: the measured hot path).
// Cancel stops at the next batch boundary and KEEPS the finished batches (recorded, so "Undo import" removes
// them too). No `electron` import.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuplicatePolicy, ImportReport, MappingEntry, RowProblem } from '../../../shared/domain/transfer';
import { contactDisplayName, dedupeTags, foldForSort, phoneDigits } from '../../../shared/domain/text';
import { AppError } from '../../../shared/ipc/errors';
import { DB_FILE, openSqlite, type Sqlite } from '../../db/connection';
import { importStatements, toReport, type ContactColumns, type ImportsTable } from '../../db/imports.repo';
import { parseJsonColumn } from '../../db/json';
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

function columnsFor(record: ImportRecord, companyId: string | null, base: ContactColumns): ContactColumns {
  const displayName = contactDisplayName({ firstName: record.firstName, lastName: record.lastName, companyName: record.companyName });
  const byLast = [record.lastName, record.firstName].filter(Boolean).join(' ') || displayName;
  return {
    ...base,
    first_name: record.firstName,
    last_name: record.lastName,
    display_name: displayName,
    sort_name: foldForSort(displayName),
    sort_last: foldForSort(byLast),
    emails: JSON.stringify(record.emails),
    phones: JSON.stringify(record.phones),
    search_details: [...record.emails.map((e) => e.value), ...record.phones.flatMap((p) => [p.value, phoneDigits(p.value)])].join(' '),
    addresses: JSON.stringify(record.addresses),
    job_title: record.jobTitle,
    company_id: companyId,
    website: record.website,
    birthday: record.birthday,
    tags: JSON.stringify(dedupeTags(record.tags)),
    notes: record.notes,
    kind: record.kind ?? base.kind,
    lead_source: record.leadSource,
    email_opt_in: record.emailOptIn === undefined ? base.email_opt_in : record.emailOptIn ? 1 : 0,
  };
}

/** "Update the existing contact": the file's non-empty values win, lists gain what they lack. */
function merged(existing: ContactColumns, existingCompany: string | null, record: ImportRecord): ImportRecord {
  const emails = parseJsonColumn<ImportRecord['emails']>(existing.emails, []);
  const phones = parseJsonColumn<ImportRecord['phones']>(existing.phones, []);
  const addresses = parseJsonColumn<ImportRecord['addresses']>(existing.addresses, []);
  const emailKeys = new Set(emails.map((e) => emailKey(e.value)));
  const phoneKeys = new Set(phones.map((p) => phoneKey(p.value) ?? p.value));
  const addressKeys = new Set(addresses.map((a) => JSON.stringify(a)));
  return {
    firstName: record.firstName ?? existing.first_name,
    lastName: record.lastName ?? existing.last_name,
    companyName: record.companyName ?? existingCompany,
    jobTitle: record.jobTitle ?? existing.job_title,
    emails: [...emails, ...record.emails.filter((e) => !emailKeys.has(emailKey(e.value)))].slice(0, LIMITS.emails),
    phones: [...phones, ...record.phones.filter((p) => !phoneKeys.has(phoneKey(p.value) ?? p.value))].slice(0, LIMITS.phones),
    addresses: [...addresses, ...record.addresses.filter((a) => !addressKeys.has(JSON.stringify(a)))].slice(0, LIMITS.addresses),
    website: record.website ?? existing.website,
    birthday: record.birthday ?? existing.birthday,
    tags: dedupeTags([...parseJsonColumn<string[]>(existing.tags, []), ...record.tags]).slice(0, LIMITS.tags),
    notes: record.notes ?? existing.notes,
    ...(record.kind ? { kind: record.kind } : {}),
    leadSource: record.leadSource ?? existing.lead_source,
    ...(record.emailOptIn !== undefined ? { emailOptIn: record.emailOptIn } : {}),
  };
}

const sameColumns = (a: ContactColumns, b: ContactColumns) => (Object.keys(a) as (keyof ContactColumns)[]).every((k) => k === 'updated_at' || a[k] === b[k]);

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
    const sqlite: Sqlite = openSqlite(join(ctx.dataDir, DB_FILE));
    running.add(importId);
    try {
      const st = importStatements(sqlite);
      const startedAt = clock.now().toISOString();
      st.insertImport.run({
        id: importId, file_name: source.fileName.slice(0, 255), format: source.format, dialect: source.dialect, duplicates: options.duplicates,
        status: 'running', created: 0, updated: 0, skipped: 0, rejected_count: 0, rejected: '[]', started_at: startedAt,
      });

      // Every live contact's keys, so a re-import matches (and, with "skip", creates nothing).
      const index = new DuplicateIndex();
      for (const row of st.liveContacts.iterate()) {
        index.add(row.id, index.keysOf({ emails: parseJsonColumn(row.emails, []), phones: parseJsonColumn(row.phones, []), firstName: row.first_name, lastName: row.last_name, companyName: row.company_name }));
      }
      const companies = new Map<string, { id: string; name: string }>();
      for (const row of st.liveCompanies.iterate()) if (!companies.has(row.sort_name)) companies.set(row.sort_name, { id: row.id, name: row.sort_name });

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
        st.insertCompany.run({ id, name, sort_name: key, now });
        st.insertItem.run({ import_id: importId, entity: 'company', entity_id: id, action: 'created', before: null });
        companies.set(key, { id, name });
        return id;
      };

      const writeBatch = sqlite.transaction((batch: { line: number; record: ImportRecord }[]) => {
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
            const existing = st.contactById.get(match)!;
            const existingCompany = existing.company_id ? (st.companyName.get(existing.company_id) ?? null) : null;
            const next = merged(existing, existingCompany, record);
            const row = columnsFor(next, companyFor(next.companyName, now), { ...existing, updated_at: now });
            if (sameColumns(row, existing)) {
              counts.skipped++;
              continue;
            }
            indexedTo = st.bulk.indexNew(indexedTo);
            st.updateContact.run(row);
            // INSERT OR IGNORE: the first before-image of this import is the one undo must restore.
            st.insertItem.run({ import_id: importId, entity: 'contact', entity_id: match, action: 'updated', before: JSON.stringify(existing) });
            index.add(match, index.keysOf(next));
            counts.updated++;
            continue;
          }
          const id = newId();
          const base: ContactColumns = { ...EMPTY_ROW, id, created_at: now, updated_at: now };
          st.insertContact.run(columnsFor(record, companyFor(record.companyName, now), base));
          st.insertItem.run({ import_id: importId, entity: 'contact', entity_id: id, action: 'created', before: null });
          index.add(id, keys);
          counts.created++;
        }
        st.bulk.indexNew(indexedTo);
        st.bulk.end();
        st.finishBatch.run({ id: importId, created: counts.created, updated: counts.updated, skipped: counts.skipped, rejected_count: counts.rejected, rejected: JSON.stringify(rejected) });
      });

      progress(false);
      let batch: { line: number; record: ImportRecord }[] = [];
      let sinceFlush = 0;
      let status: ImportsTable['status'] = 'done';
      const flush = async () => {
        writeBatch(batch);
        batch = [];
        sinceFlush = 0;
        progress(false);
        events.emit('data.changed', { entity: 'contact', action: 'created', ids: [] });
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
        st.finishBatch.run({ id: importId, created: counts.created, updated: counts.updated, skipped: counts.skipped, rejected_count: counts.rejected + 1, rejected: JSON.stringify(rejected) });
      }
      st.finishImport.run({ id: importId, status, finished_at: clock.now().toISOString() });
      progress(true);
      events.emit('data.changed', { entity: 'import', action: 'created', ids: [importId] });
      const row = sqlite.prepare<[string], ImportsTable>('SELECT * FROM imports WHERE id = ?').get(importId)!;
      return toReport(row);
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

const EMPTY_ROW: Omit<ContactColumns, 'id' | 'created_at' | 'updated_at'> = {
  first_name: null, last_name: null, display_name: '', sort_name: '', sort_last: '', emails: '[]', phones: '[]', search_details: '',
  addresses: '[]', job_title: null, company_id: null, website: null, birthday: null, tags: '[]', notes: null,
  kind: 'customer', lead_source: null, email_opt_in: 0, deleted_at: null,
};
