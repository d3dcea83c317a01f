// What the reports dashboard reads instead of rows, so it stays fast over a million activities and hundreds of
// thousands of jobs. Every summary is kept by triggers (so every writer keeps it right: services, import, email,
// purge) and backfilled here from the data already in the file:
// - activity_days: live activities per UTC day and type (activity counts of a period of whole days);
// - contact_touches: per contact, the first and last counted touch and how many there are (a client's usual gap
//   between contacts, without reading their touches);
// - job_milestones gains what the job figures filter and sum on (contact, currency, amount, created, and the
//   category of the job's stage while it is live), so win rate, repeat and active clients read one covering
//   index instead of joining jobs and stages row by row;
// - pipeline_totals: live jobs per stage and currency, with the sums the probability-weighted total needs;
// - revenue_months: won and paid revenue per month and currency (built from job_milestones' own rows);
// - client_jobs: per client (a contact with a live job), whether the contact is live and how many live, won
//   and paid jobs they have: the client lists start from it instead of from every job and every contact row.
import { sql, type Kysely } from 'kysely';

// A touch that counts as being in contact: the rule of contacts.last_contacted_at (0002), on OLD or NEW.
const counted = (row: 'OLD' | 'NEW' | 'a') =>
  `${row}.deleted_at IS NULL AND ${row}.type <> 'note' AND coalesce(${row}.outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')`;

// Removing a touch: the count drops; the first or last touch is looked up again (one index seek) only when the
// removed touch was it. The row goes when the last touch goes.
const removeTouch = `
    DELETE FROM contact_touches WHERE contact_id = OLD.contact_id AND touches <= 1 AND ${counted('OLD')};
    UPDATE contact_touches SET touches = touches - 1,
      first_at = CASE WHEN first_at = OLD.occurred_at
        THEN (SELECT min(a.occurred_at) FROM activities a WHERE a.contact_id = OLD.contact_id AND ${counted('a')}) ELSE first_at END,
      last_at = CASE WHEN last_at = OLD.occurred_at
        THEN (SELECT max(a.occurred_at) FROM activities a WHERE a.contact_id = OLD.contact_id AND ${counted('a')}) ELSE last_at END
    WHERE contact_id = OLD.contact_id AND ${counted('OLD')};`;
const addTouch = `
    INSERT INTO contact_touches (contact_id, first_at, last_at, touches) SELECT NEW.contact_id, NEW.occurred_at, NEW.occurred_at, 1 WHERE ${counted('NEW')}
    ON CONFLICT (contact_id) DO UPDATE SET first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), touches = touches + 1;`;

const removeDay = `
    UPDATE activity_days SET n = n - 1 WHERE day = substr(OLD.occurred_at, 1, 10) AND type = OLD.type AND OLD.deleted_at IS NULL;
    DELETE FROM activity_days WHERE day = substr(OLD.occurred_at, 1, 10) AND type = OLD.type AND n <= 0;`;
const addDay = `
    INSERT INTO activity_days (day, type, n) SELECT substr(NEW.occurred_at, 1, 10), NEW.type, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT (day, type) DO UPDATE SET n = n + 1;`;

// A live job's share of its stage's totals. The weighted total is sum(amount x probability) for jobs that have
// one, plus the stage's default probability x the amounts of those that do not (`unweighted`): the default is
// applied when read, so a stage changing category needs no rewrite here.
const pipelineSign = (row: 'OLD' | 'NEW', sign: '+' | '-') =>
  `jobs = jobs ${sign} 1, total = total ${sign} coalesce(${row}.amount_minor, 0),
    weighted = weighted ${sign} coalesce(${row}.amount_minor * ${row}.probability, 0),
    unweighted = unweighted ${sign} CASE WHEN ${row}.probability IS NULL THEN coalesce(${row}.amount_minor, 0) ELSE 0 END`;
const addPipeline = `
    INSERT INTO pipeline_totals (stage_id, currency, jobs, total, weighted, unweighted) SELECT NEW.stage_id, NEW.currency, 0, 0, 0, 0
      WHERE NEW.deleted_at IS NULL ON CONFLICT (stage_id, currency) DO NOTHING;
    UPDATE pipeline_totals SET ${pipelineSign('NEW', '+')} WHERE stage_id = NEW.stage_id AND currency = NEW.currency AND NEW.deleted_at IS NULL;`;
