// Documents' part of search.global: names, notes and text contents through documents_fts, ranked inside
// the FTS table before joining rows (as every kind in search.service.ts). tests/bench/run.ts mirrors this
// SQL on raw better-sqlite3: change both together. No `electron` import.
import { sql, type Kysely } from 'kysely';
import type { SearchHit } from '../../../shared/domain/contact';
import type { DB } from '../../db/schema';

type TextHit = { hit: SearchHit; score: number; deleted_at: string | null };

export async function documentTextHits(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
  const { rows } = await sql<{ id: string; name: string; created_at: string; linked: string | null; contact_id: string | null; score: number; deleted_at: string | null }>`
    SELECT d.id, d.name, d.created_at, d.deleted_at, f.score,
      (SELECT coalesce(c.display_name, co.name, j.title) FROM document_links l LEFT JOIN contacts c ON c.id = l.contact_id
        LEFT JOIN companies co ON co.id = l.company_id LEFT JOIN jobs j ON j.id = l.job_id
        WHERE l.document_id = d.id ORDER BY l.created_at LIMIT 1) AS linked,
      (SELECT l.contact_id FROM document_links l WHERE l.document_id = d.id AND l.contact_id IS NOT NULL ORDER BY l.created_at LIMIT 1) AS contact_id
    FROM (SELECT rowid, bm25(documents_fts, 6.0, 2.0, 1.0) AS score FROM documents_fts
          WHERE documents_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
    JOIN documents d ON d.seq = f.rowid
    ORDER BY f.score`.execute(db);
  return rows.map((r) => {
    const subtitle = [r.linked, r.created_at.slice(0, 10)].filter(Boolean).join(' · ');
    const hit: SearchHit = { type: 'document', id: r.id, title: r.name, subtitle, ...(r.contact_id ? { contactId: r.contact_id } : {}) };
    return { hit, score: r.score, deleted_at: r.deleted_at };
  });
}
