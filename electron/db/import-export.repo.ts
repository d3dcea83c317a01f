// Import runs and what each created or updated, so an import can be reported and undone. A running import writes
// through raw prepared statements on its own connection (the measured hot path: prepareImportStatements); the
// rest goes through Kysely. Rows leave camelCase. Imports no core. (The exports' reads: import-export.exports.repo.ts.)
import type { Kysely } from 'kysely';
import type { ContactKind } from '../../shared/domain/contact';
import type { CustomValues } from '../../shared/domain/custom-fields';
import type { Address, EmailEntry, PhoneEntry } from '../../shared/domain/fields';
import type { ImportReport, ImportSummary, RowProblem } from '../../shared/domain/transfer';
import type { Sqlite } from './connection';
import { toContactColumns, type ContactInsert } from './contacts.repo';
import type { StoredShape } from './fields.repo';
import { prepareCustomRestore, prepareCustomStatements, type CustomBefore } from './import-export.custom.repo';
import { parseJsonColumn } from './json';
import { matchKeysAbove } from './match-keys';
import type { DB, Row } from './schema';

type ImportRow = Row<'imports'>;

/** A contact row as written by an import (and as restored by undo): every column the app owns. */
export type ContactColumns = ContactInsert;
export const CONTACT_COLUMNS = [
  'id', 'first_name', 'last_name', 'display_name', 'sort_name', 'sort_last', 'emails', 'phones', 'search_details', 'addresses',
  'job_title', 'company_id', 'website', 'birthday', 'tags', 'notes', 'kind', 'lead_source', 'email_opt_in', 'created_at', 'updated_at', 'deleted_at',
] as const satisfies readonly (keyof ContactColumns)[];

/** A contact's own values as an import reads and writes them; the company by name. */
export interface ContactValues {
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  jobTitle: string | null;
  emails: EmailEntry[];
  phones: PhoneEntry[];
  addresses: Address[];
  website: string | null;
  birthday: string | null;
  tags: string[];
  notes: string | null;
  /** Absent: keep the row's value (a new contact gets the default). */
  kind?: ContactKind | undefined;
  leadSource: string | null;
  emailOptIn?: boolean | undefined;
  /** Custom field values (issue #19): on a file's row the ones it sets; on a contact every one it holds. */
  custom?: CustomValues | undefined;
}

/** The row for `values` over `base` (the existing row, or a new one's defaults): contacts.repo's one mapping. */
export function contactColumns(values: ContactValues, companyId: string | null, base: ContactColumns): ContactColumns {
  const fields = { ...values, companyId, kind: values.kind ?? (base.kind as ContactKind), emailOptIn: values.emailOptIn ?? base.email_opt_in === 1 };
  return { ...base, ...toContactColumns(fields, values.companyName) };
}

/** A row's values back, for merging a file's row into it. */
export function contactValues(row: ContactColumns, companyName: string | null, custom: CustomValues = {}): Required<ContactValues> {
  return {
    custom,
    firstName: row.first_name,
    lastName: row.last_name,
    companyName,
    jobTitle: row.job_title,
    emails: parseJsonColumn<EmailEntry[]>(row.emails, []),
    phones: parseJsonColumn<PhoneEntry[]>(row.phones, []),
    addresses: parseJsonColumn<Address[]>(row.addresses, []),
    website: row.website,
    birthday: row.birthday,
    tags: parseJsonColumn<string[]>(row.tags, []),
    notes: row.notes,
    kind: row.kind as ContactKind,
    leadSource: row.lead_source,
    emailOptIn: row.email_opt_in === 1,
  };
}

export function toSummary(row: ImportRow): ImportSummary {
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

export function toReport(row: ImportRow): ImportReport {
  return {
    importId: row.id,
    status: row.status,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    rejectedCount: row.rejected_count,
    rejected: parseJsonColumn<RowProblem[]>(row.rejected, []),
    // The matched rows live only in the report import.run returns (the importer adds them): not stored.
    matched: [],
    warnings: [],
    warningCount: 0,
  };
}

export async function listImports(db: Kysely<DB>, limit = 100): Promise<ImportSummary[]> {
  const rows = await db.selectFrom('imports').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toSummary);
}

