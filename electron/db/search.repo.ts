// The search domain's reads: names that start with what was typed (index ranges), each kind's FTS5 matches
// ranked inside its FTS table before joining rows, and the tags in use. Rows become SearchHits here.
// tests/bench/run.ts mirrors this SQL on raw better-sqlite3: change both together. Never imports core.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { SearchHit } from '../../shared/domain/contact';
import { TEXT_LIKE_TYPES } from '../../shared/domain/custom-fields';
import { readRows } from './connection';
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
  const found = await readRows(db, sql<ContactHitRow & { type: 'contact' | 'company'; website: string | null }>`
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
    ) GROUP BY id ORDER BY key, id LIMIT ${limit}`);
  return found.map((r) => (r.type === 'company' ? companyHit({ id: r.id, name: r.display_name, website: r.website }) : contactHit(r)));
}

export const contactTextHits: TextSearch = async (db, match, fetch) => {
  const rows = await readRows(db, sql<ContactHitRow & { score: number; deleted_at: string | null }>`
      SELECT c.id, c.display_name, c.job_title, co.name AS company, c.emails, c.deleted_at, f.score
      FROM (SELECT rowid, bm25(contacts_fts, 10.0, 5.0, 2.0, 2.0, 1.0) AS score FROM contacts_fts
            WHERE contacts_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN contacts c ON c.seq = f.rowid LEFT JOIN companies co ON co.id = c.company_id
      ORDER BY f.score`);
  return rows.map((r) => ({ hit: contactHit(r), score: r.score, deletedAt: r.deleted_at }));
};

export const companyTextHits: TextSearch = async (db, match, fetch) => {
  const rows = await readRows(db, sql<{ id: string; name: string; website: string | null; score: number; deleted_at: string | null }>`
      SELECT co.id, co.name, co.website, co.deleted_at, f.score
      FROM (SELECT rowid, bm25(companies_fts, 10.0, 3.0, 5.0, 2.0, 1.0) AS score FROM companies_fts
            WHERE companies_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN companies co ON co.seq = f.rowid
      ORDER BY f.score`);
  return rows.map((r) => ({ hit: companyHit(r), score: r.score, deletedAt: r.deleted_at }));
};

export const activityTextHits: TextSearch = async (db, match, fetch) => {
  const rows = await readRows(db, sql<{ id: string; type: string; subject: string | null; contact: string; contact_id: string; occurred_at: string; score: number; deleted_at: string | null }>`
      SELECT a.id, a.type, a.subject, c.display_name AS contact, a.contact_id, a.occurred_at, a.deleted_at, f.score
      FROM (SELECT rowid, bm25(activities_fts, 4.0, 1.0) AS score FROM activities_fts
            WHERE activities_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN activities a ON a.seq = f.rowid JOIN contacts c ON c.id = a.contact_id
      ORDER BY f.score`);
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
  const rows = await readRows(db, sql<{ id: string; title: string; contact: string | null; contact_id: string | null; stage: string; score: number; deleted_at: string | null }>`
      SELECT j.id, j.title, c.display_name AS contact, j.contact_id, s.name AS stage, j.deleted_at, f.score
      FROM (SELECT rowid, bm25(jobs_fts, 6.0, 1.0) AS score FROM jobs_fts
            WHERE jobs_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN jobs j ON j.seq = f.rowid JOIN pipeline_stages s ON s.id = j.stage_id LEFT JOIN contacts c ON c.id = j.contact_id
      ORDER BY f.score`);
  return rows.map((r) => ({
    hit: { type: 'job', id: r.id, title: r.title, subtitle: [r.stage, r.contact].filter(Boolean).join(' · '), ...(r.contact_id ? { contactId: r.contact_id } : {}) },
    score: r.score,
    deletedAt: r.deleted_at,
  }));
};

/** The types whose values search.global looks into: TEXT_LIKE_TYPES (shared/domain/custom-fields.ts), as SQL. */
const TEXT_LIKE = sql.join([...TEXT_LIKE_TYPES].map((t) => sql`${t}`));

/** Text-like custom values meeting `condition`, each with its live record (0 for "starts with", 1 for "holds"). */
const customMatches = (phase: 0 | 1, condition: RawBuilder<SqlBool>) => sql`
    SELECT ${phase} AS phase, f.record_type AS type, v.record_id AS id, coalesce(c.display_name, co.name, j.title) AS title, f.label, v.text_value AS value, j.contact_id
    FROM custom_fields f CROSS JOIN custom_values v ON v.field_id = f.id
      LEFT JOIN contacts c ON f.record_type = 'contact' AND c.id = v.record_id
      LEFT JOIN companies co ON f.record_type = 'company' AND co.id = v.record_id
      LEFT JOIN jobs j ON f.record_type = 'job' AND j.id = v.record_id
    WHERE f.deleted_at IS NULL AND f.archived = 0 AND f.type IN (${TEXT_LIKE}) AND ${condition}
      AND coalesce(c.id, co.id, j.id) IS NOT NULL AND coalesce(c.deleted_at, co.deleted_at, j.deleted_at) IS NULL`;

