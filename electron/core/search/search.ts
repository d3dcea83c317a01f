// Global search and tags: read-only views across kinds. Later kinds (activities, jobs, documents)
// add their own FTS query here and merge by rank. No `electron` import.
//
// Ranking, in two tiers:
//  1. names that start with what was typed (first-name-first, last-name-first, company name) — what a
//     user typing into a search box usually means, and an index range, so instant at any size;
//  2. everything else FTS5 finds (emails, phones, job titles, tags, notes, words inside names; activity
//     subjects and notes; follow-up titles; job titles and notes), by bm25.
// Tier 2 runs only to fill what tier 1 left, and ranks inside the FTS table before joining rows.
import { sql, type Kysely } from 'kysely';
import type { SearchHit } from '../../../shared/domain/contact';
import { foldForSort } from '../../../shared/domain/text';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { toFtsQuery } from '../../db/fts';
import { parseJsonColumn } from '../../db/json';
import type { DB } from '../../db/schema';
import { appointmentTextHits } from '../schedule/appointments';
import { documentTextHits } from '../documents/search';
import type { ServiceDeps } from '../deps';

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
 * Tier 1: live contacts (by first-name-first or last-name-first key) and companies whose name starts with
 * `prefix`, alphabetically by the name that matched. One statement: three index ranges, merged by SQLite.
 */
async function namesStartingWith(db: Kysely<DB>, prefix: string, limit: number): Promise<SearchHit[]> {
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

/**
 * Tier 2: FTS matches by bm25 (lower is better), best `want` that are live and not in `skip`. Ranks inside
 * the FTS table and joins only the top rows; fetches more only when Trash or `skip` ate into them.
 */
async function textMatches(db: Kysely<DB>, match: string, want: number, skip: ReadonlySet<string>): Promise<SearchHit[]> {
  const ranked: { hit: SearchHit; score: number }[] = [];
  for (const kind of Object.keys(TEXT_QUERIES) as (keyof typeof TEXT_QUERIES)[]) {
    for (let fetch = want + skip.size + 10; ; fetch *= 4) {
      const rows = await TEXT_QUERIES[kind](db, match, fetch);
      const usable = rows.filter((r) => r.deleted_at === null && !skip.has(r.hit.id));
      if (usable.length >= want || rows.length < fetch) {
        ranked.push(...usable.slice(0, want));
        break;
      }
    }
  }
  return ranked.sort((a, b) => a.score - b.score).slice(0, want).map((r) => r.hit);
}

type TextHit = { hit: SearchHit; score: number; deleted_at: string | null };

/** One FTS query per kind, each ranking inside its FTS table before joining rows. */
const TEXT_QUERIES = {
  async contacts(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
    const { rows } = await sql<ContactHitRow & { score: number; deleted_at: string | null }>`
      SELECT c.id, c.display_name, c.job_title, co.name AS company, c.emails, c.deleted_at, f.score
      FROM (SELECT rowid, bm25(contacts_fts, 10.0, 5.0, 2.0, 2.0, 1.0) AS score FROM contacts_fts
            WHERE contacts_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN contacts c ON c.seq = f.rowid LEFT JOIN companies co ON co.id = c.company_id
      ORDER BY f.score`.execute(db);
    return rows.map((r) => ({ hit: contactHit(r), score: r.score, deleted_at: r.deleted_at }));
  },
  async companies(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
    const { rows } = await sql<{ id: string; name: string; website: string | null; score: number; deleted_at: string | null }>`
      SELECT co.id, co.name, co.website, co.deleted_at, f.score
      FROM (SELECT rowid, bm25(companies_fts, 10.0, 3.0, 5.0, 2.0, 1.0) AS score FROM companies_fts
            WHERE companies_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN companies co ON co.seq = f.rowid
      ORDER BY f.score`.execute(db);
    return rows.map((r) => ({ hit: companyHit(r), score: r.score, deleted_at: r.deleted_at }));
  },
  async activities(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
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
      deleted_at: r.deleted_at,
    }));
  },
  async jobs(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
    const { rows } = await sql<{ id: string; title: string; contact: string | null; contact_id: string | null; stage: string; score: number; deleted_at: string | null }>`
      SELECT j.id, j.title, c.display_name AS contact, j.contact_id, s.name AS stage, j.deleted_at, f.score
      FROM (SELECT rowid, bm25(jobs_fts, 6.0, 1.0) AS score FROM jobs_fts
            WHERE jobs_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN jobs j ON j.seq = f.rowid JOIN pipeline_stages s ON s.id = j.stage_id LEFT JOIN contacts c ON c.id = j.contact_id
      ORDER BY f.score`.execute(db);
    return rows.map((r) => ({
      hit: { type: 'job', id: r.id, title: r.title, subtitle: [r.stage, r.contact].filter(Boolean).join(' · '), ...(r.contact_id ? { contactId: r.contact_id } : {}) },
      score: r.score,
      deleted_at: r.deleted_at,
    }));
  },
  appointments: appointmentTextHits,
  async tasks(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
    const { rows } = await sql<{ id: string; title: string; contact: string | null; contact_id: string | null; due_at: string | null; score: number; deleted_at: string | null }>`
      SELECT t.id, t.title, c.display_name AS contact, t.contact_id, t.due_at, t.deleted_at, f.score
      FROM (SELECT rowid, bm25(tasks_fts, 4.0, 1.0) AS score FROM tasks_fts
            WHERE tasks_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
      JOIN tasks t ON t.seq = f.rowid LEFT JOIN contacts c ON c.id = t.contact_id
      ORDER BY f.score`.execute(db);
    return rows.map((r) => {
      const subtitle = [r.contact, r.due_at ? `due ${r.due_at.slice(0, 10)}` : null].filter(Boolean).join(' · ');
      const hit: SearchHit = { type: 'task', id: r.id, title: r.title, ...(subtitle ? { subtitle } : {}), ...(r.contact_id ? { contactId: r.contact_id } : {}) };
      return { hit, score: r.score, deleted_at: r.deleted_at };
    });
  },
  documents: documentTextHits,
};

export function createSearchService({ db }: Pick<ServiceDeps, 'db'>) {
  return {
    async global(input: ChannelParsedInput<'search.global'>): Promise<ChannelOutput<'search.global'>> {
      const match = toFtsQuery(input.query);
      if (match === null) return { items: [] };
      const byName = await namesStartingWith(db, foldForSort(input.query), input.limit);
      if (byName.length >= input.limit) return { items: byName };
      const rest = await textMatches(db, match, input.limit - byName.length, new Set(byName.map((h) => h.id)));
      return { items: [...byName, ...rest] };
    },

    async tags(): Promise<ChannelOutput<'tags.list'>> {
      const rows = await sql<{ tag: string; contacts: number; companies: number }>`
        SELECT tag, sum(contacts) AS contacts, sum(companies) AS companies FROM (
          SELECT tag, count(*) AS contacts, 0 AS companies FROM contact_tags GROUP BY tag
          UNION ALL
          SELECT tag, 0, count(*) FROM company_tags GROUP BY tag
        ) GROUP BY tag COLLATE NOCASE ORDER BY tag COLLATE NOCASE`.execute(db);
      return { items: rows.rows.map((r) => ({ tag: r.tag, contacts: Number(r.contacts), companies: Number(r.companies) })) };
    },
  };
}