const removePipeline = `
    UPDATE pipeline_totals SET ${pipelineSign('OLD', '-')} WHERE stage_id = OLD.stage_id AND currency = OLD.currency AND OLD.deleted_at IS NULL;
    DELETE FROM pipeline_totals WHERE stage_id = OLD.stage_id AND currency = OLD.currency AND jobs <= 0;`;

// A job's share of won (and paid) revenue: the month it was first won (paid), while its stage still counts as
// won (paid). Rows go when their last job goes, so a month with jobs but no amounts still shows (as 0).
export const REVENUE_KINDS = [
  { kind: 'won', at: 'won_at', counts: (row: string) => `${row}.category IN ('won', 'paid')` },
  { kind: 'paid', at: 'paid_at', counts: (row: string) => `${row}.category = 'paid'` },
];
const addRevenue = REVENUE_KINDS.map(({ kind, at, counts }) => `
    INSERT INTO revenue_months (kind, month, currency, jobs, amount) SELECT '${kind}', substr(NEW.${at}, 1, 7), NEW.currency, 1, coalesce(NEW.amount_minor, 0)
      WHERE NEW.${at} IS NOT NULL AND NEW.currency IS NOT NULL AND ${counts('NEW')}
    ON CONFLICT (kind, month, currency) DO UPDATE SET jobs = jobs + 1, amount = amount + excluded.amount;`).join('');
const removeRevenue = REVENUE_KINDS.map(({ kind, at, counts }) => `
    UPDATE revenue_months SET jobs = jobs - 1, amount = amount - coalesce(OLD.amount_minor, 0)
      WHERE kind = '${kind}' AND month = substr(OLD.${at}, 1, 7) AND currency = OLD.currency AND OLD.${at} IS NOT NULL AND ${counts('OLD')};
    DELETE FROM revenue_months WHERE kind = '${kind}' AND month = substr(OLD.${at}, 1, 7) AND currency = OLD.currency AND jobs <= 0;`).join('');

// A live job's share of its contact's client_jobs row. `live` is looked up once, when the row is made; the
// contacts trigger below keeps it.
const clientSign = (row: 'OLD' | 'NEW', sign: '+' | '-') =>
  `jobs = jobs ${sign} 1, won = won ${sign} (${row}.category IN ('won', 'paid') AND ${row}.won_at IS NOT NULL), paid = paid ${sign} (${row}.category = 'paid')`;
const addClient = `
    INSERT INTO client_jobs (contact_id, live, jobs, won, paid)
      SELECT NEW.contact_id, EXISTS (SELECT 1 FROM contacts c WHERE c.id = NEW.contact_id AND c.deleted_at IS NULL), 0, 0, 0
      WHERE NEW.contact_id IS NOT NULL AND NEW.category IS NOT NULL ON CONFLICT (contact_id) DO NOTHING;
    UPDATE client_jobs SET ${clientSign('NEW', '+')} WHERE contact_id = NEW.contact_id AND NEW.category IS NOT NULL;`;
const removeClient = `
    UPDATE client_jobs SET ${clientSign('OLD', '-')} WHERE contact_id = OLD.contact_id AND OLD.category IS NOT NULL;
    DELETE FROM client_jobs WHERE contact_id = OLD.contact_id AND jobs <= 0;`;

/** The category of a job's stage while it is live; NULL once it is trashed (trashed jobs never count). */
const liveCategory = `CASE WHEN NEW.deleted_at IS NULL THEN (SELECT s.category FROM pipeline_stages s WHERE s.id = NEW.stage_id) END`;

/**
 * The activity summaries computed from scratch: the backfill here, and what a bulk loader that lifts the
 * activity triggers (tests/bench/seed-activities.ts) runs afterwards to reach the same end state.
 */
export const REBUILD_ACTIVITY_SUMMARIES = [
  `DELETE FROM activity_days`,
  `INSERT INTO activity_days (day, type, n)
    SELECT substr(occurred_at, 1, 10), type, count(*) FROM activities WHERE deleted_at IS NULL GROUP BY 1, 2`,
  `DELETE FROM contact_touches`,
  `INSERT INTO contact_touches (contact_id, first_at, last_at, touches)
    SELECT a.contact_id, min(a.occurred_at), max(a.occurred_at), count(*) FROM activities a WHERE ${counted('a')} GROUP BY a.contact_id`,
];