export async function findImport(db: Kysely<DB>, id: string): Promise<ImportSummary | undefined> {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

/** An import left 'running' by a crash or a quit is reported as cancelled: its finished batches are kept. */
export async function closeInterruptedImports(db: Kysely<DB>, now: string): Promise<void> {
  await db.updateTable('imports').set({ status: 'cancelled', finished_at: now }).where('status', '=', 'running').execute();
}

/**
 * Puts back what an import changed, in one transaction: created contacts and companies go to Trash, updated ones get
 * their before-image. A contact changed (edited, trashed, updated by a later import) after the import finished is
 * left as it is and counted in `kept`: undo must never throw away what the user did since, nor bring a trashed
 * contact back.
 */
export function undoImport(
  sqlite: Sqlite,
  importId: string,
  now: string,
  /** Called inside the transaction with the contacts given their before-image back (the consent ledger follows their opt-in). */
  restored: (contactIds: string[]) => void = () => undefined,
): { contactIds: string[]; companyIds: string[]; kept: number; gone: number } {
  const items = sqlite.prepare<[string], Row<'import_items'>>(`SELECT * FROM import_items WHERE import_id = ?`);
  const finishedAt = sqlite.prepare<[string, string], string | null>(`SELECT coalesce(finished_at, ?) FROM imports WHERE id = ?`).pluck();
  // updated_at is written by every change of a contact (the app's services and imports alike).
  const changedSince = sqlite.prepare<[string, string], number>(`SELECT count(*) FROM contacts WHERE id = ? AND updated_at > ?`).pluck();
  const trashContact = sqlite.prepare<[string, string, string]>(`UPDATE contacts SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`);
  const cols = CONTACT_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at');
  // A company deleted for good since (Trash) is not put back as a link to nothing.
  const restoreValue = (c: string) => (c === 'company_id' ? `(SELECT id FROM companies WHERE id = @company_id)` : `@${c}`);
  const restore = sqlite.prepare<[ContactColumns]>(`UPDATE contacts SET ${cols.map((c) => `${c} = ${restoreValue(c)}`).join(', ')} WHERE id = @id`);
  const restoreCustom = prepareCustomRestore(sqlite);
  // A company the import created is only trashed when nothing else now points at it.
  const trashCompany = sqlite.prepare<[string, string, string, string]>(
    `UPDATE companies SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM contacts WHERE company_id = ? AND deleted_at IS NULL)`,
  );
  const markUndone = sqlite.prepare<[string, string]>(`UPDATE imports SET status = 'undone', undone_at = ? WHERE id = ?`);
  return sqlite.transaction(() => {
    const contactIds: string[] = [];
    const companyIds: string[] = [];
    let kept = 0;
    // Updated contacts deleted for good since (Trash): nothing left to put back.
    let gone = 0;
    const since = finishedAt.get(now, importId) ?? now;
    const all = items.all(importId);
    for (const item of all) {
      if (item.entity !== 'contact') continue;
      if (changedSince.get(item.entity_id, since)) {
        kept++;
        continue;
      }
      if (item.action === 'created') {
        if (trashContact.run(now, now, item.entity_id).changes) contactIds.push(item.entity_id);
      } else if (item.before) {
        // The custom values the contact had (issue #19) ride in the before-image beside its columns.
        const { custom_before: customBefore, ...before } = JSON.parse(item.before) as ContactColumns & { custom_before?: CustomBefore };
        if (restore.run(before).changes) {
          contactIds.push(item.entity_id);
          if (customBefore) restoreCustom(item.entity_id, customBefore);
        } else gone++;
      }
    }
    for (const item of all) {
      if (item.entity === 'company' && trashCompany.run(now, now, item.entity_id, item.entity_id).changes) companyIds.push(item.entity_id);
    }
    restored(all.filter((i) => i.entity === 'contact' && i.action === 'updated' && contactIds.includes(i.entity_id)).map((i) => i.entity_id));
    markUndone.run(now, importId);
    return { contactIds, companyIds, kept, gone };
  })();
}


/** A matched contact as the import found it: its values to merge into, and the row itself (undo's before-image). */
export interface ExistingContact {
  values: Required<ContactValues>;
  readonly row: ContactColumns;
}

/** A contact's next row (and the custom values that change), opaque to the importer. */
export interface ContactUpdate {
  readonly row: ContactColumns;
  readonly custom: CustomValues;
}

const NEW_ROW: Omit<ContactColumns, 'id' | 'created_at' | 'updated_at'> = {
  first_name: null, last_name: null, display_name: '', sort_name: '', sort_last: '', emails: '[]', phones: '[]', search_details: '',
  addresses: '[]', job_title: null, company_id: null, website: null, birthday: null, tags: '[]', notes: null,
  kind: 'customer', lead_source: null, email_opt_in: 0, deleted_at: null,
};

type LiveContactRow = Pick<ContactColumns, 'id' | 'first_name' | 'last_name' | 'emails' | 'phones' | 'addresses' | 'job_title' | 'website' | 'birthday' | 'notes'> & { company_name: string | null };

/** What an import compares a live contact by (see core/import-export/matcher.ts). */
export interface LiveContact {
  id: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  emails: EmailEntry[];
  phones: PhoneEntry[];
  addresses: Address[];
  jobTitle: string | null;
  website: string | null;
  birthday: string | null;
  notes: string | null;
}

const sameColumns = (a: ContactColumns, b: ContactColumns) => (Object.keys(a) as (keyof ContactColumns)[]).every((k) => k === 'updated_at' || a[k] === b[k]);

/**
 * The prepared statements of one running import, on the import's own connection (store.bulkWriter()), wrapped in
 * the operations the importer needs. Call the writes inside `transaction`.
 */
export function prepareImportStatements(sqlite: Sqlite, fields: readonly StoredShape[] = []) {
  const custom = prepareCustomStatements(sqlite, fields);
  const cols = CONTACT_COLUMNS.join(', ');
  const params = CONTACT_COLUMNS.map((c) => `@${c}`).join(', ');
  const sets = CONTACT_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at').map((c) => `${c} = @${c}`).join(', ');
  const st = {
    insertImport: sqlite.prepare<[Omit<ImportRow, 'seq' | 'finished_at' | 'undone_at'>]>(
      `INSERT INTO imports (id, file_name, format, dialect, duplicates, status, created, updated, skipped, rejected_count, rejected, started_at)
       VALUES (@id, @file_name, @format, @dialect, @duplicates, @status, @created, @updated, @skipped, @rejected_count, @rejected, @started_at)`,
    ),
    finishBatch: sqlite.prepare<[{ id: string; created: number; updated: number; skipped: number; rejected_count: number; rejected: string }]>(
      `UPDATE imports SET created = @created, updated = @updated, skipped = @skipped, rejected_count = @rejected_count, rejected = @rejected WHERE id = @id`,
    ),
    finishImport: sqlite.prepare<[{ id: string; status: string; finished_at: string }]>(`UPDATE imports SET status = @status, finished_at = @finished_at WHERE id = @id`),
    importById: sqlite.prepare<[string], ImportRow>('SELECT * FROM imports WHERE id = ?'),
    insertContact: sqlite.prepare<[ContactColumns]>(`INSERT INTO contacts (${cols}) VALUES (${params})`),
    updateContact: sqlite.prepare<[ContactColumns]>(`UPDATE contacts SET ${sets} WHERE id = @id`),
    contactById: sqlite.prepare<[string], ContactColumns>(`SELECT ${cols} FROM contacts WHERE id = ?`),
    insertCompany: sqlite.prepare<[{ id: string; name: string; sort_name: string; now: string }]>(
      `INSERT INTO companies (id, name, sort_name, tags, created_at, updated_at) VALUES (@id, @name, @sort_name, '[]', @now, @now)`,
    ),
    insertItem: sqlite.prepare<[Row<'import_items'>]>(`INSERT OR IGNORE INTO import_items (import_id, entity, entity_id, action, before) VALUES (@import_id, @entity, @entity_id, @action, @before)`),
    liveContacts: sqlite.prepare<[number], LiveContactRow & { seq: number }>(
      `SELECT c.rowid AS seq, c.id, c.first_name, c.last_name, c.emails, c.phones, c.addresses, c.job_title, c.website, c.birthday, c.notes, co.name AS company_name
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.deleted_at IS NULL AND c.rowid > ? ORDER BY c.rowid LIMIT 1000`,
    ),
    liveCompanies: sqlite.prepare<[], { id: string; sort_name: string }>(`SELECT id, sort_name FROM companies WHERE deleted_at IS NULL ORDER BY created_at`),
    companyName: sqlite.prepare<[string], string>(`SELECT name FROM companies WHERE id = ?`).pluck(),
  };
  const item = (importId: string, entity: 'contact' | 'company', entityId: string, action: 'created' | 'updated', before: string | null) =>
    void st.insertItem.run({ import_id: importId, entity, entity_id: entityId, action, before });

  return {
    /** Runs `fn` as one transaction on this connection. */
    transaction: <A extends unknown[], R>(fn: (...args: A) => R) => sqlite.transaction(fn),
    startImport(run: { id: string; fileName: string; format: string; dialect: string; duplicates: ImportRow['duplicates']; startedAt: string }): void {
      st.insertImport.run({
        id: run.id, file_name: run.fileName, format: run.format, dialect: run.dialect, duplicates: run.duplicates,
        status: 'running', created: 0, updated: 0, skipped: 0, rejected_count: 0, rejected: '[]', started_at: run.startedAt,
      });
    },
    saveCounts(id: string, c: { created: number; updated: number; skipped: number; rejected: number }, rejected: readonly RowProblem[]): void {
      st.finishBatch.run({ id, created: c.created, updated: c.updated, skipped: c.skipped, rejected_count: c.rejected, rejected: JSON.stringify(rejected) });
    },
    finishImport(id: string, status: ImportReport['status'], finishedAt: string): ImportReport {
      st.finishImport.run({ id, status, finished_at: finishedAt });
      return toReport(st.importById.get(id)!);
    },
    /**
     * Every live contact's matching values (identifiers, name, and what "identical" compares), oldest first, read
     * when an import starts a page at a time: the caller writes its duplicate index on this connection between pages.
     */
    *liveContacts(): Generator<LiveContact> {
      for (let after = 0; ; ) {
        const page = st.liveContacts.all(after);
        if (page.length === 0) return;
        for (const row of page) {
          yield {
            id: row.id, emails: parseJsonColumn(row.emails, []), phones: parseJsonColumn(row.phones, []), firstName: row.first_name, lastName: row.last_name,
            companyName: row.company_name, addresses: parseJsonColumn(row.addresses, []), jobTitle: row.job_title, website: row.website, birthday: row.birthday, notes: row.notes,
          };
        }
        after = page.at(-1)!.seq;
      }
    },
    /** Live companies by their folded name (oldest first). */
    *liveCompanies(): Generator<{ id: string; sortName: string }> {
      for (const row of st.liveCompanies.iterate()) yield { id: row.id, sortName: row.sort_name };
    },
    insertCompany(importId: string, c: { id: string; name: string; sortName: string }, now: string): void {
      st.insertCompany.run({ id: c.id, name: c.name, sort_name: c.sortName, now });
      item(importId, 'company', c.id, 'created', null);
    },
    contact(id: string): ExistingContact {
      const row = st.contactById.get(id)!;
      return { row, values: contactValues(row, row.company_id ? (st.companyName.get(row.company_id) ?? null) : null, custom.read(id)) };
    },
    insertContact(importId: string, id: string, values: ContactValues, companyId: string | null, now: string): void {
      const { custom: customValues, ...own } = values;
      st.insertContact.run(contactColumns(own, companyId, { ...NEW_ROW, id, created_at: now, updated_at: now }));
      if (customValues) custom.write(id, customValues);
      item(importId, 'contact', id, 'created', null);
    },
    /** The row `values` make of the contact, or null when that changes nothing (custom values included). Written by updateContact. */
    contactUpdate(existing: ExistingContact, values: ContactValues, companyId: string | null, now: string): ContactUpdate | null {
      const { custom: next = {}, ...own } = values;
      const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(existing.values.custom?.[key] ?? null)));
      const row = contactColumns(own, companyId, { ...existing.row, updated_at: now });
      return sameColumns(row, existing.row) && Object.keys(changed).length === 0 ? null : { row, custom: changed };
    },
    updateContact(importId: string, existing: ExistingContact, update: ContactUpdate): void {
      st.updateContact.run(update.row);
      const id = existing.row.id;
      // The before-image keeps every custom value the contact had, so undo puts them back with its columns.
      const before = custom.fieldIds.length ? { ...existing.row, custom_before: { fieldIds: custom.fieldIds, rows: custom.rows(id) } satisfies CustomBefore } : existing.row;
      if (Object.keys(update.custom).length) custom.write(id, update.custom);
      // INSERT OR IGNORE: the first before-image of this import is the one undo must restore.
      item(importId, 'contact', id, 'updated', JSON.stringify(before));
    },
    bulk: bulkStatements(sqlite),
  };
}

