// "Export everything": one zip with the store as SQLite, every table as CSV, contacts as vCard, the schedule as
// .ics and the documents, read from ONE online copy of the store so every part agrees with every other. The zip
// is written through export-file.ts (a temp name renamed at the end, swept at the next start if killed); a cancel
// or failure leaves nothing at the chosen path.
// No SQL here (data.repo.ts has it); no `electron` import.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Contact } from '../../../shared/domain/contact';
import { FIELD_RECORD_TYPES, type FieldDefinition, type FieldRecordType } from '../../../shared/domain/custom-fields';
import { customHeaders } from '../../../shared/domain/import-custom';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { ExportAllStep } from '../../../shared/ipc/data.contract';
import { AppError } from '../../../shared/ipc/errors';
import { exportContactsQuery } from '../../db/contacts.repo';
import { backupStore, dataTables, openCopy, storedDocumentFiles, tableRows, type StoreCopy } from '../../db/data.repo';
import { listFields } from '../../db/fields.repo';
import { snapshotCustom } from '../../db/import-export.custom.repo';
import { snapshotContacts } from '../../db/import-export.exports.repo';
import { allLiveAppointments } from '../../db/schedule.repo';
import { createBlobStore } from '../documents/blob-store';
import { csvLine, plainColumns } from '../csv-write';
import { valueAsText } from '../fields/convert';
import { contactToVcard } from '../import-export/vcard-write';
import type { FeatureContext } from '../modules';
import { buildCalendar } from '../schedule/ics';
import { writeFileAtomically } from '../export-file';
import { readmeText } from './readme';
import { createZipWriter, type ZipWriter } from './zip-writer';
import { zipNames } from './zip-names';

type Step = z.infer<typeof ExportAllStep>;
type Result = ChannelOutput<'data.exportAll'>;

export class ExportAllCancelled extends Error {
  constructor() {
    super('Export cancelled');
  }
}

/** File types that are compressed already: stored as they are (deflate would spend time for nothing). */
const PACKED = /\.(jpe?g|png|gif|webp|heic|avif|mp[34]|m4a|mov|zip|gz|7z|rar|docx|xlsx|pptx|odt|ods|odp|pdf)$/i;
const CHUNK_CHARS = 1 << 16;
const COPY_NAME = /^\.export-[0-9a-f-]{36}\.sqlite(-journal|-wal|-shm)?$/;

const EMPTY: Result = { path: null, cancelled: false, bytes: 0, tables: 0, rows: 0, contacts: 0, events: 0, documents: 0, missingDocuments: 0 };

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return `(binary data, ${value.length} bytes: see rapport.sqlite)`;
  return String(value);
};

/** The tables whose rows carry custom fields (issue #19): their CSVs get one more column per field. */
const CUSTOM_TABLES: Record<string, FieldRecordType> = { contacts: 'contact', companies: 'company', jobs: 'job' };
/** Rows read before their custom values are looked up together. */
const CUSTOM_BATCH = 500;

/** Items in groups of `size` (the last may be smaller), so a lookup per group replaces one per item. */
function* inGroups<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let group: T[] = [];
  for (const item of items) {
    group.push(item);
    if (group.length === size) {
      yield group;
      group = [];
    }
  }
  if (group.length) yield group;
}

