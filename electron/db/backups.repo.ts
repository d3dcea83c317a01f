// Every SQL statement of the backups feature: the change marker, schema checks, reconciling reminders after a
// restore, copying one record's rows from an attached backup, and the read-only look into a backup.
// Raw better-sqlite3: these run on their own (attached or read-only) connections, synchronously, in one go.
import Database from 'better-sqlite3';
import type { Sqlite } from './connection';
import { parseJsonColumn } from './json';

/** Changes since the connection opened (its own writes, and commits by any other connection). */
export function changeMarker(sqlite: Sqlite): string {
  const own = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const others = sqlite.pragma('data_version', { simple: true }) as number;
  return `${own}:${others}`;
}

export function migrationNames(sqlite: Sqlite): string[] {
  return sqlite.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
}

/**
 * After a whole restore: reminders that had fired in the store as it was just before (attached as `prev`) stay
 * fired, and follow-ups or appointments the store did not have are treated as reminded up to `now`, so no
 * reminder fires a second time for something that already happened.
 */
export function keepRemindersFired(sqlite: Sqlite, prevFile: string, now: string): void {
  sqlite.prepare('ATTACH DATABASE ? AS prev').run(prevFile);
  try {
    sqlite.transaction(() => {
      sqlite.prepare(`UPDATE main.tasks SET reminded_at = p.reminded_at FROM prev.tasks p
        WHERE p.id = tasks.id AND p.reminded_at IS NOT NULL AND tasks.reminded_at IS NULL`).run();
      sqlite.prepare(`UPDATE main.tasks SET reminded_at = ? WHERE reminded_at IS NULL AND due_at IS NOT NULL AND due_at <= ?
        AND NOT EXISTS (SELECT 1 FROM prev.tasks p WHERE p.id = tasks.id)`).run(now, now);
      sqlite.prepare(`UPDATE main.appointments SET reminded_until = p.reminded_until FROM prev.appointments p
        WHERE p.id = appointments.id AND p.reminded_until IS NOT NULL
          AND (appointments.reminded_until IS NULL OR appointments.reminded_until < p.reminded_until)`).run();
      sqlite.prepare(`UPDATE main.appointments SET reminded_until = ?
        WHERE (reminded_until IS NULL OR reminded_until < ?) AND NOT EXISTS (SELECT 1 FROM prev.appointments p WHERE p.id = appointments.id)`).run(now, now);
    })();
  } finally {
    sqlite.prepare('DETACH DATABASE prev').run();
  }
}

// ---- the read-only look into a backup ----

/** A backup opened read-only, as it is (no pragmas: it is never written). */
export function openBackupReader(file: string): Sqlite {
  return new Database(file, { readonly: true, fileMustExist: true });
}

interface ContactRow {
  id: string;
  display_name: string;
  emails: string;
  phones: string;
  notes: string | null;
  deleted_at: string | null;
}

const values = (json: string): string[] => parseJsonColumn<{ value: string }[]>(json, []).map((e) => e.value);

