// Seeds cases for the report, search and dashboard tests the way the app writes them: a case row plus its log
// ('created', then replies and status changes at epoch ms), and recomputeCase in the same transaction, so the clock
// cache columns (business times, met flags, resolved time) are the app's own, not hand-written.
import { v7 } from 'uuid';
import { recomputeCase } from '../../electron/core/cases/recompute';
import { BUILT_IN_STATUSES } from '../../electron/db/migrations/0023_cases';
import type { Kysely } from 'kysely';
import type { DB } from '../../electron/db/schema';
import { saveCalendar } from '../../electron/db/service.repo';

export const HOUR = 3_600_000;
export const at = (iso: string) => Date.parse(iso);

const STATUS = { open: BUILT_IN_STATUSES[1][0], waiting: BUILT_IN_STATUSES[2][0], resolved: BUILT_IN_STATUSES[4][0], closed: BUILT_IN_STATUSES[5][0] } as const;
type Category = keyof typeof STATUS;

export type SeedEvent = { at: number; kind: 'reply' } | { at: number; kind: 'status' | 'reopened'; category: Category };

export interface SeedCase {
  contactId: string;
  subject: string;
  description?: string;
  type?: 'question' | 'problem' | 'request' | 'complaint' | 'warranty' | 'other';
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  openedMs: number;
  events?: SeedEvent[];
  reopenCount?: number;
  rating?: { score: number; atIso: string };
  deleted?: boolean;
}

/** Round-the-clock hours in UTC: business time equals wall time, so expected figures are plain arithmetic. */
export async function roundTheClock(db: Kysely<DB>, timeZone = 'UTC') {
  const all = [{ start: '00:00', end: '24:00' }];
  await saveCalendar(db, { timeZone, hours: { monday: all, tuesday: all, wednesday: all, thursday: all, friday: all, saturday: all, sunday: all }, holidays: [] });
}

/** Inserts one case and its log, recomputes its clock as of `nowMs`; returns its id and number. */
export async function seedCase(db: Kysely<DB>, c: SeedCase, nowMs: number): Promise<{ id: string; number: number }> {
  return db.transaction().execute(async (trx) => {
    const counter = await trx.updateTable('case_counter').set((eb) => ({ last: eb('last', '+', 1) })).where('id', '=', 1).returning('last').executeTakeFirstOrThrow();
    const id = v7();
    const iso = new Date(c.openedMs).toISOString();
    const last = [...(c.events ?? [])].reverse().find((e) => e.kind !== 'reply') as { category: Category } | undefined;
    const category = last?.category ?? 'open';
    await trx
      .insertInto('cases')
      .values({
        id,
        number: counter.last,
        subject: c.subject,
        description: c.description ?? null,
        contact_id: c.contactId,
        type: c.type ?? 'question',
        priority: c.priority ?? 'normal',
        channel: 'email',
        status_id: STATUS[category],
        category,
        reopen_count: c.reopenCount ?? 0,
        opened_ms: c.openedMs,
        rating_score: c.rating?.score ?? null,
        rating_at: c.rating?.atIso ?? null,
        rating_source: c.rating ? 'manual' : null,
        created_at: iso,
        updated_at: iso,
        deleted_at: c.deleted ? iso : null,
      })
      .execute();
    const event = (e: { at: number; kind: string; category?: Category | null; priority?: string | null; direction?: string | null }) =>
      trx
        .insertInto('case_events')
        .values({
          id: v7(),
          case_id: id,
          at: e.at,
          kind: e.kind as 'created',
          direction: (e.direction ?? null) as 'outbound' | null,
          category: e.category ?? null,
          status_id: e.category ? STATUS[e.category] : null,
          priority: e.priority ?? null,
          created_at: new Date(e.at).toISOString(),
        })
        .execute();
    await event({ at: c.openedMs, kind: 'created', category: 'open', priority: c.priority ?? 'normal' });
    for (const e of c.events ?? []) await event(e.kind === 'reply' ? { ...e, direction: 'outbound' } : e);
    await recomputeCase(trx, id, nowMs);
    return { id, number: counter.last };
  });
}
