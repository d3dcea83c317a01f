// The search domain's reads: names that start with what was typed (index ranges), each kind's FTS5 matches
// ranked inside its FTS table before joining rows, and the tags in use. Rows become SearchHits here.
// tests/bench/run.ts mirrors this SQL on raw better-sqlite3: change both together. Never imports core.
import { sql, type Kysely } from 'kysely';
import type { SearchHit } from '../../shared/domain/contact';
import { parseJsonColumn } from './json';
import type { DB } from './schema';

/** One FTS match: its hit, its bm25 score (lower is better) and whether it is in Trash (the caller skips those). */
export interface TextHit {
  hit: SearchHit;
  score: number;
  deletedAt: string | null;
}

/** One kind's FTS query: its best `fetch` matches for an FTS MATCH expression (see fts.ts). */
export type TextSearch = (db: Kysely<DB>, match: string, fetch: number) => Promise<TextHit[]>;

interface ContactHitRow {
  id: string;
  display_name: string;
  job_title: string | null;
  company: string | null;
  emails: string;
}

/** Sorts after every string that starts with the prefix (U+10FFFF is the last code point). */
const AFTER_PREFIX = String.fromCodePoint(0x10ffff);

function contactHit(r: ContactHitRow): SearchHit {
  const email = parseJsonColumn<{ value: string }[]>(r.emails, [])[0]?.value;
  const subtitle = [r.job_title, r.company === r.display_name ? null : r.company, email].filter(Boolean).join(' · ');
  return { type: 'contact', id: r.id, title: r.display_name, ...(subtitle ? { subtitle } : {}) };
}

function companyHit(r: { id: string; name: string; website: string | null }): SearchHit {
  return { type: 'company', id: r.id, title: r.name, ...(r.website ? { subtitle: r.website } : {}) };
}

/**
 * Live contacts (by first-name-first or last-name-first key) and companies whose folded name starts with
 * `prefix`, alphabetically by the name that matched. One statement: three index ranges, merged by SQLite.
 */
