// `npm run bench`: seeds 100,000 contacts, then times each hot read through the real dispatcher against
// the same SQL on raw better-sqlite3 (same file, same run). One JSON line per case on stdout; a summary
// and any missed targets on stderr. Exits non-zero only when something errors, not on a missed target.
// BENCH_PLANS=1 also prints each raw statement's EXPLAIN QUERY PLAN to stderr. Then the import/export and
// reports, custom-fields and support-cases suites run, each on its own seeded folder, and the quote PDF print;
// BENCH=core,transfer,reports,fields,cases,quote-pdf picks which (default: those six).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/app';
import type { Logger } from '../../electron/core/logger';
import { toFtsQuery } from '../../electron/db/fts';
import { foldForSort } from '../../shared/domain/text';
import { encodeCursor } from '../../electron/db/keyset';
import { call } from './call';
import { compare, round3, stats } from './measure';
import { benchBackups } from './backups';
import { benchMerges } from './merges';
import { benchDuplicates } from './duplicates';
import { benchFields } from './fields-list';
import { benchReports } from './reports';
import { benchCases } from './cases';
import { benchQuotePdf } from './quote-pdf';
import { benchSync } from './sync';
import { seed } from './seed';
import { benchTransfer } from './transfer';
import { seedActivities } from './seed-activities';
import { seedJobs } from './seed-jobs';
import { seedAppointments } from './seed-appointments';
import { expandOccurrences, markConflicts, storedRange } from '../../electron/core/schedule/occurrences';
import { harnessPlatform } from '../../electron/harness/platform';

const MAX_RATIO = 1.3;
const MAX_SEARCH_MS = 10;
const PAGE = 50;
const HITS = 20;
const DEEP_OFFSET = 50_000;
const TAG = 'Kitchen';