export function searchBackupContacts(backup: Sqlite, search: string | undefined) {
  const like = `%${(search ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = backup.prepare(`SELECT id, display_name, emails, deleted_at FROM contacts
    WHERE display_name LIKE ? ESCAPE '\\' OR emails LIKE ? ESCAPE '\\' ORDER BY sort_name, id LIMIT 50`).all(like, like) as ContactRow[];
  return rows.map((r) => ({ id: r.id, name: r.display_name, email: values(r.emails)[0] ?? null, deleted: r.deleted_at !== null }));
}

export function backupContactView(backup: Sqlite, live: Sqlite, id: string) {
  const row = backup.prepare('SELECT id, display_name, emails, phones, notes, deleted_at FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  if (!row) return null;
  const jobs = backup.prepare('SELECT id, title, amount_minor, currency FROM jobs WHERE contact_id = ? ORDER BY created_at').all(id) as
    { id: string; title: string; amount_minor: number | null; currency: string | null }[];
  return {
    id: row.id,
    name: row.display_name,
    emails: values(row.emails),
    phones: values(row.phones),
    notes: row.notes,
    deleted: row.deleted_at !== null,
    existsNow: live.prepare('SELECT 1 FROM contacts WHERE id = ?').get(id) !== undefined,
    activities: (backup.prepare(`SELECT occurred_at, type, subject FROM activities WHERE contact_id = ? AND deleted_at IS NULL
      ORDER BY occurred_at DESC LIMIT 50`).all(id) as { occurred_at: string; type: string; subject: string | null }[])
      .map((a) => ({ occurredAt: a.occurred_at, type: a.type, subject: a.subject })),
    tasks: (backup.prepare('SELECT title, due_at, completed_at FROM tasks WHERE contact_id = ? AND deleted_at IS NULL ORDER BY due_at LIMIT 50')
      .all(id) as { title: string; due_at: string | null; completed_at: string | null }[])
      .map((t) => ({ title: t.title, dueAt: t.due_at, done: t.completed_at !== null })),
    jobs: jobs.map((j) => ({ id: j.id, title: j.title, amountMinor: j.amount_minor, currency: j.currency })),
    documents: backup.prepare(`SELECT DISTINCT d.name, d.size FROM documents d JOIN document_links l ON l.document_id = d.id
      WHERE l.contact_id = ? AND d.deleted_at IS NULL ORDER BY d.name`).all(id) as { name: string; size: number }[],
  };
}

// ---- restoring one record from an attached backup (`bk`) ----

/** The rows one record brings back: table -> ids (tables without an id column are copied by their owners' ids). */
export interface RecordRows {
  contacts: string[];
  jobs: string[];
  activities: string[];
  tasks: string[];
  documents: string[];
}

const inList = (ids: readonly string[]) => `(SELECT value FROM json_each('${JSON.stringify(ids).replace(/'/g, "''")}'))`;

export function recordRows(sqlite: Sqlite, type: 'contact' | 'job', recordId: string): RecordRows | null {
  const ids = (query: string, ...params: unknown[]) => sqlite.prepare(query).pluck().all(...params) as string[];
  const root = sqlite.prepare(`SELECT id FROM bk.${type === 'contact' ? 'contacts' : 'jobs'} WHERE id = ?`).pluck().get(recordId);
  if (root === undefined) return null;
  const contacts = type === 'contact' ? [recordId] : [];
  const jobs = type === 'contact' ? ids('SELECT id FROM bk.jobs WHERE contact_id = ?', recordId) : [recordId];
  const activities = ids(`SELECT id FROM bk.activities WHERE contact_id IN ${inList(contacts)} OR job_id IN ${inList(jobs)}`);
  const tasks = ids(`SELECT id FROM bk.tasks WHERE contact_id IN ${inList(contacts)} OR job_id IN ${inList(jobs)}`);
  const documents = ids(`SELECT DISTINCT document_id FROM bk.document_links WHERE contact_id IN ${inList(contacts)}
    OR job_id IN ${inList(jobs)} OR activity_id IN ${inList(activities)}`);
  return { contacts, jobs, activities, tasks, documents };
}

export function existingIds(sqlite: Sqlite, table: keyof RecordRows, ids: readonly string[]): Set<string> {
  return new Set(sqlite.prepare(`SELECT id FROM main.${table} WHERE id IN ${inList(ids)}`).pluck().all() as string[]);
}

interface ColumnInfo { name: string; notnull: number }
interface ForeignKey { table: string; from: string; to: string }

/**
 * Copies rows of `table` chosen by `where` from bk into main: ids and references to restored rows go through
 * temp.restore_ids (old -> new); a reference to anything else that is gone now becomes NULL (or, where a value
 * is required, the first row of its table), so the copy never breaks a foreign key. Returns rows written.
 */
function copyRows(sqlite: Sqlite, table: string, where: string, overrides: Record<string, string> = {}): number {
  const columns = (sqlite.prepare(`PRAGMA main.table_info(${table})`).all() as ColumnInfo[]).filter((c) => c.name !== 'seq');
  const fks = sqlite.prepare(`PRAGMA main.foreign_key_list(${table})`).all() as ForeignKey[];
  const mapped = (col: string) => `(SELECT new FROM temp.restore_ids WHERE old = src.${col})`;
  const exprs = columns.map((c) => {
    if (overrides[c.name]) return overrides[c.name]!;
    if (c.name === 'id') return mapped('id');
    const fk = fks.find((f) => f.from === c.name);
    if (!fk) return `src.${c.name}`;
    const fallback = c.notnull ? `(SELECT ${fk.to} FROM main.${fk.table} ORDER BY rowid LIMIT 1)` : 'NULL';
    return `COALESCE(${mapped(c.name)}, CASE WHEN src.${c.name} IS NULL OR EXISTS (SELECT 1 FROM main.${fk.table} WHERE ${fk.to} = src.${c.name})
      THEN src.${c.name} ELSE ${fallback} END)`;
  });
  const names = columns.map((c) => c.name).join(', ');
  return sqlite.prepare(`INSERT OR IGNORE INTO main.${table} (${names}) SELECT ${exprs.join(', ')} FROM bk.${table} src WHERE ${where}`).run().changes;
}

/** Runs `fn` with the backup `file` attached to `sqlite` as `bk` (what recordRows and copyRecord read from). */
export function withBackupAttached<T>(sqlite: Sqlite, file: string, fn: () => T): T {
  sqlite.prepare('ATTACH DATABASE ? AS bk').run(file);
  try {
    return fn();
  } finally {
    sqlite.prepare('DETACH DATABASE bk').run();
  }
}

/** Writes the chosen rows (already mapped in `idMap`) into main in one transaction; reminders already due stay quiet. */
export function copyRecord(sqlite: Sqlite, rows: RecordRows, idMap: ReadonlyMap<string, string>, now: string) {
  return sqlite.transaction(() => {
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS restore_ids (old TEXT PRIMARY KEY, new TEXT NOT NULL); DELETE FROM temp.restore_ids');
    const insert = sqlite.prepare('INSERT INTO temp.restore_ids (old, new) VALUES (?, ?)');
    for (const [from, to] of idMap) insert.run(from, to);
    const mine = (table: keyof RecordRows) => `src.id IN ${inList(rows[table])} AND NOT EXISTS (SELECT 1 FROM main.${table} m WHERE m.id = ${'(SELECT new FROM temp.restore_ids WHERE old = src.id)'})`;
    const newIds = (ids: readonly string[]) => inList(ids.map((id) => idMap.get(id) ?? id));
    const counts = { contacts: 0, jobs: 0, activities: 0, tasks: 0, documents: 0 };
    counts.documents = copyRows(sqlite, 'documents', mine('documents'));
    counts.contacts = copyRows(sqlite, 'contacts', mine('contacts'));
    copyRows(sqlite, 'contact_tags', `src.contact_id IN ${inList(rows.contacts)}`);
    counts.jobs = copyRows(sqlite, 'jobs', mine('jobs'));
    // Inserting a job records its first stage; the backup's own history replaces that.
    sqlite.prepare(`DELETE FROM main.job_stage_history WHERE job_id IN ${newIds(rows.jobs)}`).run();
    copyRows(sqlite, 'job_stage_history', `src.job_id IN ${inList(rows.jobs)}`);
    counts.activities = copyRows(sqlite, 'activities', mine('activities'));
    copyRows(sqlite, 'email_received_attachments', `src.activity_id IN ${inList(rows.activities)}`);
    counts.tasks = copyRows(sqlite, 'tasks', mine('tasks'), {
      reminded_at: `COALESCE(src.reminded_at, CASE WHEN src.due_at IS NOT NULL AND src.due_at <= '${now.replace(/'/g, "''")}' THEN '${now.replace(/'/g, "''")}' END)`,
    });
    copyRows(sqlite, 'document_links', `src.document_id IN ${inList(rows.documents)} AND (src.contact_id IN ${inList(rows.contacts)}
      OR src.job_id IN ${inList(rows.jobs)} OR src.activity_id IN ${inList(rows.activities)})`);
    copyCustomValues(sqlite, [...rows.contacts, ...rows.jobs]);
    sqlite.exec('DELETE FROM temp.restore_ids');
    return counts;
  })();
}

/**
 * The restored records' custom values (issue #19), under their new ids, for the fields that still exist (a value of
 * a field deleted since has nowhere to go). custom_values has no row id and a value's key includes its `seq`, which
 * copyRows leaves out, hence its own statement. A backup taken before custom fields existed has none.
 */
function copyCustomValues(sqlite: Sqlite, recordIds: readonly string[]): void {
  if (!sqlite.prepare(`SELECT 1 FROM bk.sqlite_master WHERE type = 'table' AND name = 'custom_values'`).get()) return;
  sqlite.prepare(`INSERT OR IGNORE INTO main.custom_values (field_id, record_id, seq, text_value, num_value, sort_text)
    SELECT src.field_id, COALESCE((SELECT new FROM temp.restore_ids WHERE old = src.record_id), src.record_id), src.seq, src.text_value, src.num_value, src.sort_text
    FROM bk.custom_values src WHERE src.record_id IN ${inList(recordIds)} AND src.field_id IN (SELECT id FROM main.custom_fields)`).run();
}

/** Hashes of stored documents among `ids` in the attached backup, so their files can be put back. */
export function documentBlobs(sqlite: Sqlite, ids: readonly string[]): string[] {
  return sqlite.prepare(`SELECT DISTINCT sha256 FROM bk.documents WHERE id IN ${inList(ids)} AND mode = 'copy' AND sha256 IS NOT NULL`).pluck().all() as string[];
}
