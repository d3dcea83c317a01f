// Customer service cases (issue #22). Plain SQL only; no application imports.
// - case_statuses: the user's statuses, each in one of four fixed categories; built-ins carry a key and stay.
// - cases: one row per case. Its due times, met flags and business times are a cache the app rewrites from the case's
//   whole event log after every change (core/cases/recompute.ts), so lists can sort by due time with an index.
//   Clock columns are UTC epoch ms (INTEGER); record times are ISO text like every other table.
// - case_events: the case's log and timeline (created, messages, replies, calls, notes, status and priority changes,
//   ratings, reopens, merges); `at` is epoch ms.
// - case_messages: Message-IDs sent from or filed onto a case, for threading replies back to it.
// - case_templates: type, priority, subject, description and a checklist of follow-ups with day offsets.
// - case_counter: the last case number given, so a number is never given twice (C-0042), even after a purge.
// - activities / tasks / outbox gain case_id: the call or filed email, the checklist follow-up, the reply.
import { sql, type Kysely } from 'kysely';

/** Built-in statuses: fixed ids so a store and its backups agree; names are the user's to change. */
export const BUILT_IN_STATUSES = [
  ['1c4a3c51-2f7e-4b8a-9d6e-5a0c00000001', 'new', 'New', 'open', null],
  ['1c4a3c51-2f7e-4b8a-9d6e-5a0c00000002', 'inProgress', 'In progress', 'open', null],
  ['1c4a3c51-2f7e-4b8a-9d6e-5a0c00000003', 'waitingCustomer', 'Waiting on customer', 'waiting', 'customer'],
  ['1c4a3c51-2f7e-4b8a-9d6e-5a0c00000004', 'waitingSupplier', 'Waiting on supplier', 'waiting', 'supplier'],
  ['1c4a3c51-2f7e-4b8a-9d6e-5a0c00000005', 'resolved', 'Resolved', 'resolved', null],
  ['1c4a3c51-2f7e-4b8a-9d6e-5a0c00000006', 'closed', 'Closed', 'closed', null],
  ['1c4a3c51-2f7e-4b8a-9d6e-5a0c00000007', 'duplicate', 'Duplicate', 'closed', null],
  ['1c4a3c51-2f7e-4b8a-9d6e-5a0c00000008', 'rejected', 'Rejected', 'closed', null],
] as const;

