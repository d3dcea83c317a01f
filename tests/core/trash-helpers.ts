// Shared by the trash tests: what must hold of the data file after anything is deleted for good. No foreign key
// or link left dangling, every FTS index equal to its content, and each report summary (kept by triggers) equal to
// the same figure counted from scratch. Not a test file itself.
import { expect } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';

export const rowCount = (sqlite: Sqlite, table: string, where = '1', ...params: unknown[]): number =>
  sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;

const FTS = ['contacts_fts', 'companies_fts', 'activities_fts', 'tasks_fts', 'jobs_fts', 'appointments_fts', 'documents_fts'];
const counted = `a.deleted_at IS NULL AND a.type <> 'note' AND coalesce(a.outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')`;

/** [kept by triggers, counted from scratch] for each summary. */
const SUMMARIES: [string, string, string][] = [
  ['activity_days', `SELECT day, type, n FROM activity_days ORDER BY 1, 2`,
    `SELECT substr(occurred_at, 1, 10), type, count(*) FROM activities WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`],
  ['contact_touches', `SELECT contact_id, first_at, last_at, touches FROM contact_touches ORDER BY 1`,
    `SELECT a.contact_id, min(a.occurred_at), max(a.occurred_at), count(*) FROM activities a WHERE ${counted} GROUP BY 1 ORDER BY 1`],
  ['pipeline_totals', `SELECT stage_id, currency, jobs, total FROM pipeline_totals ORDER BY 1, 2`,
    `SELECT stage_id, currency, count(*), coalesce(sum(amount_minor), 0) FROM jobs WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`],
  ['client_jobs', `SELECT contact_id, live, jobs FROM client_jobs ORDER BY 1`,
    `SELECT m.contact_id, EXISTS (SELECT 1 FROM contacts c WHERE c.id = m.contact_id AND c.deleted_at IS NULL), count(*)
      FROM job_milestones m WHERE m.category IS NOT NULL AND m.contact_id IS NOT NULL GROUP BY 1 ORDER BY 1`],
  ['job_milestones', `SELECT job_id FROM job_milestones ORDER BY 1`, `SELECT id FROM jobs ORDER BY 1`],
  ['contact_tags', `SELECT contact_id FROM contact_tags ORDER BY 1`,
    `SELECT c.id FROM contacts c, json_each(c.tags) WHERE c.deleted_at IS NULL ORDER BY 1`],
];

export function expectStoreConsistent(sqlite: Sqlite): void {
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  // appointments.job_id has no foreign key (0004): checked by hand.
  expect(rowCount(sqlite, 'appointments', 'job_id IS NOT NULL AND job_id NOT IN (SELECT id FROM jobs)')).toBe(0);
  expect(rowCount(sqlite, 'document_links', 'coalesce(contact_id, company_id, job_id, activity_id) IS NULL')).toBe(0);
  // Custom values (0020) have no foreign key to their record either: none may outlive it.
  expect(rowCount(sqlite, 'custom_values', `record_id NOT IN (SELECT id FROM contacts UNION ALL SELECT id FROM companies UNION ALL SELECT id FROM jobs)`)).toBe(0);
  for (const fts of FTS) sqlite.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('integrity-check')`).run();
  for (const [name, kept, fromScratch] of SUMMARIES) {
    const values = (q: string) => sqlite.prepare(q).raw().all();
    expect(values(kept), name).toEqual(values(fromScratch));
  }
}

