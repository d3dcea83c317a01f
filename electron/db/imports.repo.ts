// Import runs and what each created or updated, so an import can be reported and undone. The bulk writes of a
// running import use raw prepared statements on their own connection (a measured hot path; see
// transfer/importer.ts); listing goes through Kysely. The tables are not in schema.ts (0007 is wired by
// the transfer feature), so reads are `sql` templates over the row types below. No `electron` import.
import { sql, type Kysely } from 'kysely';
import type { ImportReport, ImportSummary, RowProblem } from '../../shared/domain/transfer';
import type { Sqlite } from './connection';
import { parseJsonColumn } from './json';
import type { ContactsTable, DB } from './schema';

export interface ImportsTable {
  seq: number;
  id: string;
  file_name: string;
  format: string;
  dialect: string;
  duplicates: string;
  status: ImportSummary['status'];
  created: number;
  updated: number;
  skipped: number;
  rejected_count: number;
  rejected: string;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
}

export interface ImportItemsTable {
  import_id: string;
  entity: 'contact' | 'company';
  entity_id: string;
  action: 'created' | 'updated';
  before: string | null;
}

/** A contact row as written by an import (and as restored by undo): every column the app owns. */
export type ContactColumns = Omit<ContactsTable, 'seq' | 'last_contacted_at' | 'next_task_due_at'>;
export const CONTACT_COLUMNS = [
  'id', 'first_name', 'last_name', 'display_name', 'sort_name', 'sort_last', 'emails', 'phones', 'search_details', 'addresses',
  'job_title', 'company_id', 'website', 'birthday', 'tags', 'notes', 'kind', 'lead_source', 'email_opt_in', 'created_at', 'updated_at', 'deleted_at',
] as const satisfies readonly (keyof ContactColumns)[];

export function toSummary(row: ImportsTable): ImportSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    dialect: row.dialect,
    duplicates: row.duplicates,
    status: row.status,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    rejectedCount: row.rejected_count,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
  };
}

export function toReport(row: ImportsTable): ImportReport {
  return {
    importId: row.id,
    status: row.status,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    rejectedCount: row.rejected_count,
    rejected: parseJsonColumn<RowProblem[]>(row.rejected, []),
  };
}

