// What a calendar import would do, shared by its preview and its run: the picked file read safely (size checked
// first, never quoted in an error), its events parsed by ics.ts, and each one planned against the store by UID
// (create, update the fields a file carries, leave unchanged, or skip). No SQL here; no `electron` import.
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { AppointmentCreate, type Recurrence } from '../../../shared/domain/appointment';
import type { CalendarEventAction, CalendarImportNote } from '../../../shared/domain/calendar-import';
import { AppError } from '../../../shared/ipc/errors';
import { findAppointmentByUid, type AppointmentRecord, type StoredAppointment } from '../../db/schedule.repo';
import type { DB } from '../../db/schema';
import { checkFile, checkPicked as checkPickedFile, readChecked, type PickMemory } from '../files/picked';
import { MAX_REMINDER_MINUTES, newAppointment, sameRule } from './fields';
import { importedEvents, notACalendar, parseIcsInSteps, type IcsWarning, type ImportedEvent, type ParsedIcs } from './ics';

/** Larger than any real calendar export; refused before a byte is read (files/picked.ts's `calendar` limit). */
export const MAX_CALENDAR_BYTES = 50 * 1024 * 1024;

/** Only what a calendar file carries is compared and written on re-import; the contact, job and Trash state stay ours. */
const FILE_FIELDS = ['title', 'startsAt', 'endsAt', 'allDay', 'location', 'notes', 'kind', 'recurrence', 'reminderMinutes'] as const;
/** A change to any of these re-arms the appointment's reminder. */
const REMINDER_FIELDS: readonly (typeof FILE_FIELDS)[number][] = ['startsAt', 'allDay', 'recurrence', 'reminderMinutes'];

export interface ReadEvent {
  event: ImportedEvent;
  line: number | null;
}

export interface ReadCalendar {
  fileName: string;
  events: ReadEvent[];
  warnings: CalendarImportNote[];
  /** Events the file has that cannot be imported, and why. */
  problems: CalendarImportNote[];
}