const statements = [
  `CREATE TABLE activity_days (
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, type)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TRIGGER activity_days_ai AFTER INSERT ON activities BEGIN ${addDay} END`,
  `CREATE TRIGGER activity_days_au AFTER UPDATE OF occurred_at, type, deleted_at ON activities BEGIN ${removeDay} ${addDay} END`,
  `CREATE TRIGGER activity_days_ad AFTER DELETE ON activities BEGIN ${removeDay} END`,

  // No foreign key: a contact's purge cascades to its activities, whose delete trigger empties the row.
  `CREATE TABLE contact_touches (
    contact_id TEXT PRIMARY KEY,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    touches INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID`,
  ...REBUILD_ACTIVITY_SUMMARIES,
  `CREATE TRIGGER contact_touches_ai AFTER INSERT ON activities WHEN ${counted('NEW')} BEGIN ${addTouch} END`,
  `CREATE TRIGGER contact_touches_au AFTER UPDATE OF contact_id, type, outcome, occurred_at, deleted_at ON activities
    WHEN (${counted('OLD')}) OR (${counted('NEW')}) BEGIN ${removeTouch} ${addTouch} END`,
  `CREATE TRIGGER contact_touches_ad AFTER DELETE ON activities WHEN ${counted('OLD')} BEGIN ${removeTouch} END`,

  `ALTER TABLE job_milestones ADD COLUMN contact_id TEXT`,
  `ALTER TABLE job_milestones ADD COLUMN currency TEXT`,
  `ALTER TABLE job_milestones ADD COLUMN amount_minor INTEGER`,
  `ALTER TABLE job_milestones ADD COLUMN created_at TEXT`,
  `ALTER TABLE job_milestones ADD COLUMN category TEXT`,
  `INSERT INTO job_milestones (job_id) SELECT id FROM jobs WHERE true ON CONFLICT (job_id) DO NOTHING`,
  `UPDATE job_milestones SET (contact_id, currency, amount_minor, created_at, category) =
    (SELECT j.contact_id, j.currency, j.amount_minor, j.created_at, CASE WHEN j.deleted_at IS NULL THEN s.category END
      FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id WHERE j.id = job_milestones.job_id)`,
  // Upserts: the stage history trigger (0009) may or may not have made the row yet.
  `CREATE TRIGGER job_milestones_jobs_ai AFTER INSERT ON jobs BEGIN
    INSERT INTO job_milestones (job_id, contact_id, currency, amount_minor, created_at, category)
      VALUES (NEW.id, NEW.contact_id, NEW.currency, NEW.amount_minor, NEW.created_at, ${liveCategory})
    ON CONFLICT (job_id) DO UPDATE SET contact_id = excluded.contact_id, currency = excluded.currency,
      amount_minor = excluded.amount_minor, created_at = excluded.created_at, category = excluded.category;
  END`,
  `CREATE TRIGGER job_milestones_jobs_au AFTER UPDATE OF contact_id, currency, amount_minor, created_at, stage_id, deleted_at ON jobs BEGIN
    UPDATE job_milestones SET contact_id = NEW.contact_id, currency = NEW.currency, amount_minor = NEW.amount_minor,
      created_at = NEW.created_at, category = ${liveCategory} WHERE job_id = NEW.id;
  END`,
  // A stage changing category changes what its live jobs count as. Saving the pipeline rewrites every stage's
  // category, so only a real change touches the jobs.
  `CREATE TRIGGER job_milestones_stage_au AFTER UPDATE OF category ON pipeline_stages WHEN NEW.category <> OLD.category BEGIN
    UPDATE job_milestones SET category = NEW.category
      WHERE category IS NOT NULL AND job_id IN (SELECT j.id FROM jobs j WHERE j.stage_id = NEW.id AND j.deleted_at IS NULL);
  END`,
  `CREATE TABLE pipeline_totals (
    stage_id TEXT NOT NULL,
    currency TEXT NOT NULL,
    jobs INTEGER NOT NULL,
    total INTEGER NOT NULL,
    weighted INTEGER NOT NULL,
    unweighted INTEGER NOT NULL,
    PRIMARY KEY (stage_id, currency)
  ) STRICT, WITHOUT ROWID`,
  `INSERT INTO pipeline_totals (stage_id, currency, jobs, total, weighted, unweighted)
    SELECT stage_id, currency, count(*), coalesce(sum(amount_minor), 0), coalesce(sum(amount_minor * probability), 0),
      coalesce(sum(CASE WHEN probability IS NULL THEN amount_minor END), 0)
    FROM jobs WHERE deleted_at IS NULL GROUP BY stage_id, currency`,
  `CREATE TRIGGER pipeline_totals_ai AFTER INSERT ON jobs BEGIN ${addPipeline} END`,
  `CREATE TRIGGER pipeline_totals_au AFTER UPDATE OF stage_id, currency, amount_minor, probability, deleted_at ON jobs BEGIN ${removePipeline} ${addPipeline} END`,
  `CREATE TRIGGER pipeline_totals_ad AFTER DELETE ON jobs BEGIN ${removePipeline} END`,

  `CREATE TABLE revenue_months (
    kind TEXT NOT NULL CHECK (kind IN ('won', 'paid')),
    month TEXT NOT NULL,
    currency TEXT NOT NULL,
    jobs INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    PRIMARY KEY (kind, month, currency)
  ) STRICT, WITHOUT ROWID`,
  ...REVENUE_KINDS.map(({ kind, at, counts }) => `INSERT INTO revenue_months (kind, month, currency, jobs, amount)
    SELECT '${kind}', substr(m.${at}, 1, 7), m.currency, count(*), coalesce(sum(m.amount_minor), 0) FROM job_milestones m
    WHERE m.${at} IS NOT NULL AND m.currency IS NOT NULL AND ${counts('m')} GROUP BY 2, 3`),
  `CREATE TRIGGER revenue_months_ai AFTER INSERT ON job_milestones BEGIN ${addRevenue} END`,
  `CREATE TRIGGER revenue_months_au AFTER UPDATE OF won_at, paid_at, category, currency, amount_minor ON job_milestones BEGIN ${removeRevenue} ${addRevenue} END`,
  `CREATE TRIGGER revenue_months_ad AFTER DELETE ON job_milestones BEGIN ${removeRevenue} END`,

  `CREATE TABLE client_jobs (
    contact_id TEXT PRIMARY KEY,
    live INTEGER NOT NULL,
    jobs INTEGER NOT NULL,
    won INTEGER NOT NULL,
    paid INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID`,
  `INSERT INTO client_jobs (contact_id, live, jobs, won, paid)
    SELECT m.contact_id, EXISTS (SELECT 1 FROM contacts c WHERE c.id = m.contact_id AND c.deleted_at IS NULL), count(*),
      sum(m.category IN ('won', 'paid') AND m.won_at IS NOT NULL), sum(m.category = 'paid')
    FROM job_milestones m WHERE m.category IS NOT NULL AND m.contact_id IS NOT NULL GROUP BY m.contact_id`,
  `CREATE TRIGGER client_jobs_ai AFTER INSERT ON job_milestones BEGIN ${addClient} END`,
  `CREATE TRIGGER client_jobs_au AFTER UPDATE OF contact_id, category, won_at ON job_milestones BEGIN ${removeClient} ${addClient} END`,
  `CREATE TRIGGER client_jobs_ad AFTER DELETE ON job_milestones BEGIN ${removeClient} END`,
  `CREATE TRIGGER client_jobs_contact_au AFTER UPDATE OF deleted_at ON contacts BEGIN
    UPDATE client_jobs SET live = NEW.deleted_at IS NULL WHERE contact_id = NEW.id;
  END`,

  // Covering indexes for the job figures (they replace the narrow ones of 0009).
  `DROP INDEX job_milestones_won`,
  `DROP INDEX job_milestones_paid`,
  `DROP INDEX job_milestones_lost`,
  `CREATE INDEX job_milestones_won ON job_milestones(won_at, category, currency, amount_minor, created_at) WHERE won_at IS NOT NULL`,
  `CREATE INDEX job_milestones_paid ON job_milestones(paid_at, category, currency, amount_minor, contact_id) WHERE paid_at IS NOT NULL`,
  `CREATE INDEX job_milestones_lost ON job_milestones(lost_at, category, currency) WHERE lost_at IS NOT NULL`,
  // Per client, in contact order: their job events in a range, lifetime revenue, paid revenue by lead source.
  `CREATE INDEX job_milestones_contact ON job_milestones(contact_id, category, currency, paid_at, won_at, created_at, amount_minor)
    WHERE category IS NOT NULL AND contact_id IS NOT NULL`,
  // Repeat clients: each client's won jobs, in contact order (no sort to count them), half the width of the above.
  `CREATE INDEX job_milestones_client_won ON job_milestones(contact_id, won_at, currency, category) WHERE category IN ('won', 'paid') AND contact_id IS NOT NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
