// Runs an import: streams the file's records, matches them to people already here (matcher.ts), and writes
// batches of rows, each batch one transaction on the import's own SQLite connection (raw prepared statements:
// the measured hot path). Cancel stops at the next batch boundary and KEEPS the finished batches (recorded, so
// "Undo import" removes them too). `check` is the same walk without writing: what the run would do. No `electron` import.
import { statSync } from 'node:fs';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import { isCustomTarget, type DuplicatePolicy, type ImportCheck, type ImportReport, type MappingEntry, type MatchedRow, type RowProblem } from '../../../shared/domain/transfer';
import { contactDisplayName, foldForSort } from '../../../shared/domain/text';
import { AppError } from '../../../shared/ipc/errors';
import type { Sqlite } from '../../db/connection';
import { prepareMirrorSync } from '../../db/consent.repo';
import { prepareImportStatements, type ContactValues, type ImportStatements } from '../../db/import-export.repo';
import { prepareMatchStore } from '../../db/import-export.matching.repo';
import { customDefinitions } from '../fields/record-custom';
import { logOptIns } from '../consent/mirror';
import type { FeatureContext } from '../modules';
import { erasedMatcher, erasedWords } from '../privacy/erase-register';
import { describeChanges, merged } from './changes';
import { DuplicateIndex, type Match } from './matcher';
import type { ImportRecord } from './records';
import { openSource, type Source } from './source';

/**
 * Rows read before they are written (a cancel stops only between batches, so it keeps whole batches). Bulk
 * indexing pays off better the bigger a batch is, but rows held for a big batch live long enough to reach the old
 * heap (5,000 cost tens of MB of peak memory at 100k rows).
 */
const BATCH_ROWS = 500;
/** A batch is written in steps of about this long, each its own transaction; with its commit (an fsync) a step stays well under 100 ms. */
const STEP_MS = 25;
const REPORTED_REJECTIONS = 1000;
/** The run's report names this many skipped and updated rows (the counts are always complete); a dry run, fewer. */
const REPORTED_MATCHES = 10_000;
const CHECKED_MATCHES = 500;

export interface RunOptions {
  path: string;
  mapping?: readonly MappingEntry[] | undefined;
  duplicates: DuplicatePolicy;
  /** The encoding the user chose in the preview; absent: the one detected. */
  encoding?: string | undefined;
}

/** A mapping may only name custom fields that exist (issue #19): one deleted meanwhile is a VALIDATION error, not a silent gap. */
function checkCustomTargets(mapping: readonly MappingEntry[] | undefined, fields: readonly FieldDefinition[]): void {
  mapping?.forEach((m, i) => {
    if (isCustomTarget(m.target) && !fields.some((f) => `custom.${f.key}` === m.target)) {
      throw AppError.validation(`mapping.${i}.target`, `Column "${m.column.slice(0, 60)}": that contact field no longer exists; choose another`);
    }
  });
}

/**
 * Opens the file the way the preview showed it (with the user's encoding when they chose one). `fields`: the contact
 * custom fields, read once per call (archived too: they are hidden, not frozen).
 */
export async function open(options: { path: string; encoding?: string | undefined }, fields: readonly FieldDefinition[]): Promise<Source> {
  return openSource(options.path, { encoding: options.encoding, fields }).catch((error: unknown) => {
    // A file of another kind (a PDF, a calendar) is refused in openSource's own words.
    throw error instanceof AppError ? error : AppError.validation('path', 'The file could not be read');
  });
}

/** The index of every live contact, so a re-import matches (and, with "skip", creates nothing). */
function indexOf(sqlite: Sqlite, st: ImportStatements): DuplicateIndex {
  const index = new DuplicateIndex(prepareMatchStore(sqlite));
  st.transaction(() => {
    for (const contact of st.liveContacts()) index.add(contact.id, index.keysOf(contact));
  })();
  return index;
}

const matchedRow = (line: number, action: MatchedRow['action'], match: Match, contactName: string, changes: MatchedRow['changes']): MatchedRow => ({
  line, action, contactId: match.id, contactName, matchedOn: match.on, changes,
});

