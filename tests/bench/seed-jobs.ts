// Seeds 10,000 jobs across the pipeline (a few currencies, some undated, some trashed) onto a seeded
// contacts file, through the triggers (stage history, FTS) as the app would write them.
import Database from 'better-sqlite3';
import { v7 } from 'uuid';
import { foldForSort } from '../../shared/domain/text';
import { lcg } from './random';

const TITLES = ['Kitchen refit', 'Bathroom', 'Boiler service', 'Wedding shoot', 'Garden design', 'Rewire', 'Loft conversion', 'Survey', 'Tax return', 'Portrait session'];

export function seedJobs(file: string, total = 10_000): { jobs: number; ms: number } {
  const started = process.hrtime.bigint();
  const db = new Database(file);
  const next = lcg(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const stages = (db.prepare(`SELECT id FROM pipeline_stages ORDER BY position`).all() as { id: string }[]).map((s) => s.id);
  const contacts = db.prepare(`SELECT id, company_id FROM contacts WHERE deleted_at IS NULL LIMIT 20000`).all() as { id: string; company_id: string | null }[];
  const insert = db.prepare(`INSERT INTO jobs (id, title, sort_title, contact_id, company_id, stage_id, amount_minor, currency, due_date, probability, rank, stage_changed_at, created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const contact = pick(contacts);
      const title = `${pick(TITLES)} ${i}`;
      const at = new Date(Date.parse('2024-01-01T00:00:00Z') + Math.floor(next() * 1000 * 24 * 3600 * 1000)).toISOString();
      insert.run(
        v7(),
        title,
        foldForSort(title),
        contact.id,
        contact.company_id,
        pick(stages),
        next() < 0.9 ? Math.floor(next() * 2_000_000) : null,
        next() < 0.9 ? 'GBP' : pick(['EUR', 'USD']),
        next() < 0.8 ? at.slice(0, 10) : null,
        next() < 0.5 ? Math.floor(next() * 100) : null,
        i,
        at,
        at,
        at,
        next() < 0.02 ? at : null,
      );
    }
  })();
  db.close();
  return { jobs: total, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}
