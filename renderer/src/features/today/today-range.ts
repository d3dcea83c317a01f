// The local day's and week's bounds for tasks.today, computed here because only the renderer knows the
// user's time zone. Weeks start on Monday.
import { addDays, endOfWeek, startOfDay } from 'date-fns';

export function todayRange(now = new Date()) {
  const dayStart = startOfDay(now);
  const dayEnd = addDays(dayStart, 1);
  // The rest of this week; on a Sunday "this week" would be empty, so it runs to the end of next week.
  const weekEndOfThis = addDays(startOfDay(endOfWeek(now, { weekStartsOn: 1 })), 1);
  const weekEnd = weekEndOfThis.getTime() === dayEnd.getTime() ? addDays(weekEndOfThis, 7) : weekEndOfThis;
  return { dayStart: dayStart.toISOString(), dayEnd: dayEnd.toISOString(), weekEnd: weekEnd.toISOString() };
}