export function createImporter(ctx: FeatureContext) {
  const { clock, events, newId } = ctx.deps;
  const cancelled = new Set<string>();
  const running = new Set<string>();

  function checkPicked(path: string): void {
    // Only a file the user chose in the open dialog may be read: the renderer never names arbitrary paths.
    ctx.picks.check(path, 'path', 'import');
  }

  async function run(options: RunOptions): Promise<ImportReport> {
    checkPicked(options.path);
    const fields = await customDefinitions(ctx.deps.db, 'contact');
    checkCustomTargets(options.mapping, fields);
    // Erased people are not created again by an import (issue #21): their row is reported instead.
    const erasedOn = await erasedMatcher(ctx.deps.db);
    const source = await open(options, fields);
    const totalBytes = statSync(options.path).size;
    const importId = newId();
    const sqlite = ctx.store.bulkWriter();
    // Steps commit without an fsync each (WAL, synchronous=NORMAL: a killed process loses nothing, a power cut at
    // most the last steps, whole); the import's last commit below is FULL, which makes every step durable at once.
    sqlite.pragma('synchronous = NORMAL');
    running.add(importId);
    try {
      const st = prepareImportStatements(sqlite, fields);
      // The contacts whose opt-in a step sets or changes go on the newsletter ledger in ONE statement per step (issue #21).
      const syncOptIns = prepareMirrorSync(sqlite);
      const evidence = `Import of "${source.fileName.slice(0, 255)}" (${importId})`;
      let optIns = 0;
      st.startImport({ id: importId, fileName: source.fileName.slice(0, 255), format: source.format, dialect: source.dialect, duplicates: options.duplicates, startedAt: clock.now().toISOString() });
      // "Create new" never matches: no index of every contact to build (check does the same).
      const index = options.duplicates === 'create' ? null : indexOf(sqlite, st);
      // A new contact gets each field's default where the file gives no value, as one made in the form does.
      const defaults = Object.fromEntries(fields.filter((f) => !f.archived && f.defaultValue !== null).map((f) => [f.key, f.defaultValue]));
      const withDefaults = (record: ImportRecord): ImportRecord => (Object.keys(defaults).length ? { ...record, custom: { ...defaults, ...record.custom } } : record);
      const companies = new Map<string, { id: string; name: string }>();
      for (const company of st.liveCompanies()) if (!companies.has(company.sortName)) companies.set(company.sortName, { id: company.id, name: company.sortName });

      const counts = { created: 0, updated: 0, skipped: 0, rejected: 0, rows: 0 };
      const rejected: RowProblem[] = [];
      const matched: MatchedRow[] = [];
      const warnings: RowProblem[] = [];
      let warningCount = 0;
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

      /** Writes rows from `at` on, in one transaction, until the batch ends or the step has taken STEP_MS; where it stopped. */
      const writeStep = st.transaction((batch: { line: number; record: ImportRecord }[], at: number): number => {
        const now = clock.now().toISOString();
        const until = performance.now() + STEP_MS;
        // New contacts are indexed for search and tags in bulk (see migration 0012), before any update of this
        // step and at its end, inside this transaction.
        let indexedTo = st.bulk.begin();
        const optedIn: { contactId: string; eventId: string }[] = [];
        for (; at < batch.length && performance.now() < until; at++) {
          const { line, record } = batch[at]!;
          const keys = index?.keysOf(record);
          const match = keys && index!.find(keys);
          if (!match) {
            const erased = erasedOn(record);
            if (erased) {
              counts.rejected++;
              if (rejected.length < REPORTED_REJECTIONS) rejected.push({ line, reason: erasedWords(erased) });
              continue;
            }
            const id = newId();
            st.insertContact(importId, id, withDefaults(record), companyFor(record.companyName, now), now);
            if (record.emailOptIn) optedIn.push({ contactId: id, eventId: newId() });
            if (keys) index!.add(id, keys);
            counts.created++;
            continue;
          }
          const existing = st.contact(match.id);
          const skip = () => {
            counts.skipped++;
            if (matched.length < REPORTED_MATCHES) matched.push(matchedRow(line, 'skipped', match, existing.row.display_name, []));
          };
          if (options.duplicates === 'skip') {
            skip();
            continue;
          }
          const next = merged(existing.values, record);
          const update = st.contactUpdate(existing, next, companyFor(next.companyName, now), now);
          if (!update) {
            skip();
            continue;
          }
          indexedTo = st.bulk.indexNew(indexedTo);
          st.updateContact(importId, existing, update);
          if (update.row.email_opt_in !== existing.row.email_opt_in) optedIn.push({ contactId: match.id, eventId: newId() });
          index!.add(match.id, index!.keysOf(next));
          counts.updated++;
          if (matched.length < REPORTED_MATCHES) matched.push(matchedRow(line, 'updated', match, existing.row.display_name, describeChanges(existing.values, next, fields)));
        }
        st.bulk.indexNew(indexedTo);
        st.bulk.end();
        optIns += syncOptIns({ source: 'import', evidence, at: now, contacts: optedIn });
        st.saveCounts(importId, counts, rejected);
        return at;
      });

      progress(false);
      let batch: { line: number; record: ImportRecord }[] = [];
      let sinceFlush = 0;
      let status: ImportReport['status'] = 'done';
      const flush = async () => {
        // At least one step, even for a batch of only rejected rows: a step also saves the counts.
        let at = 0;
        do {
          at = writeStep(batch, at);
          // Progress only: the app refetches once, when the import ends (one data.changed below).
          progress(false);
          // Other calls get their turn between steps; a cancel request is honoured between batches.
          await new Promise((resolve) => setImmediate(resolve));
        } while (at < batch.length);
        batch = [];
        sinceFlush = 0;
      };
      try {
        for await (const item of source.items(options.mapping, (n) => (bytesRead += n))) {
          counts.rows++;
          sinceFlush++;
          for (const warning of item.warnings ?? []) if (warningCount++ < REPORTED_REJECTIONS) warnings.push(warning);
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
      sqlite.pragma('synchronous = FULL');
      const report = { ...st.finishImport(importId, status, clock.now().toISOString()), matched, warnings, warningCount };
      progress(true);
      if (optIns > 0) await logOptIns(ctx.deps.db, ctx.deps, { source: 'import', count: optIns, at: clock.now().toISOString(), contactId: null });
      events.emit('data.changed', { entity: 'import', action: 'created', ids: [importId] });
      return report;
    } finally {
      running.delete(importId);
      cancelled.delete(importId);
      sqlite.close();
    }
  }

  /** What `run` would do with these choices, worked out on the same rules without writing anything. */
  async function check(options: RunOptions): Promise<ImportCheck> {
    checkPicked(options.path);
    const fields = await customDefinitions(ctx.deps.db, 'contact');
    checkCustomTargets(options.mapping, fields);
    const source = await open(options, fields);
    // The run refuses people erased under the privacy rules (issue #21); the dry run must count them the same way.
    const erasedOn = await erasedMatcher(ctx.deps.db);
    const sqlite = ctx.store.bulkWriter();
    try {
      const st = prepareImportStatements(sqlite, fields);
      const index = options.duplicates === 'create' ? null : indexOf(sqlite, st);
      // Contacts as this dry run left them: rows it would create (by line) and contacts it would update.
      const simulated = new Map<string, { values: ContactValues; name: string; line?: number }>();
      const known = (id: string) => {
        const s = simulated.get(id);
        if (s) return s;
        const c = st.contact(id);
        return { values: c.values as ContactValues, name: c.row.display_name };
      };
      const out: ImportCheck = { rows: 0, created: 0, updated: 0, skipped: 0, rejectedCount: 0, matched: [] };
      const note = (row: MatchedRow, line?: number) => {
        if (out.matched.length < CHECKED_MATCHES) out.matched.push(line === undefined ? row : { ...row, contactId: '', fileLine: line });
      };
      for await (const item of source.items(options.mapping)) {
        if (++out.rows % BATCH_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
        if ('reason' in item.built) {
          out.rejectedCount++;
          continue;
        }
        const record = item.built.record;
        const keys = index?.keysOf(record);
        const match = keys && index!.find(keys);
        if (!match) {
          if (erasedOn(record)) {
            out.rejectedCount++;
            continue;
          }
          out.created++;
          if (keys) {
            const id = `line:${item.line}`;
            simulated.set(id, { values: record, name: contactDisplayName(record), line: item.line });
            index!.add(id, keys);
          }
          continue;
        }
        const before = known(match.id);
        const changes = options.duplicates === 'update' ? describeChanges(before.values, merged(before.values, record), fields) : [];
        if (changes.length === 0) {
          out.skipped++;
          note(matchedRow(item.line, 'skipped', match, before.name, []), before.line);
          continue;
        }
        const next = merged(before.values, record);
        simulated.set(match.id, { values: next, name: contactDisplayName(next), ...(before.line !== undefined ? { line: before.line } : {}) });
        index!.add(match.id, index!.keysOf(next));
        out.updated++;
        note(matchedRow(item.line, 'updated', match, before.name, changes), before.line);
      }
      return out;
    } finally {
      sqlite.close();
    }
  }

  return {
    run,
    check,
    checkPicked,
    /** The contact custom fields an import maps to (archived too), read once per call. */
    fields: () => customDefinitions(ctx.deps.db, 'contact'),
    cancel(importId: string): boolean {
      if (!running.has(importId)) return false;
      cancelled.add(importId);
      return true;
    },
    isRunning: (importId: string) => running.has(importId),
  };
}