export type ImportStatements = ReturnType<typeof prepareImportStatements>;

/**
 * Bulk indexing (migration 0012): while `bulk_insert` names contacts, their AFTER INSERT triggers stand down and
 * `indexNew` puts the search, tag and match-key rows of every contact above a seq in place in three statements. New rows
 * get a seq above the current maximum (INTEGER PRIMARY KEY takes max + 1), so "above the mark" is exactly them.
 */
function bulkStatements(sqlite: Sqlite) {
  const on = sqlite.prepare(`INSERT INTO bulk_insert (on_table) VALUES ('contacts')`);
  const off = sqlite.prepare(`DELETE FROM bulk_insert WHERE on_table = 'contacts'`);
  const maxSeq = sqlite.prepare<[], number>(`SELECT coalesce(max(seq), 0) FROM contacts`).pluck();
  const search = sqlite.prepare<[number]>(
    `INSERT INTO contacts_fts (rowid, name, details, job_title, tags, notes) SELECT seq, name, details, job_title, tags, notes FROM contacts_search WHERE seq > ?`,
  );
  const matchKeys = sqlite.prepare<[number, number]>(matchKeysAbove());
  const tags = sqlite.prepare<[number]>(
    `INSERT OR IGNORE INTO contact_tags (tag, contact_id) SELECT j.value, c.id FROM contacts c, json_each(c.tags) j WHERE c.seq > ? AND c.deleted_at IS NULL`,
  );
  return {
    /** Call inside the transaction: stands the triggers down and returns the seq the new rows start above. */
    begin: (): number => (on.run(), maxSeq.get()!),
    /** Indexes the rows above `after` (call before anything updates them: their update triggers expect them indexed) and returns the new mark. */
    indexNew: (after: number): number => {
      const top = maxSeq.get()!;
      if (top > after) {
        search.run(after);
        tags.run(after);
        matchKeys.run(after, after);
      }
      return top;
    },
    end: () => void off.run(),
  };
}
