// The service settings (issue #22): the business calendar and the targets, each one JSON value in `settings`.
// A value that fails to parse (hand-edited, or from a newer version) reads as the defaults rather than breaking cases.
// Never imports core or `electron`.
import type { Kysely } from 'kysely';
import { BusinessCalendarShape, ServiceTargets } from '../../shared/domain/service';
import type { DB } from './schema';
import { getSetting, setSetting } from './settings.repo';

const CALENDAR_KEY = 'service.calendar';
const TARGETS_KEY = 'service.targets';

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
/** Monday to Friday, 09:00–17:00, in the machine's zone (a sole trader's working week until they say otherwise). */
export function defaultCalendar(): BusinessCalendarShape {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return {
    timeZone,
    hours: { monday: NINE_TO_FIVE, tuesday: NINE_TO_FIVE, wednesday: NINE_TO_FIVE, thursday: NINE_TO_FIVE, friday: NINE_TO_FIVE, saturday: [], sunday: [] },
    holidays: [],
  };
}

const hours = (h: number) => h * 60;
/** In business time: urgent answered within 1 h and fixed within a day; low within 2 days and 2 weeks (8-hour days). */
export function defaultTargets(): ServiceTargets {
  return {
    byPriority: {
      urgent: { responseMinutes: hours(1), resolutionMinutes: hours(8) },
      high: { responseMinutes: hours(4), resolutionMinutes: hours(16) },
      normal: { responseMinutes: hours(8), resolutionMinutes: hours(40) },
      low: { responseMinutes: hours(16), resolutionMinutes: hours(80) },
    },
    overrides: [],
    reopenWithinDays: 7,
  };
}

function parsed<T>(raw: string | null, shape: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, fallback: () => T): T {
  if (raw === null) return fallback();
  try {
    const result = shape.safeParse(JSON.parse(raw));
    return result.success ? result.data : fallback();
  } catch {
    return fallback();
  }
}

export async function loadCalendar(db: Kysely<DB>): Promise<BusinessCalendarShape> {
  return parsed(await getSetting(db, CALENDAR_KEY), BusinessCalendarShape, defaultCalendar);
}

export async function saveCalendar(db: Kysely<DB>, calendar: BusinessCalendarShape): Promise<void> {
  await setSetting(db, CALENDAR_KEY, JSON.stringify(calendar));
}

export async function loadTargets(db: Kysely<DB>): Promise<ServiceTargets> {
  return parsed(await getSetting(db, TARGETS_KEY), ServiceTargets, defaultTargets);
}

export async function saveTargets(db: Kysely<DB>, targets: ServiceTargets): Promise<void> {
  await setSetting(db, TARGETS_KEY, JSON.stringify(targets));
}
