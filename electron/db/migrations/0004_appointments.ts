// Appointments (the schedule): one-off or recurring (recurrence is a JSON rule expanded when read), timed
// (UTC instants) or all-day (plain dates, end exclusive). job_id has no foreign key on purpose: the jobs
// table arrives in 0003 concurrently. Plain SQL only; no `electron` import.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE appointments (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    uid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL CHECK (ends_at >= starts_at),
    all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0,1)),
    location TEXT,
    contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
    job_id TEXT,
    notes TEXT,
    kind TEXT NOT NULL DEFAULT 'meeting' CHECK (kind IN ('meeting','call','visit','other')),
    recurrence TEXT CHECK (recurrence IS NULL OR json_valid(recurrence)),
    reminder_minutes INTEGER CHECK (reminder_minutes >= 0),
    reminded_until TEXT,
    -- An upper bound on the end of a series' last occurrence (NULL: never ends), so ranges skip ended series.
    series_end TEXT,
    -- A one-off lasting over a week: found through ends_at; all others through a narrow starts_at range.
    long_span INTEGER NOT NULL DEFAULT 0 CHECK (long_span IN (0,1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,
  // One-off appointments in a range (ends_at > from AND starts_at < to): those lasting up to a week start in
  // [from - 8 days, to), a narrow range of this index; the few longer ones are read through ends_at.
  `CREATE INDEX appointments_live_range ON appointments(starts_at, ends_at) WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 0`,
  `CREATE INDEX appointments_live_long ON appointments(ends_at, starts_at) WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 1`,
  // Recurring ones are few; a range query reads those not yet ended and expands them in code.
  `CREATE INDEX appointments_recurring ON appointments(starts_at) WHERE deleted_at IS NULL AND recurrence IS NOT NULL`,
  `CREATE INDEX appointments_reminders ON appointments(starts_at) WHERE deleted_at IS NULL AND reminder_minutes IS NOT NULL`,
  `CREATE INDEX appointments_contact ON appointments(contact_id, starts_at)`,
  `CREATE INDEX appointments_job ON appointments(job_id, starts_at) WHERE job_id IS NOT NULL`,
  `CREATE INDEX appointments_trash ON appointments(deleted_at, id) WHERE deleted_at IS NOT NULL`,

  // Search: titles, places and notes (see 0001 for why a view).
  `CREATE VIEW appointments_search AS SELECT seq, title, location, notes FROM appointments`,
  `CREATE VIRTUAL TABLE appointments_fts USING fts5(title, location, notes, content='appointments_search', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3')`,
  `CREATE TRIGGER appointments_fts_ai AFTER INSERT ON appointments BEGIN
    INSERT INTO appointments_fts(rowid, title, location, notes) VALUES (NEW.seq, NEW.title, NEW.location, NEW.notes);
  END`,
  `CREATE TRIGGER appointments_fts_bd BEFORE DELETE ON appointments BEGIN
    INSERT INTO appointments_fts(appointments_fts, rowid, title, location, notes) VALUES ('delete', OLD.seq, OLD.title, OLD.location, OLD.notes);
  END`,
  `CREATE TRIGGER appointments_fts_au AFTER UPDATE OF title, location, notes ON appointments BEGIN
    INSERT INTO appointments_fts(appointments_fts, rowid, title, location, notes) VALUES ('delete', OLD.seq, OLD.title, OLD.location, OLD.notes);
    INSERT INTO appointments_fts(rowid, title, location, notes) VALUES (NEW.seq, NEW.title, NEW.location, NEW.notes);
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
