// revenue_months (0011) also keeps, per month and currency, how many of the jobs have a value and the sum of
// their times from creation to won (paid), in whole milliseconds: the win-rate figures (average job value,
// average days from Lead to Won) of whole months then come from a dozen summary rows instead of every won job.
// Integers, so that the triggers' adding and taking away never drift. Plain SQL only; no `electron` import.
import { sql, type Kysely } from 'kysely';

// 0011's revenue kinds as they were when this migration shipped (copied: a migration imports no other migration).
const REVENUE_KINDS = [
  { kind: 'won', at: 'won_at', counts: (row: string) => `${row}.category IN ('won', 'paid')` },
  { kind: 'paid', at: 'paid_at', counts: (row: string) => `${row}.category = 'paid'` },
];

/** A job's milliseconds from creation to `at` (never negative; 0 without a creation time). */
const leadMs = (row: string, at: string) =>
  `coalesce(max(CAST(round((julianday(${row}.${at}) - julianday(${row}.created_at)) * 86400000) AS INTEGER), 0), 0)`;

const add = REVENUE_KINDS.map(({ kind, at, counts }) => `
    INSERT INTO revenue_months (kind, month, currency, jobs, amount, valued, lead_ms)
      SELECT '${kind}', substr(NEW.${at}, 1, 7), NEW.currency, 1, coalesce(NEW.amount_minor, 0), NEW.amount_minor IS NOT NULL, ${leadMs('NEW', at)}
      WHERE NEW.${at} IS NOT NULL AND NEW.currency IS NOT NULL AND ${counts('NEW')}
    ON CONFLICT (kind, month, currency) DO UPDATE SET jobs = jobs + 1, amount = amount + excluded.amount,
      valued = valued + excluded.valued, lead_ms = lead_ms + excluded.lead_ms;`).join('');
const remove = REVENUE_KINDS.map(({ kind, at, counts }) => `
    UPDATE revenue_months SET jobs = jobs - 1, amount = amount - coalesce(OLD.amount_minor, 0),
        valued = valued - (OLD.amount_minor IS NOT NULL), lead_ms = lead_ms - ${leadMs('OLD', at)}
      WHERE kind = '${kind}' AND month = substr(OLD.${at}, 1, 7) AND currency = OLD.currency AND OLD.${at} IS NOT NULL AND ${counts('OLD')};
    DELETE FROM revenue_months WHERE kind = '${kind}' AND month = substr(OLD.${at}, 1, 7) AND currency = OLD.currency AND jobs <= 0;`).join('');

const statements = [
  `DROP TRIGGER revenue_months_ai`,
  `DROP TRIGGER revenue_months_au`,
  `DROP TRIGGER revenue_months_ad`,
  `ALTER TABLE revenue_months ADD COLUMN valued INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE revenue_months ADD COLUMN lead_ms INTEGER NOT NULL DEFAULT 0`,
  `DELETE FROM revenue_months`,
  ...REVENUE_KINDS.map(({ kind, at, counts }) => `INSERT INTO revenue_months (kind, month, currency, jobs, amount, valued, lead_ms)
    SELECT '${kind}', substr(m.${at}, 1, 7), m.currency, count(*), coalesce(sum(m.amount_minor), 0), count(m.amount_minor), sum(${leadMs('m', at)})
    FROM job_milestones m WHERE m.${at} IS NOT NULL AND m.currency IS NOT NULL AND ${counts('m')} GROUP BY 2, 3`),
  `CREATE TRIGGER revenue_months_ai AFTER INSERT ON job_milestones BEGIN ${add} END`,
  // created_at too now: it is where a lead time starts.
  `CREATE TRIGGER revenue_months_au AFTER UPDATE OF won_at, paid_at, category, currency, amount_minor, created_at ON job_milestones BEGIN ${remove} ${add} END`,
  `CREATE TRIGGER revenue_months_ad AFTER DELETE ON job_milestones BEGIN ${remove} END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
