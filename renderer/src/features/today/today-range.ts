// The local day's and week's bounds for tasks.today, and the snooze targets, computed here because
// only the renderer knows the user's time zone. Weeks start on Monday.
import { addDays, addWeeks, endOfWeek, set, startOfDay, startOfWeek } from 'date-fns';

export function todayRange(now = new Date()) {
  const dayStart = startOfDay(now);
  const dayEnd = addDays(dayStart, 1);
  // The rest of this week; on a Sunday "this week" would be empty, so it runs to the end of next week.
  const weekEndOfThis = addDays(startOfDay(endOfWeek(now, { weekStartsOn: 1 })), 1);
  const weekEnd = weekEndOfThis.getTime() === dayEnd.getTime() ? addDays(weekEndOfThis, 7) : weekEndOfThis;
  return { dayStart: dayStart.toISOString(), dayEnd: dayEnd.toISOString(), weekEnd: weekEnd.toISOString() };
}

const at9 = (d: Date) => set(d, { hours: 9, minutes: 0, seconds: 0, milliseconds: 0 });
export const tomorrowAt9 = (now = new Date()) => at9(addDays(now, 1));
export const nextWeekAt9 = (now = new Date()) => at9(startOfWeek(addWeeks(now, 1), { weekStartsOn: 1 }));