/** Only a file chosen with the open dialog may be read (files/picked.ts: the rule every channel shares). */
export function checkPicked(picks: PickMemory, path: string): void {
  checkPickedFile(picks, path, 'path', 'calendar', { maxBytes: MAX_CALENDAR_BYTES });
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** An event's name in the report: its title, short (the report lists it; it never goes in an error message). */
const eventName = (title: string | null | undefined) => (title?.trim() || '(No title)').slice(0, 120);

/** A parser warning as a report note: `"Title" (line 12) has no start; it was skipped` -> event, line, reason. */
function noteOf(warning: IcsWarning): CalendarImportNote {
  const named = /^(?:"(.*)"|An event) \(line (\d+)\) (.*)$/s.exec(warning.message);
  if (named) return { event: eventName(named[1]), line: warning.line ?? Number(named[2]), reason: named[3]! };
  return { event: '', line: warning.line ?? null, reason: warning.message };
}

/** Reads and parses a picked .ics file. Every failure is a VALIDATION error on `path` in our own words. */
export async function readCalendarFile(path: string): Promise<ReadCalendar> {
  // Checked again here (a file, not a link, device or /proc, within the limit), so no caller can skip it.
  const limit = { maxBytes: MAX_CALENDAR_BYTES };
  const bytes = await readChecked(checkFile(path, 'path', 'calendar', limit), 'path', 'calendar', limit);
  if (bytes.length === 0) throw AppError.validation('path', 'This file is empty');
  let parsed: ParsedIcs;
  try {
    // In steps: a large calendar never holds up other calls (issue #16).
    parsed = await parseIcsInSteps(decode(bytes));
  } catch {
    // parseIcs never throws by design; if it ever does, the file is still the user's problem to hear about, not INTERNAL.
    throw AppError.validation('path', 'This calendar file could not be read');
  }
  if (notACalendar(parsed)) throw AppError.validation('path', 'This is not an iCalendar (.ics) file: no calendar could be read from it');
  const out: ReadCalendar = { fileName: basename(path), events: importedEvents(parsed.events), warnings: [], problems: [] };
  for (const w of parsed.warnings) (/was skipped$/.test(w.message) ? out.problems : out.warnings).push(noteOf(w));
  return out;
}

export type Plan =
  | { action: 'create'; record: AppointmentRecord }
  | { action: 'update'; existing: StoredAppointment; patch: Partial<AppointmentRecord> }
  | { action: 'unchanged' | 'trashed'; existing: StoredAppointment }
  | { action: 'invalid'; reason: string };

/** The record a file's event becomes (limits applied as the contract has them), or why it cannot be one. */
function recordOf(event: ImportedEvent, id: string, now: string): AppointmentRecord | { reason: string } {
  const checked = AppointmentCreate.safeParse({
    title: event.title.slice(0, 200),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    allDay: event.allDay,
    location: event.location?.slice(0, 300) ?? null,
    notes: event.notes?.slice(0, 20_000) ?? null,
    kind: event.kind,
    recurrence: event.recurrence,
    reminderMinutes: event.reminderMinutes !== null ? Math.min(event.reminderMinutes, MAX_REMINDER_MINUTES) : null,
  });
  if (!checked.success) return { reason: unstorable(checked.error.issues.map((i) => String(i.path[0] ?? ''))) };
  try {
    return newAppointment(checked.data, id, event.uid, now);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { reason: error.issues ? unstorable(error.issues.map((i) => i.path.split('.')[0] ?? '')) : error.message };
  }
}

/** What importing one event does to the store (nothing is written here). */
export async function planEvent(db: Kysely<DB>, event: ImportedEvent, now: string, newId: () => string): Promise<Plan> {
  const existing = await findAppointmentByUid(db, event.uid);
  const record = recordOf(event, existing?.id ?? newId(), now);
  if ('reason' in record) return { action: 'invalid', reason: record.reason };
  if (!existing) return { action: 'create', record };
  const changed = FILE_FIELDS.filter((f) => (f === 'recurrence' ? !sameRule(record.recurrence, existing.recurrence) : record[f] !== existing[f]));
  if (changed.length === 0) return { action: 'unchanged', existing };
  // A deleted appointment stays deleted: bringing it back is Trash's job, not a file's.
  if (existing.deletedAt) return { action: 'trashed', existing };
  const patch: Partial<AppointmentRecord> = { updatedAt: now, seriesEnd: record.seriesEnd, longSpan: record.longSpan };
  for (const f of changed) Object.assign(patch, { [f]: record[f] });
  if (changed.some((f) => REMINDER_FIELDS.includes(f))) patch.remindedUntil = null;
  return { action: 'update', existing, patch };
}

export const PREVIEW_ACTION: Record<Exclude<Plan['action'], 'invalid'>, CalendarEventAction> = { create: 'create', update: 'update', unchanged: 'unchanged', trashed: 'trashed' };

export const SKIP_REASON = {
  unchanged: 'already in the schedule, unchanged',
  trashed: 'is in Trash: restore it there to bring it back',
  duplicate: 'appears more than once in the file; the first one was used',
} as const;

const DAY_NAMES: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const UNITS: Record<string, string> = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' };

/** "Every 2 weeks on Mon, Wed until 2027-01-31": how the preview says a repeat. */
export function repeatSummary(rule: Recurrence | null): string | null {
  if (!rule) return null;
  const unit = UNITS[rule.freq] ?? 'time';
  let text = rule.interval > 1 ? `Every ${rule.interval} ${unit}s` : `Every ${unit}`;
  if (rule.byWeekday?.length) text += ` on ${rule.byWeekday.map((d) => DAY_NAMES[d] ?? d).join(', ')}`;
  if (rule.count) text += `, ${rule.count} times`;
  else if (rule.until) text += ` until ${rule.until}`;
  if (rule.exceptDates?.length) text += ` (${rule.exceptDates.length} skipped)`;
  return text;
}

export const noteName = eventName;

const FIELD_NAMES: Record<string, string> = {
  title: 'title', startsAt: 'start', endsAt: 'end', allDay: 'all-day flag', location: 'place', notes: 'description',
  kind: 'category', recurrence: 'repeat rule', reminderMinutes: 'reminder',
};

/** The report's words for an event the schedule cannot hold: which of its fields, never the validator's own text. */
function unstorable(fields: string[]): string {
  const names = [...new Set(fields.map((f) => FIELD_NAMES[f] ?? 'details'))];
  return `its ${names.join(', ')} cannot be stored in the schedule`;
}
