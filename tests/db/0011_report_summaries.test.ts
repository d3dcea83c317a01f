// Migrations 0011, 0013 and 0014: the report summaries (activity_days, contact_touches, the job facts on job_milestones) are
// backfilled from a file at 0010, and after any mix of writes (insert, edit of time/contact/type/outcome, soft
// delete, restore, purge of activities, jobs and contacts, a stage changing category) they equal the same
// figures recomputed from scratch from the base tables.
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { drifting } from '../../electron/db/reports.repo';
import type { DB } from '../../electron/db/schema';
import { openDbAt, type TestDb } from '../helpers/migrations';

const COUNTED = `a.deleted_at IS NULL AND a.type <> 'note' AND coalesce(a.outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')`;

/** The summaries as stored, and as recomputed from the base tables (written independently of the migration). */
function stored(sqlite: Sqlite) {
  return {
    days: sqlite.prepare(`SELECT day, type, n FROM activity_days ORDER BY day, type`).all(),
    touches: sqlite.prepare(`SELECT contact_id, first_at, last_at, touches FROM contact_touches ORDER BY contact_id`).all(),
    jobs: sqlite.prepare(`SELECT job_id, contact_id, currency, amount_minor, created_at, category FROM job_milestones ORDER BY job_id`).all(),
    pipeline: sqlite.prepare(`SELECT stage_id, currency, jobs, total, weighted, unweighted FROM pipeline_totals ORDER BY stage_id, currency`).all(),
    revenue: sqlite.prepare(`SELECT kind, month, currency, jobs, amount, valued, lead_ms FROM revenue_months ORDER BY kind, month, currency`).all(),
    clients: sqlite.prepare(`SELECT contact_id, live, jobs, won, paid, created_at, lead_source FROM client_jobs ORDER BY contact_id`).all(),
  };
}
// valued and lead_ms: 0013. Lead times in whole milliseconds from unixepoch (not the triggers' julianday).
const revenue = (kind: string, at: string, counts: string) => `SELECT '${kind}' AS kind, substr(m.${at}, 1, 7) AS month, j.currency, count(*) AS jobs,
    coalesce(sum(j.amount_minor), 0) AS amount, count(j.amount_minor) AS valued,
    coalesce(sum(CASE WHEN m.${at} > j.created_at THEN CAST(round((unixepoch(m.${at}, 'subsec') - unixepoch(j.created_at, 'subsec')) * 1000) AS INTEGER) ELSE 0 END), 0) AS lead_ms
  FROM job_milestones m JOIN jobs j ON j.id = m.job_id JOIN pipeline_stages s ON s.id = j.stage_id
  WHERE m.${at} IS NOT NULL AND j.deleted_at IS NULL AND ${counts} GROUP BY 2, 3`;
function recomputed(sqlite: Sqlite) {
  return {
    days: sqlite.prepare(`SELECT substr(occurred_at, 1, 10) AS day, type, count(*) AS n FROM activities WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`).all(),
    touches: sqlite.prepare(`SELECT a.contact_id, min(a.occurred_at) AS first_at, max(a.occurred_at) AS last_at, count(*) AS touches
      FROM activities a WHERE ${COUNTED} GROUP BY a.contact_id ORDER BY a.contact_id`).all(),
    jobs: sqlite.prepare(`SELECT j.id AS job_id, j.contact_id, j.currency, j.amount_minor, j.created_at, CASE WHEN j.deleted_at IS NULL THEN s.category END AS category
      FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id ORDER BY j.id`).all(),
    pipeline: sqlite.prepare(`SELECT stage_id, currency, count(*) AS jobs, coalesce(sum(amount_minor), 0) AS total,
        coalesce(sum(amount_minor * probability), 0) AS weighted, coalesce(sum(CASE WHEN probability IS NULL THEN amount_minor END), 0) AS unweighted
      FROM jobs WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`).all(),
    revenue: sqlite.prepare(`${revenue('won', 'won_at', `s.category IN ('won', 'paid')`)} UNION ALL ${revenue('paid', 'paid_at', `s.category = 'paid'`)}
      ORDER BY 1, 2, 3`).all(),
    clients: sqlite.prepare(`SELECT j.contact_id, c.deleted_at IS NULL AS live, count(*) AS jobs,
        sum(s.category IN ('won', 'paid') AND m.won_at IS NOT NULL) AS won, sum(s.category = 'paid') AS paid, c.created_at, c.lead_source
      FROM jobs j JOIN contacts c ON c.id = j.contact_id JOIN pipeline_stages s ON s.id = j.stage_id JOIN job_milestones m ON m.job_id = j.id
      WHERE j.deleted_at IS NULL GROUP BY j.contact_id ORDER BY j.contact_id`).all(),
  };
}