export async function namesStartingWith(db: Kysely<DB>, prefix: string, limit: number): Promise<SearchHit[]> {
  const upper = prefix + AFTER_PREFIX;
  const rows = await sql<ContactHitRow & { type: 'contact' | 'company'; website: string | null }>`
    SELECT type, id, display_name, job_title, company, emails, website, min(key) AS key FROM (
      SELECT * FROM (SELECT 'contact' AS type, c.id, c.display_name, c.job_title, co.name AS company, c.emails, NULL AS website, c.sort_name AS key
        FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE c.deleted_at IS NULL AND c.sort_name >= ${prefix} AND c.sort_name < ${upper} ORDER BY c.sort_name, c.id LIMIT ${limit})
      UNION ALL
      SELECT * FROM (SELECT 'contact', c.id, c.display_name, c.job_title, co.name, c.emails, NULL, c.sort_last
        FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE c.deleted_at IS NULL AND c.sort_last >= ${prefix} AND c.sort_last < ${upper} ORDER BY c.sort_last, c.id LIMIT ${limit})
      UNION ALL
      SELECT * FROM (SELECT 'company', co.id, co.name, NULL, NULL, '[]', co.website, co.sort_name
        FROM companies co
        WHERE co.deleted_at IS NULL AND co.sort_name >= ${prefix} AND co.sort_name < ${upper} ORDER BY co.sort_name, co.id LIMIT ${limit})
    ) GROUP BY id ORDER BY key, id LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => (r.type === 'company' ? companyHit({ id: r.id, name: r.display_name, website: r.website }) : contactHit(r)));
}

export const contactTextHits: TextSearch = async (db, match, fetch) => {
  const { rows } = await sql<ContactHitRow & { score: number; deleted_at: string | null }>`
      SELECT c.id, c.display_name, c.job_title, co.name AS company, c.emails, c.deleted_at, f.score
      FROM (SELECT rowid, bm25(contacts_fts, 10.0, 5.0, 2.0, 2.0, 1.0) AS score FROM contacts_fts
            WHERE contacts_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN contacts c ON c.seq = f.rowid LEFT JOIN companies co ON co.id = c.company_id
      ORDER BY f.score`.execute(db);
  return rows.map((r) => ({ hit: contactHit(r), score: r.score, deletedAt: r.deleted_at }));
};

export const companyTextHits: TextSearch = async (db, match, fetch) => {
  const { rows } = await sql<{ id: string; name: string; website: string | null; score: number; deleted_at: string | null }>`
      SELECT co.id, co.name, co.website, co.deleted_at, f.score
      FROM (SELECT rowid, bm25(companies_fts, 10.0, 3.0, 5.0, 2.0, 1.0) AS score FROM companies_fts
            WHERE companies_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN companies co ON co.seq = f.rowid
      ORDER BY f.score`.execute(db);
  return rows.map((r) => ({ hit: companyHit(r), score: r.score, deletedAt: r.deleted_at }));
};

export const activityTextHits: TextSearch = async (db, match, fetch) => {
  const { rows } = await sql<{ id: string; type: string; subject: string | null; contact: string; contact_id: string; occurred_at: string; score: number; deleted_at: string | null }>`
      SELECT a.id, a.type, a.subject, c.display_name AS contact, a.contact_id, a.occurred_at, a.deleted_at, f.score
      FROM (SELECT rowid, bm25(activities_fts, 4.0, 1.0) AS score FROM activities_fts
            WHERE activities_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN activities a ON a.seq = f.rowid JOIN contacts c ON c.id = a.contact_id
      ORDER BY f.score`.execute(db);
  return rows.map((r) => ({
    hit: {
      type: 'activity',
      id: r.id,
      title: r.subject ?? `${r.type[0]!.toUpperCase()}${r.type.slice(1)} with ${r.contact}`,
      subtitle: `${r.contact} · ${r.occurred_at.slice(0, 10)}`,
      contactId: r.contact_id,
    },
    score: r.score,
    deletedAt: r.deleted_at,
  }));
};

export const jobTextHits: TextSearch = async (db, match, fetch) => {
  const { rows } = await sql<{ id: string; title: string; contact: string | null; contact_id: string | null; stage: string; score: number; deleted_at: string | null }>`
      SELECT j.id, j.title, c.display_name AS contact, j.contact_id, s.name AS stage, j.deleted_at, f.score
      FROM (SELECT rowid, bm25(jobs_fts, 6.0, 1.0) AS score FROM jobs_fts
            WHERE jobs_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN jobs j ON j.seq = f.rowid JOIN pipeline_stages s ON s.id = j.stage_id LEFT JOIN contacts c ON c.id = j.contact_id
      ORDER BY f.score`.execute(db);
  return rows.map((r) => ({
    hit: { type: 'job', id: r.id, title: r.title, subtitle: [r.stage, r.contact].filter(Boolean).join(' · '), ...(r.contact_id ? { contactId: r.contact_id } : {}) },
    score: r.score,
    deletedAt: r.deleted_at,
  }));
};

export const taskTextHits: TextSearch = async (db, match, fetch) => {
  const { rows } = await sql<{ id: string; title: string; contact: string | null; contact_id: string | null; due_at: string | null; score: number; deleted_at: string | null }>`
      SELECT t.id, t.title, c.display_name AS contact, t.contact_id, t.due_at, t.deleted_at, f.score
      FROM (SELECT rowid, bm25(tasks_fts, 4.0, 1.0) AS score FROM tasks_fts
            WHERE tasks_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN tasks t ON t.seq = f.rowid LEFT JOIN contacts c ON c.id = t.contact_id
      ORDER BY f.score`.execute(db);
  return rows.map((r) => {
    const subtitle = [r.contact, r.due_at ? `due ${r.due_at.slice(0, 10)}` : null].filter(Boolean).join(' · ');
    const hit: SearchHit = { type: 'task', id: r.id, title: r.title, ...(subtitle ? { subtitle } : {}), ...(r.contact_id ? { contactId: r.contact_id } : {}) };
    return { hit, score: r.score, deletedAt: r.deleted_at };
  });
};

/** Every tag in use, with how many live contacts and companies carry it, case-insensitively merged. */
export async function tagCounts(db: Kysely<DB>): Promise<{ tag: string; contacts: number; companies: number }[]> {
  const rows = await sql<{ tag: string; contacts: number; companies: number }>`
        SELECT tag, sum(contacts) AS contacts, sum(companies) AS companies FROM (
          SELECT tag, count(*) AS contacts, 0 AS companies FROM contact_tags GROUP BY tag
          UNION ALL
          SELECT tag, 0, count(*) FROM company_tags GROUP BY tag
        ) GROUP BY tag COLLATE NOCASE ORDER BY tag COLLATE NOCASE`.execute(db);
  return rows.rows.map((r) => ({ tag: r.tag, contacts: Number(r.contacts), companies: Number(r.companies) }));
}
