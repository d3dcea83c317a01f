// Deleting for good (issue #18): which rows go with records chosen in Trash (their activities and follow-ups, the
// appointments and documents only they use), counting them for the confirmation, and deleting them one step at a
// time on the caller's own connection. Summaries, FTS rows and links follow through the triggers and foreign keys
// of the migrations. Every statement of Trash as a whole lives here. Never imports core.
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { TrashCounts, TrashKind } from '../../shared/domain/trash';
import type { Sqlite } from './connection';
import { afterCursor, finishPage } from './keyset';
import type { DB } from './schema';

type SetKind = TrashKind | 'document';
const TABLE: Record<SetKind, string> = {
  contact: 'contacts', company: 'companies', job: 'jobs', activity: 'activities', task: 'tasks', appointment: 'appointments', case: 'cases', document: 'documents',
};
const COUNT_KEY: Record<SetKind, keyof TrashCounts> = {
  contact: 'contacts', company: 'companies', job: 'jobs', activity: 'activities', task: 'tasks', appointment: 'appointments', case: 'cases', document: 'documents',
};
/** Deletion order: what hangs off a record goes before it, so each delete's count is its own rows. */
const DELETE_ORDER: SetKind[] = ['document', 'appointment', 'task', 'activity', 'case', 'job', 'contact', 'company'];
/** "Everything" is taken kind by kind in this order (jobs before contacts: see CLOSURE). */
export const PURGE_ORDER: TrashKind[] = ['activity', 'task', 'appointment', 'case', 'job', 'contact', 'company'];

export const zeroCounts = (): TrashCounts => ({ contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 });

const inSet = (kind: SetKind) => `(SELECT id FROM temp.purge_set WHERE kind = '${kind}')`;
/** The chosen ids of one kind in this chunk (`?`: a JSON array) that are in Trash, i.e. in the set. */
const inChunk = (kind: SetKind) => `(SELECT p.id FROM temp.purge_set p WHERE p.kind = '${kind}' AND p.id IN (SELECT value FROM json_each(?)))`;
const into = `INSERT OR IGNORE INTO temp.purge_set (kind, id, chosen)`;

/** What goes with a chunk of chosen records of one kind (added to the set, not chosen). Jobs come before contacts. */
const CLOSURE: Partial<Record<SetKind, string[]>> = {
  contact: [
    `${into} SELECT 'activity', id, 0 FROM activities WHERE contact_id IN ${inChunk('contact')}`,
    `${into} SELECT 'task', id, 0 FROM tasks WHERE contact_id IN ${inChunk('contact')}`,
    // An appointment goes when every record it is linked to goes.
    `${into} SELECT 'appointment', id, 0 FROM appointments WHERE contact_id IN ${inChunk('contact')} AND (job_id IS NULL OR job_id IN ${inSet('job')})`,
    // Issue #22: a person's service cases go with them, in Trash or not (their timelines by cascade).
    `${into} SELECT 'case', id, 0 FROM cases WHERE contact_id IN ${inChunk('contact')}`,
  ],
  job: [
    // A job's follow-ups and appointments go with it only when they belong to no surviving contact.
    `${into} SELECT 'task', id, 0 FROM tasks WHERE job_id IN ${inChunk('job')} AND contact_id IS NULL`,
    `${into} SELECT 'appointment', id, 0 FROM appointments WHERE job_id IN ${inChunk('job')} AND (contact_id IS NULL OR contact_id IN ${inSet('contact')})`,
  ],
};
/** A document goes when every record it is kept with goes (a document kept with nothing is left alone). */
const DOCUMENTS = `${into}
  SELECT 'document', c.document_id, 0 FROM (
    SELECT document_id FROM document_links WHERE contact_id IN ${inSet('contact')}
    UNION SELECT document_id FROM document_links WHERE company_id IN ${inSet('company')}
    UNION SELECT document_id FROM document_links WHERE job_id IN ${inSet('job')}
    UNION SELECT document_id FROM document_links WHERE activity_id IN ${inSet('activity')}
  ) c
  WHERE NOT EXISTS (
    SELECT 1 FROM document_links o WHERE o.document_id = c.document_id AND NOT EXISTS (
      SELECT 1 FROM temp.purge_set p
      WHERE p.kind = CASE WHEN o.contact_id IS NOT NULL THEN 'contact' WHEN o.company_id IS NOT NULL THEN 'company'
                          WHEN o.job_id IS NOT NULL THEN 'job' ELSE 'activity' END
        AND p.id = coalesce(o.contact_id, o.company_id, o.job_id, o.activity_id)))`;
