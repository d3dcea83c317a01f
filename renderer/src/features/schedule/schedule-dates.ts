// Date arithmetic for the Schedule in the user's time zone: each view's visible range, reading occurrences
// (timed = instants, all-day = plain local dates that must never pass through UTC) and laying out overlaps.
import { addDays, addMinutes, addMonths, endOfMonth, format, isValid, parse, parseISO, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import type { Occurrence } from '../../../../shared/domain/appointment';

export type ScheduleView = 'day' | 'week' | 'month' | 'agenda';
export const WEEK = { weekStartsOn: 1 } as const;
export const AGENDA_DAYS = 30;
export const SNAP_MINUTES = 15;

/** The first and last (exclusive) day the view shows around the anchor date. */
export function viewDays(view: ScheduleView, anchor: Date): { start: Date; end: Date } {
  const day = startOfDay(anchor);
  switch (view) {
    case 'day':
      return { start: day, end: addDays(day, 1) };
    case 'week': {
      const start = startOfWeek(day, WEEK);
      return { start, end: addDays(start, 7) };
    }
    case 'month': {
      const start = startOfWeek(startOfMonth(day), WEEK);
      const last = startOfWeek(endOfMonth(day), WEEK);
      return { start, end: addDays(last, 7) };
    }
    case 'agenda':
      return { start: day, end: addDays(day, AGENDA_DAYS) };
  }
}

export function shiftAnchor(view: ScheduleView, anchor: Date, direction: 1 | -1): Date {
  switch (view) {
    case 'day':
      return addDays(anchor, direction);
    case 'week':
      return addDays(anchor, 7 * direction);
    case 'month':
      return addMonths(anchor, direction);
    case 'agenda':
      return addDays(anchor, AGENDA_DAYS * direction);
  }
}

export function viewTitle(view: ScheduleView, anchor: Date): string {
  const { start, end } = viewDays(view, anchor);
  const last = addDays(end, -1);
  if (view === 'day') return format(anchor, 'EEEE d MMMM yyyy');
  if (view === 'month') return format(anchor, 'MMMM yyyy');
  if (start.getFullYear() !== last.getFullYear()) return `${format(start, 'd MMM yyyy')} – ${format(last, 'd MMM yyyy')}`;
  if (start.getMonth() !== last.getMonth()) return `${format(start, 'd MMM')} – ${format(last, 'd MMM yyyy')}`;
  return `${format(start, 'd')} – ${format(last, 'd MMMM yyyy')}`;
}

/** A plain date ('YYYY-MM-DD') as local midnight; parseISO reads date-only strings as local, never UTC. */
export const localDate = (value: string): Date => parseISO(value.slice(0, 10));
export const dateKey = (date: Date): string => format(date, 'yyyy-MM-dd');

/** Start and end as local Dates; an all-day end is exclusive (the day after the last day). */
export function occurrenceBounds(o: Pick<Occurrence, 'startsAt' | 'endsAt' | 'allDay'>): { start: Date; end: Date } {
  if (o.allDay) return { start: localDate(o.startsAt), end: localDate(o.endsAt) };
  return { start: parseISO(o.startsAt), end: parseISO(o.endsAt) };
}

/** Does the occurrence show on this local day? A zero-length one shows on the day it starts. */
export function onDay(o: Occurrence, day: Date): boolean {
  const { start, end } = occurrenceBounds(o);
  const dayEnd = addDays(day, 1);
  if (o.allDay) return start < dayEnd && (end > start ? end : addDays(start, 1)) > day;
  return start < dayEnd && (end > day || start.getTime() === day.getTime());
}

export const timeLabel = (date: Date): string => format(date, 'HH:mm');

export function occurrenceTime(o: Occurrence): string {
  if (o.allDay) return 'All day';
  const { start, end } = occurrenceBounds(o);
  return `${timeLabel(start)}–${timeLabel(end)}`;
}

export const occurrenceKey = (o: Occurrence): string => `${o.appointmentId}@${o.startsAt}`;

/** A timed occurrence cut to one day, in minutes from that day's midnight, with its column among overlaps. */
export interface DaySegment {
  occurrence: Occurrence;
  startMin: number;
  endMin: number;
  column: number;
  columns: number;
}

export function daySegments(occurrences: readonly Occurrence[], day: Date): DaySegment[] {
  const dayEnd = addDays(day, 1);
  const segments: DaySegment[] = [];
  for (const occurrence of occurrences) {
    if (occurrence.allDay) continue;
    const { start, end } = occurrenceBounds(occurrence);
    if (!(start < dayEnd && end > day) && start.getTime() !== day.getTime()) continue;
    const from = start < day ? day : start;
    const to = end > dayEnd ? dayEnd : end;
    const startMin = (from.getTime() - day.getTime()) / 60_000;
    const endMin = Math.max(startMin + 15, (to.getTime() - day.getTime()) / 60_000);
    segments.push({ occurrence, startMin, endMin, column: 0, columns: 1 });
  }
  segments.sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);
  // Clusters of transitively overlapping segments share the width; each takes the first free column.
  let cluster: DaySegment[] = [];
  let clusterEnd = -1;
  const columnEnds: number[] = [];
  const close = () => {
    for (const s of cluster) s.columns = columnEnds.length;
    cluster = [];
    columnEnds.length = 0;
  };
  for (const s of segments) {
    if (s.startMin >= clusterEnd) close();
    let column = columnEnds.findIndex((endMin) => endMin <= s.startMin);
    if (column === -1) column = columnEnds.push(s.endMin) - 1;
    else columnEnds[column] = s.endMin;
    s.column = column;
    cluster.push(s);
    clusterEnd = Math.max(clusterEnd, s.endMin);
  }
  close();
  return segments;
}

export const snap = (minutes: number, step = SNAP_MINUTES): number => Math.round(minutes / step) * step;

/** A local date and time from the form's native inputs; null when either is incomplete. */
export function fromInputs(date: string, time: string): Date | null {
  const value = parse(`${date} ${time}`, 'yyyy-MM-dd HH:mm', new Date());
  return isValid(value) ? value : null;
}

export const addMinutesTo = (iso: string, minutes: number): string => addMinutes(parseISO(iso), minutes).toISOString();
