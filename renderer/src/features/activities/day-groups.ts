// Groups things that happened (or fall due) by local day, with headings people say: Today, Yesterday,
// Tuesday (within the week), or a date.
import { differenceInCalendarDays, format, isToday, isTomorrow, isYesterday, startOfDay } from 'date-fns';

export function dayHeading(date: Date, now = new Date()): string {
  if (isToday(date)) return 'Today';
  if (isYesterday(date)) return 'Yesterday';
  if (isTomorrow(date)) return 'Tomorrow';
  const days = differenceInCalendarDays(date, now);
  if (days > -7 && days < 7) return format(date, 'EEEE');
  return format(date, date.getFullYear() === now.getFullYear() ? 'EEEE d MMMM' : 'd MMMM yyyy');
}

export interface DayGroup<T> {
  key: string;
  heading: string;
  items: T[];
}

/** Items must already be in order; consecutive items on the same day share a group. */
export function groupByDay<T>(items: readonly T[], dateOf: (item: T) => string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const date = new Date(dateOf(item));
    const key = startOfDay(date).toISOString();
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, heading: dayHeading(date), items: [item] });
  }
  return groups;
}
