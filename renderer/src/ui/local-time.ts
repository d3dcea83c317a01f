// Local wall-clock helpers the forms share: only the renderer knows the user's time zone, so "tomorrow at 9"
// and a datetime-local input's text are computed here. Pure (date-fns only); imports no feature.
import { addDays, addWeeks, format, set, startOfWeek } from 'date-fns';

/** A date as a datetime-local input holds it: "2026-11-22T09:30". */
export const toLocalInput = (date: Date) => format(date, "yyyy-MM-dd'T'HH:mm");

const at9 = (d: Date) => set(d, { hours: 9, minutes: 0, seconds: 0, milliseconds: 0 });
export const tomorrowAt9 = (now = new Date()) => at9(addDays(now, 1));
/** Monday of next week (weeks start on Monday), 9:00. */
export const nextWeekAt9 = (now = new Date()) => at9(startOfWeek(addWeeks(now, 1), { weekStartsOn: 1 }));
