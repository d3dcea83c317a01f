// Global search and tags: read-only views across kinds. Later kinds (activities, jobs, documents)
// add a query here and their hits merge by rank. No `electron` import.
import { sql } from 'kysely';
import type { SearchHit } from '../../shared/domain/contact';
import type { ChannelParsedInput, ChannelOutput } from '../../shared/ipc/contract';
import { toFtsQuery } from '../db/fts';
import { parseJsonColumn } from '../db/json';
import type { ServiceDeps } from './deps';

interface RankedHit extends SearchHit {
  score: number;
}

export function createSearchService({ db }: Pick<ServiceDeps, 'db'>) {
  async function contacts(match: string, limit: number): Promise<RankedHit[]> {
    // bm25 weights: name, details (emails, phones), job title, tags, notes. Lower score = better match.
    const rows = await sql<{ id: string; display_name: string; job_title: string | null; company: string | null; emails: string; score: number }>`
      SELECT c.id, c.display_name, c.job_title, co.name AS company, c.emails, f.score
      FROM (SELECT rowid, bm25(contacts_fts, 10.0, 5.0, 2.0, 2.0, 1.0) AS score
            FROM contacts_fts WHERE contacts_fts MATCH ${match}) AS f
      JOIN contacts c ON c.seq = f.rowid
      LEFT JOIN companies co ON co.id = c.company_id
      WHERE c.deleted_at IS NULL
      ORDER BY f.score LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => {
      const email = parseJsonColumn<{ value: string }[]>(r.emails, [])[0]?.value;
      const subtitle = [r.job_title, r.company === r.display_name ? null : r.company, email].filter(Boolean).join(' · ');
      return { type: 'contact', id: r.id, title: r.display_name, ...(subtitle ? { subtitle } : {}), score: r.score };
    });
  }

  async function companies(match: string, limit: number): Promise<RankedHit[]> {
    const rows = await sql<{ id: string; name: string; website: string | null; score: number }>`
      SELECT co.id, co.name, co.website, f.score
      FROM (SELECT rowid, bm25(companies_fts, 10.0, 3.0, 5.0, 2.0, 1.0) AS score
            FROM companies_fts WHERE companies_fts MATCH ${match}) AS f
      JOIN companies co ON co.seq = f.rowid
      WHERE co.deleted_at IS NULL
      ORDER BY f.score LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => ({ type: 'company', id: r.id, title: r.name, ...(r.website ? { subtitle: r.website } : {}), score: r.score }));
  }

  return {
    async global(input: ChannelParsedInput<'search.global'>): Promise<ChannelOutput<'search.global'>> {
      const match = toFtsQuery(input.query);
      if (match === null) return { items: [] };
      const hits = [...(await contacts(match, input.limit)), ...(await companies(match, input.limit))];
      hits.sort((a, b) => a.score - b.score);
      return { items: hits.slice(0, input.limit).map(({ score: _score, ...hit }) => hit) };
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