const stderrLogger: Logger = {
  info: (m, d) => console.error(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
  warn: (m, d) => console.error(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
  error: (m, d) => console.error(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
};

// The SQL the app runs, verbatim: as listContacts writes it (electron/db/contacts.repo.ts) and as
// electron/db/search.repo.ts writes it. If the app's SQL changes, the result check below fails loudly.
// Untagged pages carry their total as a scalar subquery; a tag is counted first, on its own.
const COUNT_ALL = `SELECT (SELECT count(*) FROM contacts) - (SELECT count(*) FROM contacts WHERE deleted_at IS NOT NULL)`;
const LIST_SELECT = `SELECT c.*, co.name AS company_name, (${COUNT_ALL}) AS total FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.deleted_at IS NULL`;
const TAG_LIST_SELECT = `SELECT c.*, co.name AS company_name, NULL AS total FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.deleted_at IS NULL`;
const LIST_ORDER = `ORDER BY "c"."sort_name" asc, c.id asc LIMIT ?`;
// A common tag walks the name index (`+c.id`); its count reads the live-only tag table.
const TAG_CONDITION = `+c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)`;
const TAG_COUNT = `SELECT (SELECT count(*) FROM contact_tags WHERE tag = ?) AS n`;
const TIMELINE = `SELECT a.*, c.display_name AS contact_name FROM activities a JOIN contacts c ON c.id = a.contact_id WHERE a.deleted_at IS NULL AND a.contact_id = ?
    ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?`;
// timeline.list's second source (electron/db/jobs.repo.ts listStageChanges).
const STAGE_CHANGES = `
      SELECT printf('h%012d', h.seq) AS id, h.at, h.job_id, j.title AS job_title, j.contact_id, c.display_name AS contact_name,
        CASE WHEN h.from_stage IS NULL THEN NULL ELSE coalesce(f.name, '(removed stage)') END AS from_stage, coalesce(t.name, '(removed stage)') AS to_stage
      FROM job_stage_history h JOIN jobs j ON j.id = h.job_id LEFT JOIN contacts c ON c.id = j.contact_id
        LEFT JOIN pipeline_stages f ON f.id = h.from_stage LEFT JOIN pipeline_stages t ON t.id = h.to_stage
      WHERE j.deleted_at IS NULL AND j.contact_id = ? ORDER BY h.at DESC, h.seq DESC LIMIT ?`;
const BY_LAST_CONTACTED = `ORDER BY "c"."last_contacted_at" desc, c.id desc LIMIT ?`;
// jobs.board: the pipeline, the default currency, each column's first 100 jobs (one index walk per column,
// in one statement), and totals per currency.
const STAGES = `SELECT id, name, position, category FROM pipeline_stages ORDER BY position`;
const DEFAULT_CURRENCY = `SELECT value FROM settings WHERE key = ?`;
const BOARD_COLUMN = `SELECT * FROM (SELECT j.*, c.display_name AS contact_name, co.name AS company_name, s.name AS stage_name, s.category
        FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
        LEFT JOIN contacts c ON c.id = j.contact_id LEFT JOIN companies co ON co.id = j.company_id
        WHERE j.stage_id = ? AND j.deleted_at IS NULL ORDER BY j.rank, j.id LIMIT ?)`;
const BOARD_TOTALS = `
      SELECT j.stage_id, j.currency, count(*) AS count, coalesce(sum(j.amount_minor), 0) AS amount
      FROM jobs j WHERE j.deleted_at IS NULL GROUP BY j.stage_id, j.currency`;
// appointments.list: one-offs overlapping the range, every recurring series that began before its end.
const MONTH = `SELECT a.*, c.display_name AS contact_name FROM appointments a LEFT JOIN contacts c ON c.id = a.contact_id WHERE a.seq IN (
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 0 AND all_day = 0
        AND starts_at >= ? AND starts_at < ? AND ends_at > ?
      UNION ALL
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 0 AND all_day = 1
        AND starts_at >= ? AND starts_at < ? AND ends_at > ?
      UNION ALL
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 1
        AND ends_at > CASE all_day WHEN 1 THEN ? ELSE ? END
        AND starts_at < CASE all_day WHEN 1 THEN ? ELSE ? END
      UNION ALL
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NOT NULL AND starts_at < ?
        AND (series_end IS NULL OR series_end > ?)
    ) ORDER BY a.starts_at, a.id`;
const NAME_PREFIX = `
    SELECT type, id, display_name, job_title, company, emails, website, min(key) AS key FROM (
      SELECT * FROM (SELECT 'contact' AS type, c.id, c.display_name, c.job_title, co.name AS company, c.emails, NULL AS website, c.sort_name AS key
        FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE c.deleted_at IS NULL AND c.sort_name >= ? AND c.sort_name < ? ORDER BY c.sort_name, c.id LIMIT ?)
      UNION ALL
      SELECT * FROM (SELECT 'contact', c.id, c.display_name, c.job_title, co.name, c.emails, NULL, c.sort_last
        FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE c.deleted_at IS NULL AND c.sort_last >= ? AND c.sort_last < ? ORDER BY c.sort_last, c.id LIMIT ?)
      UNION ALL
      SELECT * FROM (SELECT 'company', co.id, co.name, NULL, NULL, '[]', co.website, co.sort_name
        FROM companies co
        WHERE co.deleted_at IS NULL AND co.sort_name >= ? AND co.sort_name < ? ORDER BY co.sort_name, co.id LIMIT ?)
    ) GROUP BY id ORDER BY key, id LIMIT ?`;
const TEXT_CONTACTS = `
              SELECT c.id, c.display_name, c.job_title, co.name AS company, c.emails, c.deleted_at, f.score
              FROM (SELECT rowid, bm25(contacts_fts, 10.0, 5.0, 2.0, 2.0, 1.0) AS score FROM contacts_fts
                    WHERE contacts_fts MATCH ? ORDER BY score LIMIT ?) AS f
              JOIN contacts c ON c.seq = f.rowid LEFT JOIN companies co ON co.id = c.company_id
              ORDER BY f.score`;
// The other kinds search.global ranks in its second tier (activities, jobs, appointments, follow-ups).
const TEXT_ACTIVITIES = `
      SELECT a.id, a.type, a.subject, c.display_name AS contact, a.contact_id, a.occurred_at, a.deleted_at, f.score
      FROM (SELECT rowid, bm25(activities_fts, 4.0, 1.0) AS score FROM activities_fts
            WHERE activities_fts MATCH ? ORDER BY score LIMIT ?) AS f
      JOIN activities a ON a.seq = f.rowid JOIN contacts c ON c.id = a.contact_id
      ORDER BY f.score`;
const TEXT_JOBS = `
      SELECT j.id, j.title, c.display_name AS contact, j.contact_id, s.name AS stage, j.deleted_at, f.score
      FROM (SELECT rowid, bm25(jobs_fts, 6.0, 1.0) AS score FROM jobs_fts
            WHERE jobs_fts MATCH ? ORDER BY score LIMIT ?) AS f
      JOIN jobs j ON j.seq = f.rowid JOIN pipeline_stages s ON s.id = j.stage_id LEFT JOIN contacts c ON c.id = j.contact_id
      ORDER BY f.score`;
const TEXT_APPOINTMENTS = `
    SELECT a.id, a.title, c.display_name AS contact, a.contact_id, a.starts_at, a.recurrence, a.deleted_at, f.score
    FROM (SELECT rowid, bm25(appointments_fts, 4.0, 2.0, 1.0) AS score FROM appointments_fts
          WHERE appointments_fts MATCH ? ORDER BY score LIMIT ?) AS f
    JOIN appointments a ON a.seq = f.rowid LEFT JOIN contacts c ON c.id = a.contact_id
    ORDER BY f.score`;
const TEXT_TASKS = `
      SELECT t.id, t.title, c.display_name AS contact, t.contact_id, t.due_at, t.deleted_at, f.score
      FROM (SELECT rowid, bm25(tasks_fts, 4.0, 1.0) AS score FROM tasks_fts
            WHERE tasks_fts MATCH ? ORDER BY score LIMIT ?) AS f
      JOIN tasks t ON t.seq = f.rowid LEFT JOIN contacts c ON c.id = t.contact_id
      ORDER BY f.score`;
const TEXT_COMPANIES = `
              SELECT co.id, co.name, co.website, co.deleted_at, f.score
              FROM (SELECT rowid, bm25(companies_fts, 10.0, 3.0, 5.0, 2.0, 1.0) AS score FROM companies_fts
                    WHERE companies_fts MATCH ? ORDER BY score LIMIT ?) AS f
              JOIN companies co ON co.seq = f.rowid
              ORDER BY f.score`;

// Mirrors electron/db/documents.repo.ts documentTextHits.
const TEXT_DOCUMENTS = `
    SELECT d.id, d.name, d.created_at, d.deleted_at, f.score,
      (SELECT coalesce(c.display_name, co.name, j.title) FROM document_links l LEFT JOIN contacts c ON c.id = l.contact_id
        LEFT JOIN companies co ON co.id = l.company_id LEFT JOIN jobs j ON j.id = l.job_id
        WHERE l.document_id = d.id ORDER BY l.created_at LIMIT 1) AS linked,
      (SELECT l.contact_id FROM document_links l WHERE l.document_id = d.id AND l.contact_id IS NOT NULL ORDER BY l.created_at LIMIT 1) AS contact_id
    FROM (SELECT rowid, bm25(documents_fts, 6.0, 2.0, 1.0) AS score FROM documents_fts
          WHERE documents_fts MATCH ? ORDER BY score LIMIT ?) AS f
    JOIN documents d ON d.seq = f.rowid
    ORDER BY f.score`;

// Mirrors electron/db/search.repo.ts caseTextHits (issue #22).
const TEXT_CASES = `
      SELECT k.id, k.number, k.subject, c.display_name AS contact, k.contact_id, coalesce(k.deleted_at, c.deleted_at) AS deleted_at, f.score
      FROM (SELECT rowid, bm25(cases_fts, 6.0, 1.0) AS score FROM cases_fts
            WHERE cases_fts MATCH ? ORDER BY score LIMIT ?) AS f
      JOIN cases k ON k.seq = f.rowid JOIN contacts c ON c.id = k.contact_id
      ORDER BY f.score`;

type Row = Record<string, unknown>;
type ListRow = Row & { id: string; sort_name: string; last_contacted_at: string; emails: string; phones: string; addresses: string; tags: string; total: number | null };
type SearchRow = Row & { id: string; score: number; emails?: string; key?: string; deleted_at?: string | null };

const firstEmail = (r: SearchRow) => (r.emails === undefined ? undefined : (JSON.parse(r.emails) as { value: string }[])[0]?.value);

/** One raw statement with its parameters: timed alone too, so each line shows where the SQL time goes. */
interface Step {
  label: string;
  run: () => unknown[];
  sql: string;
  params: unknown[];
}

interface Case {
  name: string;
  maxMedianMs?: number;
  /** Both return a digest (ids, total, cursor), checked equal once before timing: the same work, the same answer. */
  app: () => Promise<unknown>;
  raw: () => unknown;
  steps: Step[];
}

function step(db: Database.Database, label: string, sql: string, params: unknown[]): Step {
  const statement = db.prepare(sql);
  return { label, sql, params, run: () => statement.all(...params) };
}

function buildCases(core: Core, raw: Database.Database, heavyContactId: string): Case[] {
  const deep = raw.prepare(`SELECT sort_name, id FROM contacts WHERE deleted_at IS NULL ORDER BY sort_name, id LIMIT 1 OFFSET ?`).get(DEEP_OFFSET - 1) as { sort_name: string; id: string };

  /** `count` is null when the page's statement carries the total itself. */
  const list = (name: string, input: Row, page: Step, count: Step | null, cursorColumn: 'sort_name' | 'last_contacted_at' = 'sort_name'): Case => ({
    name,
    steps: count ? [page, count] : [page],
    app: async () => {
      const value = await call(core, 'contacts.list', { sort: 'name', limit: PAGE, ...input });
      return { ids: value.items.map((i: Row) => i.id), total: value.total, nextCursor: value.nextCursor };
    },
    // What listContacts + toContact do beyond SQL: parse the JSON columns, drop the extra row, make the next cursor.
    raw: () => {
      const total = count ? (count.run() as Row[])[0]!.n : undefined;
      const rows = page.run() as ListRow[];
      const items = rows.slice(0, PAGE).map((r) => ({
        ...r,
        emails: JSON.parse(r.emails) as unknown,
        phones: JSON.parse(r.phones) as unknown,
        addresses: JSON.parse(r.addresses) as unknown,
        tags: JSON.parse(r.tags) as unknown,
      }));
      const last = items.at(-1);
      return { ids: items.map((i) => i.id), total: total ?? rows[0]?.total, nextCursor: rows.length > PAGE && last ? encodeCursor(last[cursorColumn] as string, last.id) : null };
    },
  });

  // What the service does: names starting with the query first (one statement over three index ranges),
  // then FTS by bm25 to fill the rest; parse the first email for each subtitle.
  const search = (query: string): Case => {
    const match = toFtsQuery(query);
    const prefix = foldForSort(query);
    const range = [prefix, prefix + String.fromCodePoint(0x10ffff), HITS];
    const names = [step(raw, 'names', NAME_PREFIX, [...range, ...range, ...range, HITS])];
    const byName = () => (names[0]!.run() as SearchRow[]).map((r) => ({ id: r.id, email: firstEmail(r) }));
    const found = byName().length; // fixed for this data: sizes the FTS fetch exactly as the service does
    const fetch = HITS + 10; // the service asks for (HITS - found) + found skipped + 10
    const text = [
      step(raw, 'text:contacts', TEXT_CONTACTS, [match, fetch]),
      step(raw, 'text:companies', TEXT_COMPANIES, [match, fetch]),
      step(raw, 'text:activities', TEXT_ACTIVITIES, [match, fetch]),
      step(raw, 'text:jobs', TEXT_JOBS, [match, fetch]),
      step(raw, 'text:appointments', TEXT_APPOINTMENTS, [match, fetch]),
      step(raw, 'text:tasks', TEXT_TASKS, [match, fetch]),
      step(raw, 'text:documents', TEXT_DOCUMENTS, [match, fetch]),
      step(raw, 'text:cases', TEXT_CASES, [match, fetch]),
    ];
    return {
      name: `search.global "${query}"`,
      maxMedianMs: MAX_SEARCH_MS,
      steps: found >= HITS ? names : [...names, ...text],
      app: async () => ({ ids: (await call(core, 'search.global', { query, limit: HITS })).items.map((i: Row) => i.id) }),
      raw: () => {
        const first = byName();
        if (first.length >= HITS) return { ids: first.map((h) => h.id) };
        const skip = new Set(first.map((h) => h.id));
        const want = HITS - first.length;
        const rest = text
          .flatMap((s) => (s.run() as SearchRow[]).filter((r) => r.deleted_at === null && !skip.has(r.id)).slice(0, want))
          .map((r) => ({ id: r.id, score: r.score, email: firstEmail(r) }))
          .sort((a, b) => a.score - b.score)
          .slice(0, want);
        return { ids: [...first, ...rest].map((h) => h.id) };
      },
    };
  };

  // What listActivities + toActivity do beyond SQL: drop the extra row, make the next cursor.
  const timeline = (contactId: string): Case => {
    const page = step(raw, 'page', TIMELINE, [contactId, PAGE + 1]);
    return {
      name: 'activities.list timeline of a contact with 10,000 activities',
      steps: [page],
      app: async () => {
        const value = await call(core, 'activities.list', { contactId, limit: PAGE });
        return { ids: value.items.map((i: Row) => i.id), nextCursor: value.nextCursor };
      },
      raw: () => {
        const rows = page.run() as (Row & { id: string; occurred_at: string })[];
        const items = rows.slice(0, PAGE).map((r) => ({ ...r }));
        const last = items.at(-1);
        return { ids: items.map((i) => i.id), nextCursor: rows.length > PAGE && last ? encodeCursor(last.occurred_at, last.id) : null };
      },
    };
  };

  // timeline.list (what a contact page shows): the activities page and the contact's job stage changes, merged
  // newest first by (at, id), as electron/core/activities/timeline.ts does.
  const mergedTimeline = (contactId: string): Case => {
    const activities = step(raw, 'activities', TIMELINE, [contactId, PAGE + 1]);
    const stages = step(raw, 'stage changes', STAGE_CHANGES, [contactId, PAGE + 1]);
    return {
      name: 'timeline.list of a contact with 10,000 activities and job stage changes',
      steps: [activities, stages],
      app: async () => {
        const value = await call(core, 'timeline.list', { contactId, limit: PAGE });
        return { ids: value.items.map((i: Row) => i.id), nextCursor: value.nextCursor };
      },
      raw: () => {
        const acts = activities.run() as (Row & { id: string; occurred_at: string })[];
        const entries = [
          ...acts.slice(0, PAGE).map((r) => ({ ...r, at: r.occurred_at })),
          ...(stages.run() as (Row & { id: string; at: string })[]).map((r) => ({ ...r })),
        ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
        const items = entries.slice(0, PAGE);
        const last = items.at(-1);
        const more = entries.length > PAGE || acts.length > PAGE;
        return { ids: items.map((i) => i.id), nextCursor: more && last ? encodeCursor(last.at, last.id) : null };
      },
    };
  };

  // What the jobs service does beyond SQL: group rows into columns, pick each column's default-currency total.
  const jobsBoard = (): Case => {
    const stageIds = (raw.prepare(STAGES).all() as { id: string }[]).map((s) => s.id);
    const columns = stageIds.map(() => BOARD_COLUMN).join(' UNION ALL ');
    const steps = [
      step(raw, 'stages', STAGES, []),
      step(raw, 'currency', DEFAULT_CURRENCY, ['defaultCurrency']),
      step(raw, 'jobs', columns, stageIds.flatMap((id) => [id, 100])),
      step(raw, 'totals', BOARD_TOTALS, []),
    ];
    const [stages, currency, jobs, totals] = steps as [Step, Step, Step, Step];
    return {
      name: 'jobs.board with 10,000 jobs',
      maxMedianMs: 20,
      steps,
      app: async () => {
        const value = await call(core, 'jobs.board', {});
        return { columns: value.stages.map((c: Row & { jobs: Row[] }) => [c.count, c.totalMinor, c.jobs.map((j) => j.id)]) };
      },
      raw: () => {
        const defaultCurrency = (currency.run()[0] as { value: string }).value;
        const rows = jobs.run() as (Row & { id: string; stage_id: string })[];
        const sums = totals.run() as { stage_id: string; currency: string; count: number; amount: number }[];
        return {
          columns: (stages.run() as { id: string }[]).map((stage) => {
            const mine = sums.filter((t) => t.stage_id === stage.id);
            return [mine.reduce((n, t) => n + t.count, 0), mine.find((t) => t.currency === defaultCurrency)?.amount ?? 0, rows.filter((r) => r.stage_id === stage.id).map((r) => r.id)];
          }),
        };
      },
    };
  };

  // The same work as the service: the same SQL, then the same recurrence expansion and conflict marking
  // (domain code both sides share: the ratio measures the layers around it).
  const month = (): Case => {
    const range = storedRange('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    const DAYS_8 = 8 * 24 * 3600 * 1000;
    const earliestInstant = new Date(Date.parse(range.fromInstant) - DAYS_8).toISOString();
    const earliestDay = new Date(Date.parse(`${range.fromDay}T00:00:00Z`) - DAYS_8).toISOString().slice(0, 10);
    const rows = step(raw, 'rows', MONTH, [
      earliestInstant, range.toInstant, range.fromInstant,
      earliestDay, range.toDay, range.fromDay,
      range.fromDay, range.fromInstant, range.toDay, range.toInstant,
      range.toInstant, range.fromInstant,
    ]);
    return {
      name: 'appointments.list for a month of 50,000 appointments',
      maxMedianMs: 20,
      steps: [rows],
      app: async () => ({ ids: (await call(core, 'appointments.list', { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })).items.map((o: Row) => `${o.appointmentId}@${o.startsAt}`) }),
      raw: () => {
        const items = (rows.run() as (Row & { id: string; starts_at: string; ends_at: string; all_day: number; recurrence: string | null })[]).flatMap((r) =>
          expandOccurrences({ startsAt: r.starts_at, endsAt: r.ends_at, allDay: r.all_day === 1, recurrence: r.recurrence ? JSON.parse(r.recurrence) : null }, range).map((at) => ({
            appointmentId: r.id,
            title: r.title as string,
            startsAt: at.startsAt,
            endsAt: at.endsAt,
            allDay: r.all_day === 1,
            kind: r.kind as 'meeting',
            location: r.location as string | null,
            contactId: r.contact_id as string | null,
            contactName: r.contact_name as string | null,
            recurring: r.recurrence !== null,
            conflict: false,
          })),
        );
        return { ids: markConflicts(items).map((o) => `${o.appointmentId}@${o.startsAt}`) };
      },
    };
  };

  return [
    month(),
    jobsBoard(),
    list('contacts.list first page', {}, step(raw, 'page', `${LIST_SELECT} ${LIST_ORDER}`, [PAGE + 1]), null),
    list(
      `contacts.list deep page (offset ${DEEP_OFFSET})`,
      { cursor: encodeCursor(deep.sort_name, deep.id) },
      step(raw, 'page', `${LIST_SELECT} AND ("c"."sort_name", "c"."id") > (?, ?) ${LIST_ORDER}`, [deep.sort_name, deep.id, PAGE + 1]),
      null,
    ),
    list(
      `contacts.list tag "${TAG}"`,
      { tag: TAG },
      step(raw, 'page', `${TAG_LIST_SELECT} AND ${TAG_CONDITION} ${LIST_ORDER}`, [TAG, PAGE + 1]),
      step(raw, 'count', TAG_COUNT, [TAG]),
    ),
    list('contacts.list sorted by last contacted', { sort: 'lastContacted' }, step(raw, 'page', `${LIST_SELECT} ${BY_LAST_CONTACTED}`, [PAGE + 1]), null, 'last_contacted_at'),
    timeline(heavyContactId),
    mergedTimeline(heavyContactId),
    search('mar'),
    search('sarah jo'),
    search('plumbing'),
  ];
}

/** Median of each raw statement alone, e.g. { page: 0.5, count: 11.2 }. */
function stepMedians(steps: Step[], iterations: number): Record<string, number> {
  return Object.fromEntries(
    steps.map((s) => {
      const samples: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const start = process.hrtime.bigint();
        s.run();
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return [s.label, round3(stats(samples).medianMs)];
    }),
  );
}

function printPlans(raw: Database.Database, c: Case): void {
  for (const s of c.steps) {
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[];
    console.error(`plan of ${c.name} / ${s.label}:\n  ${plan.map((p) => p.detail).join('\n  ')}`);
  }
}

async function benchCore(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  let core: Core | undefined;
  let raw: Database.Database | undefined;
  try {
    const seeded = await seed(dataDir, { logger: stderrLogger });
    console.error(`seeded ${seeded.contacts} contacts and ${seeded.companies} companies in ${(seeded.ms / 1000).toFixed(1)} s`);
    const activities = seedActivities(seeded.file);
    console.error(`seeded ${activities.activities} activities in ${(activities.ms / 1000).toFixed(1)} s`);
    const jobs = seedJobs(seeded.file);
    console.error(`seeded ${jobs.jobs} jobs in ${(jobs.ms / 1000).toFixed(1)} s`);
    const appointments = seedAppointments(seeded.file);
    console.error(`seeded ${appointments.appointments} appointments in ${(appointments.ms / 1000).toFixed(1)} s`);

    core = await openCore({ dataDir, logger: stderrLogger, platform: harnessPlatform(dataDir) });
    // The long-standing client also has jobs that moved along the pipeline: their stage changes share the timeline.
    const stages = (await call(core, 'jobs.settings.get', {})).stages as { id: string }[];
    for (let i = 0; i < 5; i++) {
      const job = await call(core, 'jobs.create', { title: `Heavy client job ${i + 1}`, contactId: activities.heavyContactId, amountMinor: 50_000 });
      for (const stage of stages.slice(1, 4)) await call(core, 'jobs.move', { id: job.id, stage: stage.id });
    }
    raw = new Database(seeded.file, { readonly: true });
    const misses: string[] = [];
    for (const c of buildCases(core, raw, activities.heavyContactId)) {
      if (process.env.BENCH_PLANS) printPlans(raw, c);
      const [fromApp, fromRaw] = [JSON.stringify(await c.app()), JSON.stringify(c.raw())];
      if (fromApp !== fromRaw) throw new Error(`${c.name}: the app and the raw SQL disagree\napp ${fromApp}\nraw ${fromRaw}`);

      const { app, raw: bare } = await compare(c.app, c.raw);
      const ratio = app.medianMs / bare.medianMs;
      console.log(
        JSON.stringify({
          case: c.name,
          medianMs: round3(app.medianMs),
          rawMedianMs: round3(bare.medianMs),
          ratio: round3(ratio),
          p95Ms: round3(app.p95Ms),
          rawP95Ms: round3(bare.p95Ms),
          iterations: app.iterations,
          rawSqlMs: stepMedians(c.steps, Math.min(app.iterations, 50)),
        }),
      );
      if (ratio > MAX_RATIO) misses.push(`${c.name}: ratio ${round3(ratio)} > ${MAX_RATIO}`);
      if (c.maxMedianMs !== undefined && app.medianMs >= c.maxMedianMs) misses.push(`${c.name}: median ${round3(app.medianMs)} ms >= ${c.maxMedianMs} ms`);
    }
    console.error(
      misses.length === 0
        ? `all cases within targets (ratio <= ${MAX_RATIO}, search median < ${MAX_SEARCH_MS} ms)`
        : `missed targets:\n  ${misses.join('\n  ')}`,
    );
    console.error(`bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    raw?.close();
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const suites = new Set((process.env.BENCH ?? 'core,transfer,reports,fields,cases,quote-pdf').split(',').map((name) => name.trim()));
  // backups writes gigabytes (BENCH_BACKUP_DOCS_MB), so it runs only when named: BENCH=backups.
  const known = ['core', 'transfer', 'reports', 'fields', 'backups', 'duplicates', 'merges', 'cases', 'quote-pdf', 'sync'];
  for (const name of suites) if (!known.includes(name)) throw new Error(`Unknown bench suite "${name}" (${known.join(', ')})`);
  if (suites.has('core')) await benchCore();
  if (suites.has('transfer')) await benchTransfer();
  if (suites.has('reports')) await benchReports();
  if (suites.has('fields')) await benchFields(stderrLogger);
  if (suites.has('backups')) await benchBackups(stderrLogger);
  if (suites.has('merges')) await benchMerges(stderrLogger);
  // Support cases (issue #22): their own 100,000 contacts and 50,000 cases.
  if (suites.has('cases')) await benchCases();
  // A 200-line quote printed to PDF in the harness's Chromium (issue #23).
  if (suites.has('quote-pdf')) await benchQuotePdf();
  // The duplicate scan seeds its own 100,000 contacts (issue #20): only when named, BENCH=duplicates.
  if (suites.has('duplicates')) await benchDuplicates(stderrLogger);
  // Sync needs a Radicale and seeds 30,000 records (issue #24): only when named, BENCH=sync.
  if (suites.has('sync')) await benchSync(stderrLogger);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