/** Chunks are added in this order, so each closure above sees the kinds it looks at. */
const ADD_ORDER: SetKind[] = ['document', 'activity', 'task', 'appointment', 'case', 'job', 'contact', 'company'];

/**
 * Prepared statements of one deletion (or preview) on its own connection, around a temp table of the rows that go.
 * `close` drops the table.
 */
export function prepareTrash(sqlite: Sqlite) {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS purge_set (kind TEXT NOT NULL, id TEXT NOT NULL, chosen INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID`);
  const clear = sqlite.prepare(`DELETE FROM temp.purge_set`);
  const kinds = Object.keys(TABLE) as SetKind[];
  const choose = Object.fromEntries(
    kinds.map((kind) => [kind, sqlite.prepare<[string]>(`${into} SELECT '${kind}', id, 1 FROM ${TABLE[kind]} WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NOT NULL`)]),
  ) as Record<SetKind, Database.Statement<[string]>>;
  const closure = Object.fromEntries(kinds.map((kind) => [kind, (CLOSURE[kind] ?? []).map((s) => sqlite.prepare<[string]>(s))])) as Record<SetKind, Database.Statement<[string]>[]>;
  const documents = sqlite.prepare(DOCUMENTS);
  const nextTrashed = Object.fromEntries(
    kinds.map((kind) => [kind, sqlite.prepare<[number], string>(`SELECT id FROM ${TABLE[kind]} WHERE deleted_at IS NOT NULL LIMIT ?`).pluck()]),
  ) as Record<SetKind, Database.Statement<[number], string>>;
  const counts = sqlite.prepare<[], { kind: SetKind; chosen: number; n: number }>(`SELECT kind, chosen, count(*) AS n FROM temp.purge_set GROUP BY kind, chosen`);
  const hashes = sqlite.prepare<[], string>(`SELECT DISTINCT sha256 FROM documents WHERE id IN ${inSet('document')} AND sha256 IS NOT NULL`).pluck();
  const deletes = DELETE_ORDER.map((kind) => [kind, sqlite.prepare(`DELETE FROM ${TABLE[kind]} WHERE id IN ${inSet(kind)}`)] as const);
  // appointments.job_id has no foreign key (0004): an appointment that stays loses its link to a job that goes.
  const unlinkAppointments = sqlite.prepare(`UPDATE appointments SET job_id = NULL WHERE job_id IN ${inSet('job')}`);
  // Issue #22: a case goes with its timeline entries and message ids (by cascade); a follow-up, activity or outbox
  // email that named it stays, without the link (case_id has no foreign key: 0023 added it by ALTER TABLE).
  // activities.case_id has no index: a step without cases (most of a big Empty Trash) skips the scans.
  const unlinkCases = ['tasks', 'activities', 'outbox'].map((table) => sqlite.prepare(`UPDATE ${table} SET case_id = NULL WHERE case_id IN ${inSet('case')}`));
  const anyCase = sqlite.prepare<[], number>(`SELECT EXISTS (SELECT 1 FROM temp.purge_set WHERE kind = 'case')`).pluck();
  // Custom values (0020) have no foreign key to their record, one table serving every record type: they go here.
  // So do "link to a contact / company" values pointing at a record that goes (stored in sort_text too, indexed).
  const dropCustom = sqlite.prepare(`DELETE FROM custom_values WHERE record_id IN (SELECT id FROM temp.purge_set WHERE kind IN ('contact', 'company', 'job'))`);
  const dropLinks = sqlite.prepare<[string, string]>(
    `DELETE FROM custom_values WHERE field_id IN (SELECT id FROM custom_fields WHERE type = ?) AND sort_text IN (SELECT id FROM temp.purge_set WHERE kind = ?)`,
  );

  /** Adds chosen ids (those in Trash) of one kind and what goes with them. */
  function add(kind: SetKind, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const json = JSON.stringify(ids);
    choose[kind].run(json);
    for (const statement of closure[kind]) statement.run(json);
  }
  function addAll(chosen: Partial<Record<SetKind, readonly string[]>>): void {
    for (const kind of ADD_ORDER) add(kind, chosen[kind] ?? []);
  }
  /** Adds the documents only the set uses, and counts the set. */
  function finish(): { chosen: TrashCounts; alongside: TrashCounts } {
    documents.run();
    const out = { chosen: zeroCounts(), alongside: zeroCounts() };
    for (const row of counts.all()) out[row.chosen ? 'chosen' : 'alongside'][COUNT_KEY[row.kind]] += row.n;
    return out;
  }

  return {
    /** What the chosen ids (those in Trash) take with them; changes nothing in the data file. */
    preview: sqlite.transaction((chosen: Partial<Record<SetKind, readonly string[]>>) => {
      clear.run();
      addAll(chosen);
      const out = finish();
      clear.run();
      return out;
    }),
    /** Starts a preview built in chunks (each `add` its own short transaction; the data file is not changed). */
    begin: () => void clear.run(),
    add: sqlite.transaction(add),
    /** What the chunks added so far take with them; empties the set. */
    tally: sqlite.transaction(() => {
      const out = finish();
      clear.run();
      return out;
    }),
    /** Up to `limit` ids of one kind in Trash (-1: all). */
    nextTrashed: (kind: SetKind, limit: number): string[] => nextTrashed[kind].all(limit),
    /**
     * Deletes the chosen ids that are in Trash and what goes with them, in one transaction: nothing is ever half
     * gone. Returns the rows each kind lost, how many chosen ones there were, the stored files' hashes the deleted
     * documents held (the caller frees those no other document uses), and the milliseconds of work before the commit.
     */
    purge: sqlite.transaction((chosen: Partial<Record<SetKind, readonly string[]>>) => {
      const started = performance.now();
      clear.run();
      addAll(chosen);
      const { chosen: picked } = finish();
      const held = hashes.all();
      const removed = zeroCounts();
      for (const [kind, statement] of deletes) {
        if (kind === 'job') unlinkAppointments.run();
        if (kind === 'case' && anyCase.get()) for (const unlink of unlinkCases) unlink.run();
        removed[COUNT_KEY[kind]] += statement.run().changes;
      }
      dropCustom.run();
      dropLinks.run('contactLink', 'contact');
      dropLinks.run('companyLink', 'company');
      clear.run();
      return { removed, chosen: Object.values(picked).reduce((a, b) => a + b, 0), hashes: held, workMs: performance.now() - started };
    }),
    close(): void {
      sqlite.exec(`DROP TABLE IF EXISTS temp.purge_set`);
    },
  };
}
export type TrashStatements = ReturnType<typeof prepareTrash>;

/**
 * What Restore all may put back of a kind: a case only while its contact is out of Trash (as cases.restore asks), so
 * restoring everything restores contacts first.
 */
const RESTORABLE: Partial<Record<SetKind, string>> = { case: `AND contact_id IN (SELECT id FROM contacts WHERE deleted_at IS NULL)` };

/**
 * Up to `limit` rows of one kind in Trash put back, in one transaction: their ids, and the milliseconds before the
 * commit.
 */
export function restoreTrashed(sqlite: Sqlite, kind: SetKind, limit: number, now: string): { ids: string[]; workMs: number } {
  const table = TABLE[kind];
  const update = sqlite
    .prepare<[string, number], string>(
      `UPDATE ${table} SET deleted_at = NULL, updated_at = ? WHERE id IN (SELECT id FROM ${table} WHERE deleted_at IS NOT NULL ${RESTORABLE[kind] ?? ''} LIMIT ?) RETURNING id`,
    )
    .pluck();
  return sqlite.transaction(() => {
    const started = performance.now();
    const ids = update.all(now, limit);
    return { ids, workMs: performance.now() - started };
  })();
}

/** How many of a kind in Trash Restore all would put back now (cases of contacts in Trash wait for them). */
export async function restorableCount(db: Kysely<DB>, kind: SetKind): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.raw(TABLE[kind])} WHERE deleted_at IS NOT NULL ${sql.raw(RESTORABLE[kind] ?? '')}`.execute(db);
  return rows[0]!.n;
}

/** How many records of each kind are in Trash. */
export async function trashCounts(db: Kysely<DB>): Promise<TrashCounts> {
  const part = (kind: SetKind) => sql.raw(`(SELECT count(*) FROM ${TABLE[kind]} WHERE deleted_at IS NOT NULL) AS ${COUNT_KEY[kind]}`);
  const kinds = Object.keys(TABLE) as SetKind[];
  const { rows } = await sql<TrashCounts>`SELECT ${sql.join(kinds.map(part))}`.execute(db);
  return rows[0]!;
}

/** One row of a Trash tab: what it is called and what it belonged to. */
export interface TrashedRow {
  id: string;
  name: string;
  detail: string | null;
  deletedAt: string;
}

const LISTED: Record<TrashKind, string> = {
  contact: `SELECT r.id, r.display_name AS name, co.name AS detail, r.deleted_at FROM contacts r LEFT JOIN companies co ON co.id = r.company_id`,
  company: `SELECT r.id, r.name, r.website AS detail, r.deleted_at FROM companies r`,
  job: `SELECT r.id, r.title AS name, c.display_name AS detail, r.deleted_at FROM jobs r LEFT JOIN contacts c ON c.id = r.contact_id`,
  activity: `SELECT r.id, coalesce(nullif(r.subject, ''), upper(substr(r.type, 1, 1)) || substr(r.type, 2)) AS name, c.display_name AS detail, r.deleted_at
    FROM activities r LEFT JOIN contacts c ON c.id = r.contact_id`,
  task: `SELECT r.id, r.title AS name, c.display_name AS detail, r.deleted_at FROM tasks r LEFT JOIN contacts c ON c.id = r.contact_id`,
  appointment: `SELECT r.id, r.title AS name, c.display_name AS detail, r.deleted_at FROM appointments r LEFT JOIN contacts c ON c.id = r.contact_id`,
  // "C-0042 · Printer jams" (threading.ts caseLabel's form, in SQL so the page stays one query).
  case: `SELECT r.id, printf('C-%04d', r.number) || ' · ' || r.subject AS name, c.display_name AS detail, r.deleted_at FROM cases r LEFT JOIN contacts c ON c.id = r.contact_id`,
};

/** One kind's records in Trash, most recently deleted first, a page at a time. */
export async function listTrashed(db: Kysely<DB>, q: { kind: TrashKind; limit: number; cursor?: string | undefined }) {
  const after = q.cursor ? sql`AND ${afterCursor(q.cursor, 'r.deleted_at', 'r.id', 'desc')}` : sql``;
  const { rows } = await sql<{ id: string; name: string; detail: string | null; deleted_at: string }>`${sql.raw(LISTED[q.kind])}
    WHERE r.deleted_at IS NOT NULL ${after} ORDER BY r.deleted_at DESC, r.id DESC LIMIT ${q.limit + 1}`.execute(db);
  const { items, nextCursor } = finishPage(rows, q.limit, 'deleted_at');
  const total = (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.raw(TABLE[q.kind])} WHERE deleted_at IS NOT NULL`.execute(db)).rows[0]!.n;
  return { items: items.map((r): TrashedRow => ({ id: r.id, name: r.name, detail: r.detail, deletedAt: r.deleted_at })), total, nextCursor };
}