const statements = [
  `CREATE TABLE case_statuses (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key TEXT UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('open','waiting','resolved','closed')),
    waiting_on TEXT CHECK (waiting_on IN ('customer','supplier')),
    position INTEGER NOT NULL
  ) STRICT`,
  `INSERT INTO case_statuses (id, key, name, category, waiting_on, position) VALUES ${BUILT_IN_STATUSES.map(
    ([id, key, name, category, on], i) => `('${id}', '${key}', '${name}', '${category}', ${on ? `'${on}'` : 'NULL'}, ${i})`,
  ).join(', ')}`,
  `CREATE TABLE case_counter (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL) STRICT`,
  `INSERT INTO case_counter (id, last) VALUES (1, 0)`,
  `CREATE TABLE case_templates (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    priority TEXT NOT NULL,
    subject TEXT,
    description TEXT,
    checklist TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE cases (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    number INTEGER NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    description TEXT,
    contact_id TEXT NOT NULL REFERENCES contacts(id),
    company_id TEXT REFERENCES companies(id) ON DELETE SET NULL,
    job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
    type TEXT NOT NULL CHECK (type IN ('question','problem','request','complaint','warranty','other')),
    priority TEXT NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
    channel TEXT NOT NULL CHECK (channel IN ('phone','email','inPerson','letter','web')),
    status_id TEXT NOT NULL REFERENCES case_statuses(id),
    category TEXT NOT NULL CHECK (category IN ('open','waiting','resolved','closed')),
    remind_on TEXT,
    template_id TEXT,
    previous_case_id TEXT,
    merged_into_id TEXT,
    reopen_count INTEGER NOT NULL DEFAULT 0,
    opened_ms INTEGER NOT NULL,
    first_response_ms INTEGER,
    resolved_ms INTEGER,
    response_due_ms INTEGER,
    resolution_due_ms INTEGER,
    next_due_ms INTEGER,
    due_kind TEXT CHECK (due_kind IN ('response','resolution')),
    response_business_ms INTEGER,
    resolution_business_ms INTEGER,
    response_met INTEGER CHECK (response_met IN (0,1)),
    resolution_met INTEGER CHECK (resolution_met IN (0,1)),
    next_reminder_ms INTEGER,
    reminders_sent TEXT NOT NULL DEFAULT '[]',
    rating_score INTEGER CHECK (rating_score BETWEEN 1 AND 5),
    rating_comment TEXT,
    rating_at TEXT,
    rating_source TEXT CHECK (rating_source IN ('email','call','manual')),
    time_spent_minutes INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,
  // Covering for the default list (open and waiting by due time): its count and page read no case rows (bench, 50,000
  // cases: ~10 ms -> ~2 ms each). contact_id leaves out cases of contacts in Trash; deleted_at makes SQLite treat the
  // partial index as covering (as contacts_live_name does).
  `CREATE INDEX cases_due ON cases(category, next_due_ms, number, contact_id, id, deleted_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX cases_contact ON cases(contact_id, seq)`,
  `CREATE INDEX cases_company ON cases(company_id) WHERE company_id IS NOT NULL`,
  `CREATE INDEX cases_job ON cases(job_id) WHERE job_id IS NOT NULL`,
  `CREATE INDEX cases_opened ON cases(opened_ms)`,
  `CREATE INDEX cases_reminder ON cases(next_reminder_ms) WHERE next_reminder_ms IS NOT NULL AND deleted_at IS NULL`,
  `CREATE TABLE case_events (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('created','message','reply','call','note','status','priority','rating','reopened','merged')),
    direction TEXT CHECK (direction IN ('inbound','outbound')),
    subject TEXT,
    body TEXT,
    minutes_spent INTEGER,
    status_id TEXT,
    category TEXT CHECK (category IN ('open','waiting','resolved','closed')),
    priority TEXT,
    score INTEGER,
    activity_id TEXT,
    email_id TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX case_events_case ON case_events(case_id, at, seq)`,
  `CREATE INDEX case_events_activity ON case_events(activity_id) WHERE activity_id IS NOT NULL`,
  `CREATE TABLE case_messages (
    message_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at INTEGER NOT NULL DEFAULT 0
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX case_messages_case ON case_messages(case_id)`,
  `ALTER TABLE activities ADD COLUMN case_id TEXT`,
  `ALTER TABLE tasks ADD COLUMN case_id TEXT`,
  `ALTER TABLE outbox ADD COLUMN case_id TEXT`,
  // A reply's thread headers (In-Reply-To, References), fixed when queued so every retry sends the same ones.
  `ALTER TABLE outbox ADD COLUMN in_reply_to TEXT`,
  `ALTER TABLE outbox ADD COLUMN thread_references TEXT`,
  `CREATE INDEX tasks_case ON tasks(case_id) WHERE case_id IS NOT NULL`,
  `CREATE INDEX outbox_case ON outbox(case_id) WHERE case_id IS NOT NULL`,
  // Quick search: subject and description, like jobs (0003).
  `CREATE VIEW cases_search AS SELECT seq, subject, description FROM cases`,
  `CREATE VIRTUAL TABLE cases_fts USING fts5(subject, description, content='cases_search', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3')`,
  `CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts(rowid, subject, description) VALUES (NEW.seq, NEW.subject, NEW.description);
  END`,
  `CREATE TRIGGER cases_fts_bd BEFORE DELETE ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, subject, description) VALUES ('delete', OLD.seq, OLD.subject, OLD.description);
  END`,
  `CREATE TRIGGER cases_fts_au AFTER UPDATE OF subject, description ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, subject, description) VALUES ('delete', OLD.seq, OLD.subject, OLD.description);
    INSERT INTO cases_fts(rowid, subject, description) VALUES (NEW.seq, NEW.subject, NEW.description);
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
