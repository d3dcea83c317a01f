// Jobs through a pipeline of stages, with every stage change kept (stage history, by trigger), and the
// settings table (default currency). Seeds the default pipeline: Lead → Quoted → Won → In progress →
// Completed → Paid, plus Lost.
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

const DEFAULT_STAGES: [name: string, category: 'open' | 'won' | 'paid' | 'lost'][] = [
  ['Lead', 'open'],
  ['Quoted', 'open'],
  ['Won', 'won'],
  ['In progress', 'won'],
  ['Completed', 'won'],
  ['Paid', 'paid'],
  ['Lost', 'lost'],
];

const statements = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,
  // Most users are UK sole traders; changed in Settings (pipeline.update defaultCurrency).
  `INSERT INTO settings (key, value) VALUES ('defaultCurrency', 'GBP')`,
  `CREATE TABLE pipeline_stages (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('open','won','paid','lost')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    sort_title TEXT NOT NULL,
    contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
    company_id TEXT REFERENCES companies(id) ON DELETE SET NULL,
    stage_id TEXT NOT NULL REFERENCES pipeline_stages(id),
    amount_minor INTEGER CHECK (amount_minor >= 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    due_date TEXT,
    probability INTEGER CHECK (probability BETWEEN 0 AND 100),
    notes TEXT,
    lost_reason TEXT,
    rank REAL NOT NULL,
    stage_changed_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX jobs_live_stage ON jobs(stage_id, rank, id) WHERE deleted_at IS NULL`,
  // Board totals read this index alone: count and sum per stage and currency without touching rows.
  `CREATE INDEX jobs_live_totals ON jobs(stage_id, currency, amount_minor) WHERE deleted_at IS NULL`,
  `CREATE INDEX jobs_live_updated ON jobs(updated_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX jobs_live_created ON jobs(created_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX jobs_live_due ON jobs(due_date, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX jobs_live_amount ON jobs(amount_minor, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX jobs_live_title ON jobs(sort_title, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX jobs_trash ON jobs(deleted_at, id) WHERE deleted_at IS NOT NULL`,
  `CREATE INDEX jobs_contact ON jobs(contact_id)`,
  `CREATE INDEX jobs_company ON jobs(company_id)`,
  `CREATE TABLE job_stage_history (
    seq INTEGER PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX job_stage_history_job ON job_stage_history(job_id, at)`,
  `CREATE TRIGGER jobs_history_ai AFTER INSERT ON jobs BEGIN
    INSERT INTO job_stage_history (job_id, from_stage, to_stage, at) VALUES (NEW.id, NULL, NEW.stage_id, NEW.stage_changed_at);
  END`,
  `CREATE TRIGGER jobs_history_au AFTER UPDATE OF stage_id ON jobs WHEN NEW.stage_id <> OLD.stage_id BEGIN
    INSERT INTO job_stage_history (job_id, from_stage, to_stage, at) VALUES (NEW.id, OLD.stage_id, NEW.stage_id, NEW.stage_changed_at);
  END`,
  `CREATE VIEW jobs_search AS SELECT seq, title, notes FROM jobs`,
  `CREATE VIRTUAL TABLE jobs_fts USING fts5(title, notes, content='jobs_search', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3')`,
  `CREATE TRIGGER jobs_fts_ai AFTER INSERT ON jobs BEGIN
    INSERT INTO jobs_fts(rowid, title, notes) VALUES (NEW.seq, NEW.title, NEW.notes);
  END`,
  `CREATE TRIGGER jobs_fts_bd BEFORE DELETE ON jobs BEGIN
    INSERT INTO jobs_fts(jobs_fts, rowid, title, notes) VALUES ('delete', OLD.seq, OLD.title, OLD.notes);
  END`,
  `CREATE TRIGGER jobs_fts_au AFTER UPDATE OF title, notes ON jobs BEGIN
    INSERT INTO jobs_fts(jobs_fts, rowid, title, notes) VALUES ('delete', OLD.seq, OLD.title, OLD.notes);
    INSERT INTO jobs_fts(rowid, title, notes) VALUES (NEW.seq, NEW.title, NEW.notes);
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  const now = new Date().toISOString();
  for (const [position, [name, category]] of DEFAULT_STAGES.entries()) {
    await sql`INSERT INTO pipeline_stages (id, name, position, category, created_at, updated_at)
      VALUES (${uuidv7()}, ${name}, ${position}, ${category}, ${now}, ${now})`.execute(db);
  }
}
