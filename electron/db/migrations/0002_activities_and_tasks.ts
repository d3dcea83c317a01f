// Activities (calls, emails, meetings, notes, letters) on a contact's timeline, follow-up tasks with
// reminders, and what the contacts list needs from them (last contacted, next follow-up), kept in step
// by triggers so every writer (services today, import and email later) gets them right.
import { sql, type Kysely } from 'kysely';

// What counts as having been in touch: anything but a note, and no call that never connected.
const COUNTS_AS_CONTACT = `deleted_at IS NULL AND type <> 'note' AND coalesce(outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')`;
const LAST_CONTACTED = (contact: string) =>
  `coalesce((SELECT max(occurred_at) FROM activities WHERE contact_id = ${contact} AND ${COUNTS_AS_CONTACT}), '')`;
const NEXT_TASK = (contact: string) =>
  `(SELECT min(due_at) FROM tasks WHERE contact_id = ${contact} AND completed_at IS NULL AND deleted_at IS NULL AND due_at IS NOT NULL)`;

const statements = [
  // '' means never: NOT NULL keeps keyset paging on it simple, and '' sorts last when newest comes first.
  `ALTER TABLE contacts ADD COLUMN last_contacted_at TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE contacts ADD COLUMN next_task_due_at TEXT`,
  `CREATE INDEX contacts_live_contacted ON contacts(last_contacted_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_live_next_task ON contacts(next_task_due_at) WHERE deleted_at IS NULL AND next_task_due_at IS NOT NULL`,

  `CREATE TABLE activities (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    company_id TEXT REFERENCES companies(id) ON DELETE SET NULL,
    type TEXT NOT NULL CHECK (type IN ('call','email','meeting','note','letter')),
    direction TEXT CHECK (direction IN ('inbound','outbound')),
    occurred_at TEXT NOT NULL,
    duration_seconds INTEGER CHECK (duration_seconds >= 0),
    subject TEXT,
    notes TEXT,
    outcome TEXT CHECK (outcome IN ('connected','no_answer','left_voicemail','wrong_number','busy')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX activities_contact_time ON activities(contact_id, occurred_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX activities_company_time ON activities(company_id, occurred_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX activities_time ON activities(occurred_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX activities_trash ON activities(deleted_at, id) WHERE deleted_at IS NOT NULL`,

  `CREATE TABLE tasks (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    due_at TEXT,
    all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0,1)),
    contact_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
    priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high')),
    notes TEXT,
    completed_at TEXT,
    reminded_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX tasks_open_due ON tasks(due_at, id) WHERE completed_at IS NULL AND deleted_at IS NULL`,
  `CREATE INDEX tasks_done ON tasks(completed_at, id) WHERE completed_at IS NOT NULL AND deleted_at IS NULL`,
  `CREATE INDEX tasks_contact ON tasks(contact_id, due_at)`,
  `CREATE INDEX tasks_unreminded ON tasks(due_at) WHERE reminded_at IS NULL AND completed_at IS NULL AND deleted_at IS NULL AND due_at IS NOT NULL`,

  // Keep contacts.last_contacted_at in step with their activities.
  `CREATE TRIGGER activities_contacted_ai AFTER INSERT ON activities BEGIN
    UPDATE contacts SET last_contacted_at = ${LAST_CONTACTED('NEW.contact_id')} WHERE id = NEW.contact_id;
  END`,
  `CREATE TRIGGER activities_contacted_au AFTER UPDATE OF contact_id, type, occurred_at, outcome, deleted_at ON activities BEGIN
    UPDATE contacts SET last_contacted_at = ${LAST_CONTACTED('contacts.id')} WHERE id IN (OLD.contact_id, NEW.contact_id);
  END`,
  `CREATE TRIGGER activities_contacted_ad AFTER DELETE ON activities BEGIN
    UPDATE contacts SET last_contacted_at = ${LAST_CONTACTED('OLD.contact_id')} WHERE id = OLD.contact_id;
  END`,
  // Keep contacts.next_task_due_at in step with their open tasks.
  `CREATE TRIGGER tasks_next_ai AFTER INSERT ON tasks WHEN NEW.contact_id IS NOT NULL BEGIN
    UPDATE contacts SET next_task_due_at = ${NEXT_TASK('NEW.contact_id')} WHERE id = NEW.contact_id;
  END`,
  `CREATE TRIGGER tasks_next_au AFTER UPDATE OF contact_id, due_at, completed_at, deleted_at ON tasks BEGIN
    UPDATE contacts SET next_task_due_at = ${NEXT_TASK('contacts.id')} WHERE id IN (OLD.contact_id, NEW.contact_id);
  END`,
  `CREATE TRIGGER tasks_next_ad AFTER DELETE ON tasks WHEN OLD.contact_id IS NOT NULL BEGIN
    UPDATE contacts SET next_task_due_at = ${NEXT_TASK('OLD.contact_id')} WHERE id = OLD.contact_id;
  END`,

  // Search: subjects and notes of activities, titles and notes of tasks (see 0001 for why views).
  `CREATE VIEW activities_search AS SELECT seq, subject, notes FROM activities`,
  `CREATE VIRTUAL TABLE activities_fts USING fts5(subject, notes, content='activities_search', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3')`,
  `CREATE TRIGGER activities_fts_ai AFTER INSERT ON activities BEGIN
    INSERT INTO activities_fts(rowid, subject, notes) VALUES (NEW.seq, NEW.subject, NEW.notes);
  END`,
  `CREATE TRIGGER activities_fts_bd BEFORE DELETE ON activities BEGIN
    INSERT INTO activities_fts(activities_fts, rowid, subject, notes) VALUES ('delete', OLD.seq, OLD.subject, OLD.notes);
  END`,
  `CREATE TRIGGER activities_fts_au AFTER UPDATE OF subject, notes ON activities BEGIN
    INSERT INTO activities_fts(activities_fts, rowid, subject, notes) VALUES ('delete', OLD.seq, OLD.subject, OLD.notes);
    INSERT INTO activities_fts(rowid, subject, notes) VALUES (NEW.seq, NEW.subject, NEW.notes);
  END`,
  `CREATE VIEW tasks_search AS SELECT seq, title, notes FROM tasks`,
  `CREATE VIRTUAL TABLE tasks_fts USING fts5(title, notes, content='tasks_search', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3')`,
  `CREATE TRIGGER tasks_fts_ai AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts(rowid, title, notes) VALUES (NEW.seq, NEW.title, NEW.notes);
  END`,
  `CREATE TRIGGER tasks_fts_bd BEFORE DELETE ON tasks BEGIN
    INSERT INTO tasks_fts(tasks_fts, rowid, title, notes) VALUES ('delete', OLD.seq, OLD.title, OLD.notes);
  END`,
  `CREATE TRIGGER tasks_fts_au AFTER UPDATE OF title, notes ON tasks BEGIN
    INSERT INTO tasks_fts(tasks_fts, rowid, title, notes) VALUES ('delete', OLD.seq, OLD.title, OLD.notes);
    INSERT INTO tasks_fts(rowid, title, notes) VALUES (NEW.seq, NEW.title, NEW.notes);
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
