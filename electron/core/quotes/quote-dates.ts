// Days as the user means them for quotes (issue #23): "today" in the business calendar's time zone (a quote sent at
// 23:30 in London is issued that day, not the UTC one), validity dates, the next working day, and a date in words
// for messages. Dates are 'YYYY-MM-DD'. No SQL beyond reading the calendar setting.
import type { Kysely } from 'kysely';
import { loadCalendar } from '../../db/service.repo';
import type { DB } from '../../db/schema';
import { dateStart } from '../cases/case-open';
import { DAY_MS, WEEKDAYS } from '../cases/business-calendar';
import { toWall } from '../schedule/zones';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface QuoteDays {
  timeZone: string;
  /** Today in the user's time zone. */
  today: string;
  /** Midnight of a date in the user's time zone, as a UTC instant (an all-day task's due_at). */
  dueAt(date: string): string;
  /** The first day after `date` with opening hours that is not a holiday (Monday to Friday by default). */
  nextWorkingDay(date: string): string;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "12 January 2027": fixed English month names, so a message reads the same on every machine. */
export function dateInWords(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

export async function quoteDays(db: Kysely<DB>, nowMs: number): Promise<QuoteDays> {
  const calendar = await loadCalendar(db);
  const { timeZone } = calendar;
  const today = new Date(toWall(timeZone, nowMs)).toISOString().slice(0, 10);
  return {
    timeZone,
    today,
    dueAt: (date) => dateStart(timeZone, date),
    nextWorkingDay(date) {
      for (let i = 1; i <= 14; i++) {
        const day = addDays(date, i);
        // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
        const weekday = WEEKDAYS[(new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7]!;
        if (calendar.hours[weekday].length > 0 && !calendar.holidays.includes(day)) return day;
      }
      // A calendar with no opening hours at all: tomorrow.
      return addDays(date, 1);
    },
  };
}
