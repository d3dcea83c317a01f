// Seeds 50,000 appointments over three years (about 1,400 a month): a very busy diary. 0.4% of them
// (about 200) are repeating series, weekly or monthly, most ending within a year, some open-ended: more
// standing arrangements than a sole trader keeps. Written through the triggers as the app would write them.
import Database from 'better-sqlite3';
import { v7 } from 'uuid';
import { lcg } from './random';

const TITLES = ['Site visit', 'Quote meeting', 'Call back', 'Boiler service', 'Survey', 'Fitting', 'Photo shoot', 'Review'];
const KINDS = ['meeting', 'call', 'visit', 'other'] as const;
const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 3 * 365 * 24 * 3600 * 1000;

export function seedAppointments(file: string, total = 50_000): { appointments: number; ms: number } {
  const started = process.hrtime.bigint();
  const db = new Database(file);
  const next = lcg(23);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const contacts = (db.prepare(`SELECT id FROM contacts WHERE deleted_at IS NULL LIMIT 5000`).all() as { id: string }[]).map((c) => c.id);
  // series_end as the service writes it (an upper bound); long_span stays 0: nothing here lasts over a week.
  const insert = db.prepare(`INSERT INTO appointments (id, uid, title, starts_at, ends_at, all_day, location, contact_id, kind, recurrence, reminder_minutes, created_at, updated_at, series_end)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const id = v7();
      const allDay = next() < 0.05;
      // Working hours, on the quarter hour.
      const day = new Date(START + Math.floor(next() * SPAN));
      day.setUTCHours(8 + Math.floor(next() * 10), Math.floor(next() * 4) * 15, 0, 0);
      const startsAt = allDay ? day.toISOString().slice(0, 10) : day.toISOString();
      const endsAt = allDay ? new Date(day.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10) : new Date(day.getTime() + (30 + Math.floor(next() * 4) * 30) * 60_000).toISOString();
      let recurrence: string | null = null;
      if (next() < 0.004) {
        const until = next() < 0.8 ? new Date(day.getTime() + Math.floor(next() * 365) * 24 * 3600 * 1000).toISOString().slice(0, 10) : undefined;
        recurrence = JSON.stringify(next() < 0.7 ? { freq: 'weekly', interval: 1, ...(until ? { until } : {}) } : { freq: 'monthly', interval: 1, ...(until ? { until } : {}) });
      }
      const now = new Date().toISOString();
      const seriesEnd = recurrence === null ? null : (() => {
        const rule = JSON.parse(recurrence) as { until?: string };
        return rule.until ? new Date(Date.parse(`${rule.until}T23:59:59.999Z`) + (allDay ? 3 : 1) * 24 * 3600 * 1000).toISOString() : null;
      })();
      insert.run(id, `${id}@rapport`, pick(TITLES), startsAt, endsAt, allDay ? 1 : 0, next() < 0.5 ? 'On site' : null, next() < 0.8 ? pick(contacts) : null, pick(KINDS), recurrence, next() < 0.5 ? 15 : null, now, now, seriesEnd);
    }
  })();
  db.close();
  return { appointments: total, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}
