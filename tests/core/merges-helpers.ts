// What the merge tests share (issue #20): documents linked without files, whole-table dumps to compare before and
// after, the trigger-kept summaries recomputed from scratch, and where in the file an id still appears. Not a test file.
import type { Sqlite } from '../../electron/db/connection';
import { REBUILD_ACTIVITY_SUMMARIES } from '../../electron/db/migrations/0011_report_summaries';
import type { TestCore } from '../helpers/core';

let docs = 0;
/** A document row (kept by reference, no file needed) linked to one record; returns its id. */
export function linkDocument(t: TestCore, target: { contactId?: string; companyId?: string }, documentId?: string): string {
  const sqlite = t.core.store.sqlite;
  const id = documentId ?? `0190a7e4-0000-7000-8000-${String(++docs).padStart(12, '0')}`;
  const now = '2026-11-20T09:00:00.000Z';
  if (!documentId) {
    sqlite.prepare(`INSERT INTO documents (id, name, sort_name, type, size, mode, link_path, created_at, updated_at) VALUES (?, ?, ?, 'application/pdf', 1, 'link', '/nowhere', ?, ?)`)
      .run(id, `Doc ${docs}`, `doc ${docs}`, now, now);
  }
  sqlite.prepare(`INSERT INTO document_links (document_id, contact_id, company_id, created_at) VALUES (?, ?, ?, ?)`).run(id, target.contactId ?? null, target.companyId ?? null, now);
  return id;
}

/** Tables the app's own rows live in (not FTS shadow tables, not the journals a merge writes, not the backups' marker). */
export function dataTables(sqlite: Sqlite): string[] {
  const all = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
  return all
    .map((t) => t.name)
    .filter((n) => !/^CREATE VIRTUAL/i.test(all.find((t) => t.name === n)!.sql) && !virtual.some((v) => n.startsWith(`${v}_`)))
    .sort();
}

type Row = Record<string, unknown>;
/** Every row of every table (seq aside: a record put back may get another search rowid), each as JSON, sorted. */
export function dump(sqlite: Sqlite, tables: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Row[];
    out.set(table, rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'seq').map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v])))).sort());
  }
  return out;
}

/** The activity summaries and client rows as the triggers keep them, next to the same computed from scratch. */
export function summariesFromScratch(sqlite: Sqlite): { kept: unknown; rebuilt: unknown } {
  const read = () => ({
    touches: sqlite.prepare(`SELECT * FROM contact_touches ORDER BY contact_id`).all(),
    days: sqlite.prepare(`SELECT * FROM activity_days ORDER BY day, type`).all(),
    clients: sqlite.prepare(`SELECT contact_id, live, jobs, won, paid FROM client_jobs ORDER BY contact_id`).all(),
    contacted: sqlite.prepare(`SELECT id, last_contacted_at, next_task_due_at FROM contacts ORDER BY id`).all(),
    milestones: sqlite.prepare(`SELECT job_id, contact_id FROM job_milestones ORDER BY job_id`).all(),
  });
  const kept = read();
  sqlite.exec('SAVEPOINT rebuild');
  for (const statement of REBUILD_ACTIVITY_SUMMARIES) sqlite.exec(statement);
  sqlite.exec(`DELETE FROM client_jobs; INSERT INTO client_jobs (contact_id, live, jobs, won, paid)
    SELECT m.contact_id, EXISTS (SELECT 1 FROM contacts c WHERE c.id = m.contact_id AND c.deleted_at IS NULL), count(*),
      sum(m.category IN ('won', 'paid') AND m.won_at IS NOT NULL), sum(m.category = 'paid')
    FROM job_milestones m WHERE m.category IS NOT NULL AND m.contact_id IS NOT NULL GROUP BY m.contact_id`);
  const rebuilt = {
    ...read(),
    contacted: sqlite.prepare(`SELECT c.id,
      coalesce((SELECT max(occurred_at) FROM activities a WHERE a.contact_id = c.id AND a.deleted_at IS NULL AND a.type <> 'note'
        AND coalesce(a.outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')), '') AS last_contacted_at,
      (SELECT min(due_at) FROM tasks t WHERE t.contact_id = c.id AND t.completed_at IS NULL AND t.deleted_at IS NULL AND t.due_at IS NOT NULL) AS next_task_due_at
      FROM contacts c ORDER BY c.id`).all(),
    milestones: sqlite.prepare(`SELECT m.job_id, j.contact_id FROM job_milestones m JOIN jobs j ON j.id = m.job_id ORDER BY m.job_id`).all(),
  };
  sqlite.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  return { kept, rebuilt };
}

/** Every table.column (data tables, text columns) in which `id` still appears, with how often. */
export function whereIdAppears(sqlite: Sqlite, id: string): string[] {
  const found: string[] = [];
  for (const table of dataTables(sqlite)) {
    const columns = (sqlite.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[]).filter((c) => !/BLOB|INT|REAL/i.test(c.type) || c.type === '');
    for (const { name } of columns) {
      const n = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}" WHERE instr(CAST("${name}" AS TEXT), ?) > 0`).get(id) as { n: number }).n;
      if (n > 0) found.push(`${table}.${name}`);
    }
  }
  return found;
}

/** FTS indexes agree with their content tables (external content: 'integrity-check' compares them). */
export function checkSearchIndexes(sqlite: Sqlite): void {
  for (const fts of ['contacts_fts', 'companies_fts']) sqlite.prepare(`INSERT INTO ${fts}(${fts}, rank) VALUES ('integrity-check', 1)`).run();
}