/**
 * Live contacts, companies and jobs whose text-like custom field (issue #19) holds `needle` (folded: case and accents
 * ignored): the values that start with it first (a range of the (field_id, sort_text) index), then those that hold it
 * further in, each group by title; each hit names the field and its value. A record may come twice (two fields): the
 * caller dedupes.
 *
 * Why a substring test over custom_values.sort_text and not FTS: the values are already stored folded there, fields
 * come, go and change type (an FTS table would need a migration and triggers on every one of those paths), and what
 * people look these fields up by is a code or a number ("4417" in "4417#", or inside "GB 123 4417 00"), which a
 * substring finds and an FTS word prefix does not always. The cost stays bounded: one statement, a compound SELECT
 * without ORDER BY, so SQLite stops at `fetch` hits; the substring part reads only the text-like fields' index entries
 * (a miss over 70,000 values took ~20 ms on a loaded 2-core machine); with no shown text-like field the service
 * does not run it at all (search.global's plain path: the definitions it checks are kept in memory). Archived and
 * deleted fields are left out: what forms hide, search does not surface.
 */
export async function customValueHits(db: Kysely<DB>, needle: string, fetch: number): Promise<SearchHit[]> {
  if (needle === '') return [];
  const starts = sql<SqlBool>`v.sort_text >= ${needle} AND v.sort_text < ${needle + AFTER_PREFIX}`;
  const rows = await readRows(db, sql<CustomHitRow>`${customMatches(0, starts)}
    UNION ALL ${customMatches(1, sql<SqlBool>`instr(v.sort_text, ${needle}) > 1`)}
    LIMIT ${fetch}`);
  return rows
    .sort((a, b) => a.phase - b.phase || a.title.localeCompare(b.title))
    .map((r) => ({
      type: r.type,
      id: r.id,
      title: r.title,
      subtitle: `${r.label}: ${r.value.length > 80 ? `${r.value.slice(0, 80)}…` : r.value}`,
      ...(r.contact_id ? { contactId: r.contact_id } : {}),
    }));
}

interface CustomHitRow {
  phase: number;
  type: 'contact' | 'company' | 'job';
  id: string;
  title: string;
  label: string;
  value: string;
  contact_id: string | null;
}

export const taskTextHits: TextSearch = async (db, match, fetch) => {
  const rows = await readRows(db, sql<{ id: string; title: string; contact: string | null; contact_id: string | null; due_at: string | null; score: number; deleted_at: string | null }>`
      SELECT t.id, t.title, c.display_name AS contact, t.contact_id, t.due_at, t.deleted_at, f.score
      FROM (SELECT rowid, bm25(tasks_fts, 4.0, 1.0) AS score FROM tasks_fts
            WHERE tasks_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN tasks t ON t.seq = f.rowid LEFT JOIN contacts c ON c.id = t.contact_id
      ORDER BY f.score`);
  return rows.map((r) => {
    const subtitle = [r.contact, r.due_at ? `due ${r.due_at.slice(0, 10)}` : null].filter(Boolean).join(' · ');
    const hit: SearchHit = { type: 'task', id: r.id, title: r.title, ...(subtitle ? { subtitle } : {}), ...(r.contact_id ? { contactId: r.contact_id } : {}) };
    return { hit, score: r.score, deletedAt: r.deleted_at };
  });
};

/** Every tag in use, with how many live contacts and companies carry it, case-insensitively merged. */
export async function tagCounts(db: Kysely<DB>): Promise<{ tag: string; contacts: number; companies: number }[]> {
  const found = await readRows(db, sql<{ tag: string; contacts: number; companies: number }>`
        SELECT tag, sum(contacts) AS contacts, sum(companies) AS companies FROM (
          SELECT tag, count(*) AS contacts, 0 AS companies FROM contact_tags GROUP BY tag
          UNION ALL
          SELECT tag, 0, count(*) FROM company_tags GROUP BY tag
        ) GROUP BY tag COLLATE NOCASE ORDER BY tag COLLATE NOCASE`);
  return found.map((r) => ({ tag: r.tag, contacts: Number(r.contacts), companies: Number(r.companies) }));
}

interface CaseHitRow {
  id: string;
  number: number;
  subject: string;
  contact: string;
  contact_id: string;
  deleted_at: string | null;
}

/** 'C-0042 · subject', the contact's name below; in Trash when the case or its contact is (issue #22). */
function caseHit(r: CaseHitRow): SearchHit {
  return { type: 'case', id: r.id, title: `C-${String(r.number).padStart(4, '0')} · ${r.subject}`, subtitle: r.contact, contactId: r.contact_id };
}

/** The case with this number, when it is live (its contact too): what typing "C-0042" means. */
export async function caseByNumber(db: Kysely<DB>, number: number): Promise<SearchHit | null> {
  const rows = await readRows(db, sql<CaseHitRow>`
      SELECT k.id, k.number, k.subject, c.display_name AS contact, k.contact_id, coalesce(k.deleted_at, c.deleted_at) AS deleted_at
      FROM cases k JOIN contacts c ON c.id = k.contact_id
      WHERE k.number = ${number} AND k.deleted_at IS NULL AND c.deleted_at IS NULL`);
  return rows[0] ? caseHit(rows[0]) : null;
}

export const caseTextHits: TextSearch = async (db, match, fetch) => {
  const rows = await readRows(db, sql<CaseHitRow & { score: number }>`
      SELECT k.id, k.number, k.subject, c.display_name AS contact, k.contact_id, coalesce(k.deleted_at, c.deleted_at) AS deleted_at, f.score
      FROM (SELECT rowid, bm25(cases_fts, 6.0, 1.0) AS score FROM cases_fts
            WHERE cases_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN cases k ON k.seq = f.rowid JOIN contacts c ON c.id = k.contact_id
      ORDER BY f.score`);
  return rows.map((r) => ({ hit: caseHit(r), score: r.score, deletedAt: r.deleted_at }));
};