/** A fresh file at `version` (the latest without one). */
const open = (version?: number) => openDbAt(version);

const TYPES = ['call', 'email', 'meeting', 'note', 'letter'] as const;
const OUTCOMES = [null, 'connected', 'no_answer', 'left_voicemail', 'wrong_number', 'busy'] as const;
const TIMES = ['2026-01-01T00:00:00.000Z', '2026-01-01T23:59:59.999Z', '2026-01-02T09:00:00.000Z', '2026-03-15T12:00:00.000Z', '2026-03-15T12:00:00.000Z'];
const CONTACTS = ['c1', 'c2', 'c3'];

function writer(sqlite: Sqlite) {
  const stage = (i: number) => sqlite.prepare(`SELECT id FROM pipeline_stages ORDER BY position LIMIT 1 OFFSET ?`).pluck().get(i % 7) as string; // the seven default stages
  const addContact = (id: string) =>
    sqlite.prepare(`INSERT OR IGNORE INTO contacts (id, display_name, sort_name, sort_last, created_at, updated_at) VALUES (?, ?, ?, ?, 't', 't')`).run(id, id, id, id);
  let n = 0;
  return {
    addContact,
    activity(contact: string, type: string, outcome: string | null, at: string, deleted: boolean) {
      addContact(contact);
      sqlite.prepare(`INSERT INTO activities (id, contact_id, type, outcome, occurred_at, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, 't', 't', ?)`)
        .run(`a${n++}`, contact, type, outcome, at, deleted ? at : null);
    },
    job(contact: string | null, stageIndex: number, amount: number | null, currency: string, at: string, deleted: boolean, probability: number | null = null) {
      if (contact) addContact(contact);
      sqlite.prepare(`INSERT INTO jobs (id, title, sort_title, contact_id, stage_id, amount_minor, currency, probability, rank, stage_changed_at, created_at, updated_at, deleted_at)
        VALUES (?, 'j', 'j', ?, ?, ?, ?, ?, 1, ?, ?, 't', ?)`).run(`j${n++}`, contact, stage(stageIndex), amount, currency, probability, at, at, deleted ? at : null);
    },
    stage,
  };
}

