// Saved segments (a named contacts filter, stored as the validated filter's JSON), and what reports need to
// stay fast on large files: when each job was first won, first paid and last lost (kept from the stage history
// by a trigger, so every writer gets it right), and a covering index for activity counts and "active" clients.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE segments (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    filter TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  // Two segments with one name would be indistinguishable in the navigation.
  `CREATE UNIQUE INDEX segments_name ON segments(lower(name))`,

  `CREATE TABLE job_milestones (
    job_id TEXT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
    won_at TEXT,
    paid_at TEXT,
    lost_at TEXT
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX job_milestones_won ON job_milestones(won_at) WHERE won_at IS NOT NULL`,
  `CREATE INDEX job_milestones_paid ON job_milestones(paid_at) WHERE paid_at IS NOT NULL`,
  `CREATE INDEX job_milestones_lost ON job_milestones(lost_at) WHERE lost_at IS NOT NULL`,
  // Won = first entry into a won or paid stage; paid = first entry into a paid stage; lost = the latest move to a lost stage.
  `INSERT INTO job_milestones (job_id, won_at, paid_at, lost_at)
    SELECT h.job_id, min(CASE WHEN s.category IN ('won', 'paid') THEN h.at END), min(CASE WHEN s.category = 'paid' THEN h.at END),
      max(CASE WHEN s.category = 'lost' THEN h.at END)
    FROM job_stage_history h JOIN pipeline_stages s ON s.id = h.to_stage GROUP BY h.job_id`,
  `INSERT OR IGNORE INTO job_milestones (job_id) SELECT id FROM jobs`,
  `CREATE TRIGGER job_milestones_ai AFTER INSERT ON job_stage_history BEGIN
    INSERT INTO job_milestones (job_id, won_at, paid_at, lost_at)
      SELECT NEW.job_id, CASE WHEN s.category IN ('won', 'paid') THEN NEW.at END, CASE WHEN s.category = 'paid' THEN NEW.at END,
        CASE WHEN s.category = 'lost' THEN NEW.at END
      FROM pipeline_stages s WHERE s.id = NEW.to_stage
    ON CONFLICT (job_id) DO UPDATE SET won_at = coalesce(won_at, excluded.won_at), paid_at = coalesce(paid_at, excluded.paid_at),
      lost_at = coalesce(excluded.lost_at, lost_at);
  END`,

  // Activity counts per type and the set of clients active in a period read this index alone (deleted_at is in
  // it too: without it SQLite does not treat the partial index as covering).
  `CREATE INDEX activities_time_type ON activities(occurred_at, type, contact_id, outcome, deleted_at) WHERE deleted_at IS NULL`,
  // A client's usual gap between contacts (drifting) reads their touches from this index alone.
  `CREATE INDEX activities_contact_touch ON activities(contact_id, occurred_at, type, outcome, deleted_at) WHERE deleted_at IS NULL`,
  // The pipeline's probability-weighted totals read this index alone.
  `CREATE INDEX jobs_live_weighted ON jobs(stage_id, currency, amount_minor, probability, deleted_at) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
