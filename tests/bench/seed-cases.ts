// Seeds 50,000 support cases (issue #22) over the seeded contacts, fast: raw SQL, multi-row INSERTs in one
// transaction, with plausible clock cache columns (category, due times, business times, met flags, ratings, reopens)
// as recompute.ts would have written them, and a 'created' entry (plus a 'reply' for answered cases) in each log.
// Cases are opened over 2024-07-01 .. 2026-01-01, so a 2025 report covers about two thirds of them.
import Database from 'better-sqlite3';
import { v7 } from 'uuid';
import { BUILT_IN_STATUSES } from '../../electron/db/migrations/0023_cases';
import { lcg } from './random';

const HOUR = 3_600_000;
const FROM = Date.parse('2024-07-01T00:00:00Z');
const TO = Date.parse('2026-01-01T00:00:00Z');
/** Default targets (db/service.repo.ts), in business hours: response, resolution. */
const TARGETS = { low: [16, 80], normal: [8, 40], high: [4, 16], urgent: [1, 8] } as const;
const TYPES = ['question', 'problem', 'request', 'complaint', 'warranty', 'other'] as const;
const SUBJECTS = ['Boiler not firing', 'Invoice query', 'Late delivery', 'Leaking tap', 'Warranty claim', 'Refund request', 'Broken hinge', 'Wrong colour', 'Password reset', 'Missed appointment'];
const STATUS = Object.fromEntries(BUILT_IN_STATUSES.map(([id, key]) => [key, id])) as Record<(typeof BUILT_IN_STATUSES)[number][1], string>;
/** Rows per INSERT: 40 columns each, well under SQLite's 32,766 bound parameters. */
const BATCH = 500;

export function seedCases(file: string, total = 50_000): { cases: number; ms: number } {
  const started = process.hrtime.bigint();
  const db = new Database(file);
  const next = lcg(22);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const contacts = (db.prepare(`SELECT id FROM contacts WHERE deleted_at IS NULL`).all() as { id: string }[]).map((c) => c.id);
  const caseColumns = `id, number, subject, description, contact_id, type, priority, channel, status_id, category, reopen_count, opened_ms,
    first_response_ms, resolved_ms, response_due_ms, resolution_due_ms, next_due_ms, due_kind, response_business_ms, resolution_business_ms,
    response_met, resolution_met, rating_score, rating_at, rating_source, created_at, updated_at, deleted_at`;
  const width = caseColumns.split(',').length;
  const insertCases = db.prepare(`INSERT INTO cases (${caseColumns}) VALUES ${Array.from({ length: BATCH }, () => `(${Array(width).fill('?').join(',')})`).join(',')}`);
  const insertEvents = (n: number) => db.prepare(`INSERT INTO case_events (id, case_id, at, kind, direction, category, priority, created_at) VALUES ${Array.from({ length: n }, () => '(?,?,?,?,?,?,?,?)').join(',')}`);
  db.transaction(() => {
    for (let start = 0; start < total; start += BATCH) {
      const cases: unknown[] = [];
      const events: unknown[] = [];
      for (let i = start; i < start + BATCH; i++) {
        const id = v7();
        const opened = FROM + Math.floor(next() * (TO - FROM));
        const priority = next() < 0.05 ? 'urgent' : next() < 0.2 ? 'high' : next() < 0.8 ? 'normal' : 'low';
        const [responseH, resolutionH] = TARGETS[priority];
        // Recent cases are more often still open; a few old ones linger.
        const age = (TO - opened) / (TO - FROM);
        const roll = next();
        const category = roll < 0.02 + 0.3 * (1 - age) ** 8 ? 'open' : roll < 0.04 + 0.35 * (1 - age) ** 8 ? 'waiting' : roll < 0.8 ? 'resolved' : 'closed';
        const done = category === 'resolved' || category === 'closed';
        const answered = done || next() < 0.7;
        const responseMs = answered ? Math.floor((0.1 + next() * 1.6 * responseH) * HOUR) : null;
        const resolutionMs = done ? Math.floor((0.5 + next() * 1.5 * resolutionH) * HOUR) : null;
        const responseDue = opened + responseH * HOUR * 2;
        const resolutionDue = category === 'waiting' ? null : opened + resolutionH * HOUR * 2;
        const pendingDue = done ? null : answered ? resolutionDue : responseDue;
        const rated = done && next() < 0.3;
        const at = new Date(opened).toISOString();
        const resolvedAt = done ? opened + resolutionMs! * 2 : null;
        cases.push(
          id, i + 1, pick(SUBJECTS), next() < 0.5 ? 'The customer rang about this' : null, pick(contacts), pick(TYPES), priority, pick(['phone', 'email', 'web']),
          STATUS[category === 'open' ? 'inProgress' : category === 'waiting' ? 'waitingCustomer' : category], category, done && next() < 0.05 ? 1 : 0, opened,
          answered ? opened + responseMs! * 2 : null, resolvedAt, responseDue, resolutionDue, pendingDue, pendingDue === null ? null : answered ? 'resolution' : 'response',
          responseMs, resolutionMs, answered ? Number(responseMs! <= responseH * HOUR) : null, done ? Number(resolutionMs! <= resolutionH * HOUR) : null,
          rated ? 1 + Math.floor(next() * 5) : null, rated ? new Date(resolvedAt! + 86_400_000).toISOString() : null, rated ? 'email' : null,
          at, at, next() < 0.01 ? at : null,
        );
        events.push(v7(), id, opened, 'created', null, 'open', priority, at);
        if (answered) events.push(v7(), id, opened + responseMs! * 2, 'reply', 'outbound', null, null, at);
      }
      insertCases.run(...cases);
      insertEvents(events.length / 8).run(...events);
    }
    db.prepare(`UPDATE case_counter SET last = ?`).run(total);
  })();
  db.close();
  return { cases: total, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}
