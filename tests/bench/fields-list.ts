// `BENCH=fields npm run bench` (issue #19): the contacts list filtered and sorted by a custom field at 100,000
// contacts (70% with a value, as tests/bench/fields.ts seeds them), through the real dispatcher, against raw
// better-sqlite3 running the very statements contacts.list runs (captured once from Kysely's query log, as the
// reports bench does) plus the same row work: JSON columns parsed, the page's custom values grouped, the cursor.
// Targets: median < 10 ms and ratio <= 1.3.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE, openCore, type Core } from '../../electron/core/app';
import { createContactsService } from '../../electron/core/contacts/contacts';
import { manualClock } from '../../electron/core/clock';
import { EventBus } from '../../electron/core/events';
import type { Logger } from '../../electron/core/logger';
import { customCursor } from '../../electron/db/fields.query.repo';
import { encodeCursor } from '../../electron/db/keyset';
import type { DB } from '../../electron/db/schema';
import { harnessPlatform } from '../../electron/harness/platform';
import type { ChannelInput } from '../../shared/ipc/contract';
import { foldForSort } from '../../shared/domain/text';
import { call } from './call';
import { compare, round3 } from './measure';
import { seed } from './seed';

const MAX_RATIO = 1.3;
const MAX_MEDIAN_MS = 10;
const PAGE = 50;
const CODE = { id: '0190a7e4-0000-7000-8000-00000000c0de', key: 'gateCode' };
const VISITS = { id: '0190a7e4-0000-7000-8000-0000000000b5', key: 'visits' };

type Row = Record<string, unknown> & { id: string };
type ListInput = ChannelInput<'contacts.list'>;

/** 70% of contacts get a gate code ("Gate 0" … "Gate 996") and a visit count (0 … 49), written as the repo writes them. */
function seedValues(file: string): number {
  const sqlite = new Database(file);
  try {
    return sqlite.transaction(() => {
      const field = sqlite.prepare(`INSERT INTO custom_fields (id, record_type, key, label, type, position, created_at, updated_at) VALUES (?, 'contact', ?, ?, ?, ?, ?, ?)`);
      const now = new Date().toISOString();
      field.run(CODE.id, CODE.key, 'Gate code', 'text', 0, now, now);
      field.run(VISITS.id, VISITS.key, 'Visits', 'number', 1, now, now);
      const value = sqlite.prepare(`INSERT INTO custom_values (field_id, record_id, seq, text_value, num_value, sort_text) VALUES (?, ?, 0, ?, ?, ?)`);
      const ids = sqlite.prepare(`SELECT id FROM contacts ORDER BY seq`).pluck().all() as string[];
      let written = 0;
      ids.forEach((id, i) => {
        if (i % 10 >= 7) return;
        const text = `Gate ${i % 997}`;
        value.run(CODE.id, id, text, null, foldForSort(text));
        value.run(VISITS.id, id, null, i % 50, null);
        written++;
      });
      sqlite.pragma('optimize');
      return written;
    })();
  } finally {
    sqlite.close();
  }
}

/** The statements one contacts.list call runs, in order, captured from a second service on a logging connection. */
async function captureStatements(file: string, input: ListInput): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
  const capture = new Database(file, { readonly: true });
  let captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const logging = new Kysely<DB>({
    dialect: new SqliteDialect({ database: { close: () => capture.close(), prepare: (text: string) => capture.prepare(text) } }),
    log: (event) => void captured.push({ sql: event.query.sql, parameters: event.query.parameters }),
  });
  const service = createContactsService({ db: logging, clock: manualClock(new Date().toISOString()), events: new EventBus(), newId: () => 'unused' });
  const parsed = { trashed: false, ...input } as Parameters<typeof service.list>[0];
  await service.list(parsed); // the first call also reads the field definitions, which the app keeps
  captured = [];
  await service.list(parsed);
  await logging.destroy();
  return captured;
}

interface FieldCase {
  name: string;
  input: ListInput;
}