describe('0011_report_summaries', () => {
  let seeded: TestDb;
  let sqlite: Sqlite;
  beforeAll(async () => {
    seeded = await open(10);
    sqlite = seeded.sqlite;
    const w = writer(sqlite);
    w.activity('c1', 'call', 'connected', TIMES[0]!, false);
    w.activity('c1', 'call', 'busy', TIMES[1]!, false);
    w.activity('c1', 'note', null, TIMES[2]!, false);
    w.activity('c1', 'email', null, TIMES[3]!, false);
    w.activity('c2', 'meeting', null, TIMES[2]!, true);
    w.job('c1', 5, 1000, 'GBP', TIMES[0]!, false, 30);
    w.job('c2', 6, null, 'EUR', TIMES[2]!, true);
    w.job(null, 2, 500, 'GBP', TIMES[3]!, false);
    // Won in March without a value, and after a lead time (0013 backfills how many have a value, and lead times).
    w.job('c3', 0, null, 'GBP', TIMES[0]!, false);
    sqlite.prepare(`UPDATE jobs SET stage_id = ?, stage_changed_at = ? WHERE contact_id = 'c3'`).run(w.stage(2), TIMES[3]);
    await seeded.migrateTo();
  });
  afterAll(() => seeded.close());

  it('backfills every summary from the data already there', () => {
    const s = stored(sqlite);
    expect(s).toEqual(recomputed(sqlite));
    expect(s.touches).toEqual([{ contact_id: 'c1', first_at: TIMES[0], last_at: TIMES[3], touches: 2 }]);
    expect(s.days).toHaveLength(3); // the two calls of 1 January share a row; the trashed meeting has none
    expect(s.jobs.map((j) => (j as { category: string | null }).category)).toContain(null);
  });

  it('keeps them equal to a recomputation after any mix of writes', async () => {
    const { sqlite: file, db: kysely } = await open();
    const w = writer(file);
    const pick = <T>(items: readonly T[], i: number) => items[i % items.length]!;
    const anyRow = (table: string, i: number) => file.prepare(`SELECT id FROM ${table} ORDER BY id LIMIT 1 OFFSET ?`).pluck().get(i % Math.max(1, file.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number)) as string | undefined;
    const op = fc.tuple(fc.integer({ min: 0, max: 17 }), fc.nat(50), fc.nat(50), fc.nat(50));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 60 }), async (ops) => {
          // Each run from an empty file with the default stages, so a counterexample shrinks to its own writes.
          file.exec(`DELETE FROM activities; DELETE FROM jobs; DELETE FROM contacts; DELETE FROM activity_days; DELETE FROM contact_touches;
            DELETE FROM pipeline_totals; DELETE FROM revenue_months; DELETE FROM client_jobs`);
          for (const [i, category] of ['open', 'open', 'won', 'won', 'won', 'paid', 'lost'].entries()) file.prepare(`UPDATE pipeline_stages SET category = ? WHERE id = ?`).run(category, w.stage(i));
          for (const [kind, a, b, c] of ops) {
            for (const contact of CONTACTS) w.addContact(contact); // edits may point at one purged before
            const activity = anyRow('activities', a);
            const job = anyRow('jobs', a);
            switch (kind) {
              case 0:
              case 1:
                w.activity(pick(CONTACTS, a), pick(TYPES, b), pick(OUTCOMES, c), pick(TIMES, a + c), c % 7 === 0);
                break;
              case 2: // edit when, who, what, outcome (as the activities service and import do)
                if (activity) file.prepare(`UPDATE activities SET occurred_at = ?, contact_id = ?, type = ?, outcome = ? WHERE id = ?`)
                  .run(pick(TIMES, b), pick(CONTACTS, c), pick(TYPES, c), pick(OUTCOMES, b), activity);
                break;
              case 3:
                if (activity) file.prepare(`UPDATE activities SET occurred_at = ? WHERE id = ?`).run(pick(TIMES, b), activity);
                break;
              case 4: // soft delete, restore
                if (activity) file.prepare(`UPDATE activities SET deleted_at = CASE WHEN deleted_at IS NULL THEN 't' END WHERE id = ?`).run(activity);
                break;
              case 5: // purge
                if (activity) file.prepare(`DELETE FROM activities WHERE id = ?`).run(activity);
                break;
              case 6: // a contact purged: its activities go (cascade), its jobs lose it (SET NULL)
                file.prepare(`DELETE FROM contacts WHERE id = ?`).run(pick(CONTACTS, a));
                break;
              case 7:
              case 15:
              case 16: // jobs as often as activities, so that months hold several and their sums are tested
                w.job(b % 4 === 0 ? null : pick(CONTACTS, b), c, c % 5 === 0 ? null : c * 100, pick(['GBP', 'EUR'], b), pick(TIMES, a), c % 9 === 0, a % 3 ? null : a);
                break;
              case 8: // a stage move
                if (job) file.prepare(`UPDATE jobs SET stage_id = ?, stage_changed_at = ? WHERE id = ?`).run(w.stage(b), pick(TIMES, c), job);
                break;
              case 9:
                if (job) file.prepare(`UPDATE jobs SET amount_minor = ?, currency = ?, contact_id = ?, probability = ?, created_at = ? WHERE id = ?`)
                  .run(b % 3 ? b * 10 : null, pick(['GBP', 'USD'], c), pick([...CONTACTS, null], c), c % 4 ? c : null, pick(TIMES, a + b), job);
                break;
              case 10: // trash, restore
                if (job) file.prepare(`UPDATE jobs SET deleted_at = CASE WHEN deleted_at IS NULL THEN 't' END WHERE id = ?`).run(job);
                break;
              case 11:
                if (job) file.prepare(`DELETE FROM jobs WHERE id = ?`).run(job);
                break;
              case 17: // a contact's creation time and lead source edited (import does both; 0014 copies them to client_jobs)
                if (c % 2) file.prepare(`UPDATE contacts SET created_at = ? WHERE id = ?`).run(pick(TIMES, c), pick(CONTACTS, b));
                else file.prepare(`UPDATE contacts SET lead_source = ? WHERE id = ?`).run(pick([null, 'Flyer', 'Referral'], a), pick(CONTACTS, b));
                break;
              case 14: // a contact trashed or restored
                file.prepare(`UPDATE contacts SET deleted_at = CASE WHEN deleted_at IS NULL THEN 't' END WHERE id = ?`).run(pick(CONTACTS, b));
                break;
              case 12:
              case 13: // a stage changes category (the pipeline editor)
                file.prepare(`UPDATE pipeline_stages SET category = ? WHERE id = ?`).run(pick(['open', 'won', 'paid', 'lost'], b), w.stage(c));
                break;
            }
          }
          expect(stored(file)).toEqual(recomputed(file));
        }),
        { numRuns: 120 },
      );
    } finally {
      await kysely.destroy();
    }
    // 120 random runs take 20-40 s on a loaded 2-core machine: more than the suite's default 30 s.
  }, 120_000);

  it('lists drifting clients tied on their last contact in name order, however few are asked for', async () => {
    const { sqlite: file, db: kysely } = await open();
    try {
      const w = writer(file);
      const people = ['Zoe', 'Adam', 'Mia', 'Bea', 'Cal'];
      for (const name of people) {
        file.prepare(`INSERT INTO contacts (id, display_name, sort_name, sort_last, created_at, updated_at) VALUES (?, ?, ?, ?, 't', 't')`).run(name, name, name.toLowerCase(), name);
        w.job(name, 5, 100, 'GBP', TIMES[0]!, false); // paid: a paying client
      }
      for (const name of ['Zoe', 'Adam', 'Mia']) w.activity(name, 'call', 'connected', TIMES[3]!, false); // the same last contact
      w.activity('Bea', 'email', null, TIMES[0]!, false); // longer ago
      const list = async (limit: number) => {
        const { total, rows } = await drifting(kysely as unknown as Kysely<DB>, new Date('2026-11-22T09:00:00.000Z'), 90, 14, limit);
        return [total, rows.map((r) => r.name)];
      };
      expect(await list(50)).toEqual([5, ['Cal', 'Bea', 'Adam', 'Mia', 'Zoe']]); // never contacted first
      expect(await list(3)).toEqual([5, ['Cal', 'Bea', 'Adam']]);
      expect(await list(4)).toEqual([5, ['Cal', 'Bea', 'Adam', 'Mia']]);
    } finally {
      await kysely.destroy();
    }
  });

  it('answers the dashboard figures from covering indexes', () => {
    const plan = (text: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan(`SELECT m.currency, sum(m.amount_minor) FROM job_milestones m WHERE m.won_at >= '2026' AND m.won_at < '2027' AND m.category IN ('won', 'paid') GROUP BY m.currency`))
      .toContain('COVERING INDEX job_milestones_won');
    expect(plan(`SELECT DISTINCT m.contact_id FROM job_milestones m WHERE m.category IS NOT NULL AND m.contact_id IS NOT NULL`)).toContain('COVERING INDEX job_milestones_contact');
  });
});