export async function listImports(db: Kysely<DB>, limit = 100): Promise<ImportsTable[]> {
  const { rows } = await sql<ImportsTable>`SELECT * FROM imports ORDER BY started_at DESC, id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export async function findImport(db: Kysely<DB>, id: string): Promise<ImportsTable | undefined> {
  const { rows } = await sql<ImportsTable>`SELECT * FROM imports WHERE id = ${id}`.execute(db);
  return rows[0];
}

/** An import left 'running' by a crash or a quit is reported as cancelled: its finished batches are kept. */
export async function closeInterruptedImports(db: Kysely<DB>, now: string): Promise<void> {
  await sql`UPDATE imports SET status = 'cancelled', finished_at = ${now} WHERE status = 'running'`.execute(db);
}

/** The prepared statements of one running import, on the import's own connection. */
export function importStatements(sqlite: Sqlite) {
  const cols = CONTACT_COLUMNS.join(', ');
  const params = CONTACT_COLUMNS.map((c) => `@${c}`).join(', ');
  const sets = CONTACT_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at').map((c) => `${c} = @${c}`).join(', ');
  return {
    insertImport: sqlite.prepare<[Omit<ImportsTable, 'seq' | 'finished_at' | 'undone_at'>]>(
      `INSERT INTO imports (id, file_name, format, dialect, duplicates, status, created, updated, skipped, rejected_count, rejected, started_at)
       VALUES (@id, @file_name, @format, @dialect, @duplicates, @status, @created, @updated, @skipped, @rejected_count, @rejected, @started_at)`,
    ),
    finishBatch: sqlite.prepare<[{ id: string; created: number; updated: number; skipped: number; rejected_count: number; rejected: string }]>(
      `UPDATE imports SET created = @created, updated = @updated, skipped = @skipped, rejected_count = @rejected_count, rejected = @rejected WHERE id = @id`,
    ),
    finishImport: sqlite.prepare<[{ id: string; status: string; finished_at: string }]>(`UPDATE imports SET status = @status, finished_at = @finished_at WHERE id = @id`),
    insertContact: sqlite.prepare<[ContactColumns]>(`INSERT INTO contacts (${cols}) VALUES (${params})`),
    updateContact: sqlite.prepare<[ContactColumns]>(`UPDATE contacts SET ${sets} WHERE id = @id`),
    contactById: sqlite.prepare<[string], ContactColumns>(`SELECT ${cols} FROM contacts WHERE id = ?`),
    insertCompany: sqlite.prepare<[{ id: string; name: string; sort_name: string; now: string }]>(
      `INSERT INTO companies (id, name, sort_name, tags, created_at, updated_at) VALUES (@id, @name, @sort_name, '[]', @now, @now)`,
    ),
    insertItem: sqlite.prepare<[ImportItemsTable]>(`INSERT OR IGNORE INTO import_items (import_id, entity, entity_id, action, before) VALUES (@import_id, @entity, @entity_id, @action, @before)`),
    /** Every live contact's matching keys, read once when an import starts. */
    liveContacts: sqlite.prepare<[], { id: string; first_name: string | null; last_name: string | null; emails: string; phones: string; company_name: string | null }>(
      `SELECT c.id, c.first_name, c.last_name, c.emails, c.phones, co.name AS company_name
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.deleted_at IS NULL`,
    ),
    liveCompanies: sqlite.prepare<[], { id: string; sort_name: string }>(`SELECT id, sort_name FROM companies WHERE deleted_at IS NULL ORDER BY created_at`),
    companyName: sqlite.prepare<[string], string>(`SELECT name FROM companies WHERE id = ?`).pluck(),
    ...bulkStatements(sqlite),
  };
}

/**
 * Bulk indexing (migration 0012): while `bulk_insert` names contacts, their AFTER INSERT triggers stand down and
 * `indexNew` puts the search and tag rows of every contact above a seq in place in two statements. New rows
 * get a seq above the current maximum (INTEGER PRIMARY KEY takes max + 1), so "above the mark" is exactly them.
 */
function bulkStatements(sqlite: Sqlite) {
  const on = sqlite.prepare(`INSERT INTO bulk_insert (on_table) VALUES ('contacts')`);
  const off = sqlite.prepare(`DELETE FROM bulk_insert WHERE on_table = 'contacts'`);
  const maxSeq = sqlite.prepare<[], number>(`SELECT coalesce(max(seq), 0) FROM contacts`).pluck();
  const search = sqlite.prepare<[number]>(
    `INSERT INTO contacts_fts (rowid, name, details, job_title, tags, notes) SELECT seq, name, details, job_title, tags, notes FROM contacts_search WHERE seq > ?`,
  );
  const tags = sqlite.prepare<[number]>(
    `INSERT OR IGNORE INTO contact_tags (tag, contact_id) SELECT j.value, c.id FROM contacts c, json_each(c.tags) j WHERE c.seq > ? AND c.deleted_at IS NULL`,
  );
  return {
    bulk: {
      /** Call inside the transaction: stands the triggers down and returns the seq the new rows start above. */
      begin: (): number => (on.run(), maxSeq.get()!),
      /** Indexes the rows above `after` (call before anything updates them: their update triggers expect them indexed) and returns the new mark. */
      indexNew: (after: number): number => {
        const top = maxSeq.get()!;
        if (top > after) {
          search.run(after);
          tags.run(after);
        }
        return top;
      },
      end: () => void off.run(),
    },
  };
}

/** Puts back what an import changed, in one transaction: created contacts and companies go to Trash, updated ones get their before-image. */
export function undoImport(sqlite: Sqlite, importId: string, now: string): { contactIds: string[]; companyIds: string[] } {
  const items = sqlite.prepare<[string], ImportItemsTable>(`SELECT * FROM import_items WHERE import_id = ?`);
  const trashContact = sqlite.prepare<[string, string, string]>(`UPDATE contacts SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`);
  const cols = CONTACT_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at');
  const restore = sqlite.prepare<[ContactColumns]>(`UPDATE contacts SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  // A company the import created is only trashed when nothing else now points at it.
  const trashCompany = sqlite.prepare<[string, string, string, string]>(
    `UPDATE companies SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM contacts WHERE company_id = ? AND deleted_at IS NULL)`,
  );
  const markUndone = sqlite.prepare<[string, string]>(`UPDATE imports SET status = 'undone', undone_at = ? WHERE id = ?`);
  return sqlite.transaction(() => {
    const contactIds: string[] = [];
    const companyIds: string[] = [];
    const all = items.all(importId);
    for (const item of all) {
      if (item.entity !== 'contact') continue;
      if (item.action === 'created') {
        if (trashContact.run(now, now, item.entity_id).changes) contactIds.push(item.entity_id);
      } else if (item.before) {
        const before = JSON.parse(item.before) as ContactColumns;
        if (restore.run(before).changes) contactIds.push(item.entity_id);
      }
    }
    for (const item of all) {
      if (item.entity === 'company' && trashCompany.run(now, now, item.entity_id, item.entity_id).changes) companyIds.push(item.entity_id);
    }
    markUndone.run(now, importId);
    return { contactIds, companyIds };
  })();
}
