// Seeds 1,000,000 activities onto a seeded contacts file, one contact getting 10,000 of them (a long-
// standing client's timeline). Row-by-row triggers (FTS, last contacted, report summaries) would take minutes
// at this volume, so they are lifted for the bulk insert, then FTS is rebuilt, last_contacted_at and the report
// summaries (migration 0011) computed in one pass each, and the triggers are put back from their stored SQL:
// the same end state, faster.
import Database from 'better-sqlite3';
import { v7 } from 'uuid';
import { REBUILD_ACTIVITY_SUMMARIES } from '../../electron/db/migrations/0011_report_summaries';
import { lcg } from './random';

export interface ActivitySeedResult {
  activities: number;
  heavyContactId: string;
  ms: number;
}

const TYPES = ['call', 'call', 'call', 'email', 'email', 'meeting', 'note', 'letter'] as const;
const OUTCOMES = ['connected', 'connected', 'connected', 'no_answer', 'left_voicemail', 'busy'] as const;
const SUBJECTS = ['Quote follow-up', 'Site visit', 'Invoice query', 'Booking confirmed', 'Revised plans', 'Warranty claim', 'Kitchen survey', 'Payment reminder'];
const START = Date.parse('2023-01-01T00:00:00.000Z');
const END = Date.parse('2026-11-01T00:00:00.000Z');

export function seedActivities(file: string, total = 1_000_000, heavy = 10_000): ActivitySeedResult {
  const started = process.hrtime.bigint();
  const db = new Database(file);
  db.pragma('cache_size = -262144');
  const next = lcg(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;

  const contacts = db.prepare(`SELECT id, company_id FROM contacts WHERE deleted_at IS NULL ORDER BY seq`).all() as { id: string; company_id: string | null }[];
  const heavyContact = contacts[Math.floor(contacts.length / 2)]!;
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'activities'`).all() as { name: string; sql: string }[];
  const insert = db.prepare(`INSERT INTO activities (id, contact_id, company_id, type, direction, occurred_at, duration_seconds, subject, notes, outcome, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    for (let i = 0; i < total; i++) {
      const contact = i < heavy ? heavyContact : pick(contacts);
      const type = pick(TYPES);
      const at = new Date(START + Math.floor(next() * (END - START)));
      const stamp = at.toISOString();
      insert.run(
        v7({ msecs: at.getTime() }),
        contact.id,
        contact.company_id,
        type,
        type === 'note' ? null : next() < 0.5 ? 'outbound' : 'inbound',
        stamp,
        type === 'call' || type === 'meeting' ? Math.floor(next() * 3600) : null,
        next() < 0.6 ? pick(SUBJECTS) : null,
        next() < 0.3 ? 'Discussed the next steps and agreed a date.' : null,
        type === 'call' ? pick(OUTCOMES) : null,
        stamp,
        stamp,
      );
    }
    db.exec(`INSERT INTO activities_fts(activities_fts) VALUES ('rebuild')`);
    db.exec(`UPDATE contacts SET last_contacted_at = coalesce((SELECT max(occurred_at) FROM activities a WHERE a.contact_id = contacts.id
      AND a.deleted_at IS NULL AND a.type <> 'note' AND coalesce(a.outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')), '')`);
    for (const statement of REBUILD_ACTIVITY_SUMMARIES) db.exec(statement);
    for (const t of triggers) db.exec(t.sql);
  })();
  db.close();
  return { activities: total, heavyContactId: heavyContact.id, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}