/** Lines grouped into chunks of ~64K characters: one zip write per chunk, not per row. */
function* chunked(lines: Iterable<string>, first = ''): Generator<string> {
  let buffer = first;
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

export function createExportAll(ctx: FeatureContext) {
  const running = new Map<string, { cancelled: boolean }>();
  const { events, clock } = ctx.deps;

  async function run(target: string, runId: string, state: { cancelled: boolean }): Promise<Result> {
    const now = clock.now();
    let step: Step = 'database';
    const report = (done: number, total: number, finished = false) => events.emit('data.exportProgress', { runId, step, done, total, finished });
    const stop = () => {
      if (state.cancelled) throw new ExportAllCancelled();
    };
    const copyPath = join(ctx.dataDir, `.export-${runId}.sqlite`);
    let copy: StoreCopy | null = null;
    // A second reader of the same copy for custom values: a better-sqlite3 connection runs nothing else while it iterates.
    let lookup: StoreCopy | null = null;
    let result: Result | null = null;
    try {
      report(0, 1);
      // A cancel between backup steps stops the copy itself (the throw ends SQLite's backup).
      const copied = await backupStore(ctx.store.sqlite, copyPath, (done, total) => (stop(), report(done, total)));
      if (!copied) {
        throw new AppError('INTERNAL', 'The data file did not pass its check, so it was not exported. Restore it from a backup.');
      }
      stop();
      const opened = openCopy(copyPath);
      copy = opened;
      const values = openCopy(copyPath);
      lookup = values;
      await writeFileAtomically(
        target,
        async (write) => {
          const zip = createZipWriter((chunk) => write(chunk), { now, shouldStop: stop });
          await zip.addFile('rapport.sqlite', copyPath, statSync(copyPath).size);

          step = 'tables';
          const tables = dataTables(opened.sqlite);
          // Every field definition (archived and in Trash too), read once: fields.json and the custom columns.
          const fields = new Map<FieldRecordType, FieldDefinition[]>();
          for (const type of FIELD_RECORD_TYPES) {
            fields.set(type, [...(await listFields(opened.db, type, { includeArchived: true })), ...(await listFields(opened.db, type, { trashed: true }))]);
          }
          const live = (type: FieldRecordType) => (fields.get(type) ?? []).filter((f) => !f.deletedAt);
          let rows = 0;
          for (const [i, table] of tables.entries()) {
            report(i, tables.length);
            const { columns, numeric, rows: iterate } = tableRows(opened.sqlite, table);
            // A table of records with custom fields gets one column per live field (archived too), headed by its label.
            const own = CUSTOM_TABLES[table] ? live(CUSTOM_TABLES[table]) : [];
            const header = own.length ? [...columns, ...customHeaders(own, columns)] : columns;
            const idAt = columns.indexOf('id');
            // A negative number in a number column is a constant, not a formula: it goes out bare.
            const plain = plainColumns(header, (_, i) => (i < columns.length ? numeric[i]! : own[i - columns.length]!.type === 'number' || own[i - columns.length]!.type === 'money'), 'number');
            function* lines() {
              if (own.length === 0 || idAt < 0) {
                for (const row of iterate()) {
                  rows++;
                  yield csvLine(row.map(cell), ',', false, plain);
                }
                return;
              }
              for (const group of inGroups(iterate(), CUSTOM_BATCH)) {
                const found = snapshotCustom(values.sqlite, own, group.map((row) => String(row[idAt])));
                for (const row of group) {
                  rows++;
                  const custom = found.get(String(row[idAt])) ?? {};
                  yield csvLine([...row.map(cell), ...own.map((f) => valueAsText(f, custom[f.key] ?? null))], ',', false, plain);
                }
              }
            }
            // A byte order mark, so spreadsheets read the file as UTF-8.
            await zip.addStream(`tables/${table}.csv`, chunked(lines(), `\uFEFF${csvLine(header)}`));
          }
          // The definitions themselves, so the custom columns (and custom_values.csv's field ids) can be read without Rapport.
          await zip.addBuffer('fields.json', `${JSON.stringify(Object.fromEntries(FIELD_RECORD_TYPES.map((type) => [type, fields.get(type) ?? []])), null, 2)}\n`);

          step = 'contacts';
          const { total: contacts, contacts: readContacts } = snapshotContacts(opened.sqlite, opened.db, exportContactsQuery({ now, fields: [] }, undefined)!);
          report(0, contacts);
          const contactFields = live('contact');
          await zip.addStream('contacts.vcf', chunked((function* () {
            let n = 0;
            for (const group of inGroups<Contact>(readContacts(), CUSTOM_BATCH)) {
              // Each card carries its custom values as X-RAPPORT-<KEY> (none to read when there are no fields).
              const found = snapshotCustom(values.sqlite, contactFields, group.map((c) => c.id));
              for (const contact of group) {
                if (++n % 1000 === 0) report(n, contacts);
                yield contactToVcard({ ...contact, custom: found.get(contact.id) ?? {} }, '3.0', contactFields);
              }
            }
          })()));

          step = 'schedule';
          const appointments = await allLiveAppointments(opened.db);
          report(0, appointments.length);
          await zip.addBuffer('schedule.ics', buildCalendar(appointments, now));

          step = 'documents';
          const documents = await addDocuments(zip, opened, report, stop);

          step = 'finishing';
          report(0, 1);
          await zip.addBuffer('README.txt', readmeText({ now, fields: FIELD_RECORD_TYPES.reduce((n, type) => n + (fields.get(type)?.length ?? 0), 0), tables: tables.length, rows, contacts, events: appointments.length, documents: documents.written, missing: documents.missing, others: documents.others }));
          await zip.finish();
          result = { path: target, cancelled: false, bytes: zip.bytes, tables: tables.length, rows, contacts, events: appointments.length, documents: documents.written, missingDocuments: documents.missing.length };
        },
        ctx.dataDir,
      );
      report(1, 1, true);
      return result!;
    } catch (error) {
      report(0, 1, true);
      if (error instanceof ExportAllCancelled) return { ...EMPTY, cancelled: true };
      throw error;
    } finally {
      copy?.close();
      lookup?.close();
      await rm(copyPath, { force: true });
      await rm(`${copyPath}-journal`, { force: true });
    }
  }

  /** Each stored document under its own (made safe) name; files kept for other reasons (email attachments) apart. */
  async function addDocuments(zip: ZipWriter, copy: StoreCopy, report: (done: number, total: number) => void, stop: () => void) {
    const blobs = createBlobStore(join(ctx.dataDir, 'documents'));
    const files = storedDocumentFiles(copy.sqlite);
    const names = zipNames();
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const missing: string[] = [];
    const index: string[] = [csvLine(['File in this zip', 'Document id', 'Name', 'SHA-256', 'In Trash'])];
    const referenced = new Set<string>();
    let done = 0;
    let written = 0;
    report(0, total);
    for (const file of files) {
      stop();
      referenced.add(file.sha256);
      const source = blobs.pathOf(file.sha256);
      const size = existsSync(source) ? statSync(source).size : -1;
      if (size < 0) {
        missing.push(file.name);
        continue;
      }
      const name = names.next(file.trashed ? 'documents/Trash' : 'documents', file.name);
      await zip.addFile(name, source, size, { compress: !PACKED.test(file.name) });
      index.push(csvLine([name, file.id, file.name, file.sha256, file.trashed ? 'yes' : 'no']));
      written++;
      done += file.size;
      report(done, total);
    }
    let others = 0;
    for (const sha256 of await blobs.list()) {
      if (referenced.has(sha256)) continue;
      stop();
      const source = blobs.pathOf(sha256);
      const size = existsSync(source) ? statSync(source).size : -1;
      if (size < 0) continue;
      await zip.addFile(`documents/other/${sha256}`, source, size);
      others++;
    }
    await zip.addBuffer('documents/index.csv', `\uFEFF${index.join('')}`);
    return { written, missing, others };
  }

  return {
    async exportAll(): Promise<Result> {
      const day = clock.now().toISOString().slice(0, 10);
      const target = await ctx.platform.saveTarget(`Rapport everything ${day}.zip`, [{ name: 'Zip archive', extensions: ['zip'] }]);
      if (!target) return { ...EMPTY, cancelled: true };
      const runId = ctx.deps.newId();
      const state = { cancelled: false };
      running.set(runId, state);
      try {
        return await run(target, runId, state);
      } finally {
        running.delete(runId);
      }
    },
    cancel(runId: string): boolean {
      const state = running.get(runId);
      if (!state) return false;
      state.cancelled = true;
      return true;
    },
    /** At start: store copies of exports killed mid-way (export-file.ts sweeps their zips' temp files). */
    cleanUp(): void {
      for (const name of readdirSync(ctx.dataDir)) if (COPY_NAME.test(name)) rmSync(join(ctx.dataDir, name), { force: true });
    },
  };
}