export async function benchFields(logger: Logger): Promise<void> {
  const started = Date.now();
  // FIELDS_BENCH_DIR keeps the seeded folder for another run (seeding takes a minute or two); otherwise a temp folder.
  const kept = process.env.FIELDS_BENCH_DIR;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'rapport-bench-fields-'));
  let core: Core | undefined;
  let raw: Database.Database | undefined;
  try {
    const seeded = { file: join(dataDir, DB_FILE) };
    if (!kept || !existsSync(seeded.file)) {
      const made = await seed(dataDir, { logger });
      const withValues = seedValues(made.file);
      console.error(`fields bench: seeded ${made.contacts} contacts, ${withValues} with custom values, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    core = await openCore({ dataDir, logger, startReminders: false, platform: harnessPlatform(dataDir) });
    raw = new Database(seeded.file, { readonly: true });
    const rawDb = raw;
    const app = core;

    const cases: FieldCase[] = [
      { name: 'contacts.list custom text equals', input: { limit: PAGE, custom: [{ key: CODE.key, op: 'equals', value: 'Gate 12' }] } },
      { name: 'contacts.list custom number range', input: { limit: PAGE, custom: [{ key: VISITS.key, op: 'between', min: 10, max: 12 }] } },
      { name: 'contacts.list sorted by custom number', input: { limit: PAGE, sortCustom: { key: VISITS.key, direction: 'asc' } } },
      { name: 'contacts.list sorted by custom text, desc', input: { limit: PAGE, sortCustom: { key: CODE.key, direction: 'desc' } } },
      { name: 'contacts.list first page, custom values read', input: { limit: PAGE } },
    ];
    const only = process.env.BENCH_FIELDS_CASE;
    const misses: string[] = [];
    for (const c of cases) {
      if (only && !c.name.includes(only)) continue;
      const statements = (await captureStatements(seeded.file, c.input)).map((s) => ({ ...s, statement: rawDb.prepare(s.sql) }));
      const valuesAt = statements.findIndex((s) => s.sql.includes('FROM custom_values WHERE field_id IN'));
      if (valuesAt === -1) throw new Error(`${c.name}: no custom values read among ${statements.length} statements`);
      const sorted = c.input.sortCustom !== undefined;
      // The total is counted apart (sorted by a custom field; a custom condition, counted first to pick the plan) or in the page.
      const isCount = (text: string) => /\(select count\(\*\) from contacts/i.test(text) && !/c\.\*/.test(text);
      const countedApart = statements.some((s) => isCount(s.sql));
      const keys = new Map([[CODE.id, CODE.key], [VISITS.id, VISITS.key]]);

      const appRun = async () => {
        const value = await call(app, 'contacts.list', c.input);
        return { ids: value.items.map((i) => i.id), total: value.total, nextCursor: value.nextCursor, custom: value.items.map((i) => i.custom) };
      };
      // What the service does beyond SQL: page rows (with the total in the page's statement, or counted apart when
      // sorted by a custom field), parse the JSON columns, read the page's values with its ids, group them, cursor.
      const rawRun = () => {
        let rows: Row[] = [];
        let total = 0;
        let custom: { field_id: string; record_id: string; text_value: string | null; num_value: number | null }[] = [];
        statements.forEach((s, i) => {
          if (i === valuesAt) {
            const ids = JSON.stringify(rows.slice(0, PAGE).map((r) => r.id));
            custom = s.statement.all(s.parameters[0], ids) as typeof custom;
          } else if (isCount(s.sql)) {
            total = Number((s.statement.get(...s.parameters) as { n: number }).n);
          } else {
            rows = [...rows, ...(s.statement.all(...s.parameters) as Row[])];
            if (!countedApart) total = Number(rows[0]?.total ?? 0);
          }
        });
        const items: Row[] = rows.slice(0, PAGE).map((r) => ({
          ...r,
          emails: JSON.parse(r.emails as string) as unknown,
          phones: JSON.parse(r.phones as string) as unknown,
          addresses: JSON.parse(r.addresses as string) as unknown,
          tags: JSON.parse(r.tags as string) as unknown,
        }));
        const byRecord = new Map<string, Record<string, string | number | null>>(items.map((r) => [r.id, {}]));
        for (const v of custom) byRecord.get(v.record_id)![keys.get(v.field_id)!] = v.num_value ?? v.text_value;
        const last = items.at(-1);
        const more = rows.length > PAGE && last;
        const nextCursor = !more ? null : sorted ? customCursor(last.cf_sort as string | number | null, last.id) : encodeCursor(last.sort_name as string, last.id);
        return { ids: items.map((i) => i.id), total, nextCursor, custom: items.map((i) => byRecord.get(i.id)) };
      };

      const [fromApp, fromRaw] = [JSON.stringify(await appRun()), JSON.stringify(rawRun())];
      if (fromApp !== fromRaw) throw new Error(`${c.name}: the app and the raw SQL disagree\napp ${fromApp.slice(0, 600)}\nraw ${fromRaw.slice(0, 600)}`);
      if (process.env.BENCH_PLANS) {
        for (const s of statements) console.error(`plan of ${c.name}:\n  ${(rawDb.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.parameters) as { detail: string }[]).map((p) => p.detail).join('\n  ')}`);
      }
      const { app: a, raw: r } = await compare(appRun, rawRun);
      const ratio = a.medianMs / r.medianMs;
      console.log(
        JSON.stringify({
          case: c.name,
          medianMs: round3(a.medianMs),
          rawMedianMs: round3(r.medianMs),
          ratio: round3(ratio),
          p95Ms: round3(a.p95Ms),
          rawP95Ms: round3(r.p95Ms),
          iterations: a.iterations,
          statements: statements.length,
        }),
      );
      if (ratio > MAX_RATIO) misses.push(`${c.name}: ratio ${round3(ratio)} > ${MAX_RATIO}`);
      if (a.medianMs >= MAX_MEDIAN_MS) misses.push(`${c.name}: median ${round3(a.medianMs)} ms >= ${MAX_MEDIAN_MS} ms`);
    }
    console.error(misses.length === 0 ? `fields: all cases within targets (median < ${MAX_MEDIAN_MS} ms, ratio <= ${MAX_RATIO})` : `fields: missed targets:\n  ${misses.join('\n  ')}`);
    console.error(`fields bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    raw?.close();
    core?.close();
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}
