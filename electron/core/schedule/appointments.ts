// The schedule: appointments (one-off or recurring, timed or all-day), the occurrences in a range with
// conflicts marked, .ics export/import, their search hits and their reminders. Timed values are stored as UTC
// instants, all-day ones as plain dates that no time zone ever shifts. No `electron` import.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { SearchHit } from '../../../shared/domain/contact';
import { AppointmentCreate, type Appointment, type Occurrence, type Recurrence } from '../../../shared/domain/appointment';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import {
  allLiveAppointments,
  appointmentsInRange,
  findAppointment,
  findAppointmentByUid,
  insertAppointment,
  markReminded,
  recurrenceOf,
  reminderCandidates,
  SHORT_SPAN_MS,
  toAppointment,
  updateAppointment,
  type AppointmentInsert,
  type AppointmentRow,
} from '../../db/appointments.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { addDays, buildCalendar, expandOccurrences, IcsFormatError, isPlainDate, parseCalendar, seriesEnd, type ImportedEvent, type StoredRange } from './ics';
import type { Logger } from '../logger';
import { requireContact, utc } from '../links';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_REMINDER_MINUTES = 60 * 24 * 14;

/** The stored when-fields of an appointment, checked: instants for timed ones, plain dates for all-day ones. */
interface When {
  starts_at: string;
  ends_at: string;
  all_day: number;
  recurrence: Recurrence | null;
  series_end: string | null;
  long_span: number;
}

function checkWhen(input: { startsAt: string; endsAt: string; allDay: boolean; recurrence: Recurrence | null }): When {
  const { startsAt, endsAt, allDay, recurrence } = input;
  for (const [path, value] of [['startsAt', startsAt], ['endsAt', endsAt]] as const) {
    if (allDay && !isPlainDate(value)) throw AppError.validation(path, 'An all-day appointment takes a date (YYYY-MM-DD), not a time');
    if (!allDay && isPlainDate(value)) throw AppError.validation(path, 'Give a time too, or make it all-day');
  }
  const starts_at = allDay ? startsAt : utc(startsAt);
  const ends_at = allDay ? endsAt : utc(endsAt);
  const spanMs = Date.parse(allDay ? `${ends_at}T00:00:00Z` : ends_at) - Date.parse(allDay ? `${starts_at}T00:00:00Z` : starts_at);
  const when: When = {
    starts_at,
    ends_at,
    all_day: allDay ? 1 : 0,
    recurrence,
    series_end: seriesEnd({ startsAt: starts_at, endsAt: ends_at, allDay, recurrence }),
    long_span: spanMs > SHORT_SPAN_MS ? 1 : 0,
  };
  if (allDay ? when.ends_at <= when.starts_at : when.ends_at < when.starts_at) {
    throw AppError.validation('endsAt', allDay ? 'Must end after it starts (the end date is the day after the last day)' : 'Must end after it starts');
  }
  if (recurrence) {
    if (recurrence.byWeekday?.length && recurrence.freq !== 'weekly') throw AppError.validation('recurrence.byWeekday', 'Days of the week apply to weekly repeats only');
    if (recurrence.until !== undefined && recurrence.count !== undefined) throw AppError.validation('recurrence.count', 'Repeat until a date or a number of times, not both');
    if (recurrence.until !== undefined && recurrence.until < when.starts_at.slice(0, 10)) throw AppError.validation('recurrence.until', 'Must not be before the first day');
  }
  return when;
}

/** The rule as stored: defaults filled, empty weekday lists dropped, so equal rules compare equal. */
function normaliseRule(rule: Recurrence | null | undefined): Recurrence | null {
  if (!rule) return null;
  const out: Recurrence = { freq: rule.freq, interval: rule.interval ?? 1 };
  if (rule.byWeekday?.length) out.byWeekday = [...new Set(rule.byWeekday)];
  if (rule.until !== undefined) out.until = rule.until;
  if (rule.count !== undefined) out.count = rule.count;
  if (rule.timeZone !== undefined) out.timeZone = rule.timeZone;
  if (rule.exceptDates?.length) out.exceptDates = [...new Set(rule.exceptDates)].sort();
  return out;
}

const ruleJson = (rule: Recurrence | null) => (rule ? JSON.stringify(rule) : null);

/** The renderer's range in the two forms stored: instants, and its own calendar days (end exclusive). */
export function storedRange(from: string, to: string): StoredRange {
  const toMidnight = /T00:00(:00(\.0+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(to);
  return { fromInstant: utc(from), toInstant: utc(to), fromDay: from.slice(0, 10), toDay: toMidnight ? to.slice(0, 10) : addDays(to.slice(0, 10), 1) };
}

function occurrenceOf(row: AppointmentRow, at: { startsAt: string; endsAt: string }): Occurrence {
  return {
    appointmentId: row.id,
    title: row.title,
    startsAt: at.startsAt,
    endsAt: at.endsAt,
    allDay: row.all_day === 1,
    kind: row.kind as Occurrence['kind'],
    location: row.location,
    contactId: row.contact_id,
    contactName: row.contact_name,
    recurring: row.recurrence !== null,
    conflict: false,
  };
}

function whenOfRow(row: AppointmentRow) {
  return { startsAt: row.starts_at, endsAt: row.ends_at, allDay: row.all_day === 1, recurrence: recurrenceOf(row) };
}

/** Sorted by start; a timed occurrence that overlaps another timed one (touching ends do not) is a conflict. */
export function markConflicts(items: Occurrence[]): Occurrence[] {
  items.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.endsAt < b.endsAt ? -1 : a.endsAt > b.endsAt ? 1 : 0));
  const timed = items.filter((o) => !o.allDay && o.endsAt > o.startsAt);
  for (let i = 0; i < timed.length; i++) {
    const a = timed[i]!;
    for (let j = i + 1; j < timed.length && timed[j]!.startsAt < a.endsAt; j++) {
      a.conflict = true;
      timed[j]!.conflict = true;
    }
  }
  return items;
}

export async function occurrencesBetween(db: Kysely<DB>, range: StoredRange, only: { jobId?: string | undefined; contactId?: string | undefined } = {}): Promise<Occurrence[]> {
  const items: Occurrence[] = [];
  for (const row of await appointmentsInRange(db, range, only)) {
    for (const at of expandOccurrences(whenOfRow(row), range)) items.push(occurrenceOf(row, at));
  }
  return markConflicts(items);
}

export function createAppointmentsService({ db, clock, events, newId }: ServiceDeps) {
  async function load(id: string, from: Kysely<DB> = db): Promise<Appointment> {
    const row = await findAppointment(from, id);
    if (!row) throw AppError.notFound('Appointment', id);
    return toAppointment(row);
  }

  async function change(id: string, action: 'updated' | 'deleted' | 'restored', patch: (current: Appointment, trx: Kysely<DB>) => Promise<Partial<AppointmentInsert>>) {
    const appointment = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      await updateAppointment(trx, id, { ...(await patch(current, trx)), updated_at: clock.now().toISOString() });
      return load(id, trx);
    });
    events.emit('data.changed', { entity: 'appointment', action, ids: [id] });
    return appointment;
  }

  function rowFor(input: ImportedEvent | ChannelParsedInput<'appointments.create'>, id: string, uid: string, now: string): AppointmentInsert {
    const when = checkWhen({ startsAt: input.startsAt, endsAt: input.endsAt, allDay: input.allDay ?? false, recurrence: normaliseRule(input.recurrence) });
    return {
      id,
      uid,
      title: input.title,
      starts_at: when.starts_at,
      ends_at: when.ends_at,
      all_day: when.all_day,
      location: input.location ?? null,
      contact_id: 'contactId' in input ? (input.contactId ?? null) : null,
      job_id: 'jobId' in input ? (input.jobId ?? null) : null,
      notes: input.notes ?? null,
      kind: input.kind ?? 'meeting',
      recurrence: ruleJson(when.recurrence),
      reminder_minutes: input.reminderMinutes ?? null,
      reminded_until: null,
      series_end: when.series_end,
      long_span: when.long_span,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
  }

  /** Adds one real occurrence's start to its series' exceptions; anything else is a VALIDATION error. Returns the stored start. */
  async function exceptOccurrence(trx: Kysely<DB>, series: Appointment, occurrenceStart: string): Promise<string> {
    const rule = series.recurrence as Recurrence | null;
    if (!rule || series.deletedAt) throw AppError.validation('id', 'Not a repeating appointment');
    const start = series.allDay ? occurrenceStart : utc(occurrenceStart);
    const probe = series.allDay
      ? { fromInstant: `${start}T00:00:00.000Z`, toInstant: `${addDays(start, 1)}T00:00:00.000Z`, fromDay: start, toDay: addDays(start, 1) }
      : { fromInstant: start, toInstant: new Date(Date.parse(start) + 1).toISOString(), fromDay: start.slice(0, 10), toDay: addDays(start.slice(0, 10), 1) };
    const when = { startsAt: series.startsAt, endsAt: series.endsAt, allDay: series.allDay, recurrence: rule };
    if (!expandOccurrences(when, probe).some((o) => o.startsAt === start)) throw AppError.validation('occurrenceStart', 'The series has no occurrence starting then');
    await updateAppointment(trx, series.id, {
      recurrence: ruleJson(normaliseRule({ ...rule, exceptDates: [...(rule.exceptDates ?? []), start] })),
      updated_at: clock.now().toISOString(),
    });
    return start;
  }

  /** Which stored list of events an export covers. */
  async function exportRows(input: ChannelParsedInput<'schedule.exportIcs'>): Promise<Appointment[]> {
    if (input.appointmentId) {
      const one = await load(input.appointmentId);
      if (one.deletedAt) throw AppError.notFound('Appointment', input.appointmentId);
      return [one];
    }
    if ((input.from === undefined) !== (input.to === undefined)) throw AppError.validation(input.from === undefined ? 'from' : 'to', 'Give both ends of the range, or neither');
    if (input.from === undefined || input.to === undefined) return (await allLiveAppointments(db)).map(toAppointment);
    const ids = new Set((await occurrencesBetween(db, storedRange(input.from, input.to))).map((o) => o.appointmentId));
    return (await allLiveAppointments(db)).filter((row) => ids.has(row.id)).map(toAppointment);
  }

  return {
    get: (id: string) => load(id),

    async create(input: ChannelParsedInput<'appointments.create'>): Promise<Appointment> {
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if (input.contactId) await requireContact(trx, input.contactId);
        await insertAppointment(trx, rowFor(input, id, `${id}@rapport`, clock.now().toISOString()));
      });
      events.emit('data.changed', { entity: 'appointment', action: 'created', ids: [id] });
      return load(id);
    },

    async update(input: ChannelParsedInput<'appointments.update'>): Promise<Appointment> {
      const { id, ...fields } = input;
      return change(id, 'updated', async (current, trx) => {
        if (fields.contactId) await requireContact(trx, fields.contactId);
        const when = checkWhen({
          startsAt: fields.startsAt ?? current.startsAt,
          endsAt: fields.endsAt ?? current.endsAt,
          allDay: fields.allDay ?? current.allDay,
          recurrence: normaliseRule(
            // The dialog does not know which occurrences were moved out: a new rule keeps the old exceptions.
            fields.recurrence ? { exceptDates: (current.recurrence as Recurrence | null)?.exceptDates, ...fields.recurrence } : fields.recurrence === null ? null : (current.recurrence as Recurrence | null),
          ),
        });
        const patch: Partial<AppointmentInsert> = {
          starts_at: when.starts_at,
          ends_at: when.ends_at,
          all_day: when.all_day,
          recurrence: ruleJson(when.recurrence),
          series_end: when.series_end,
          long_span: when.long_span,
        };
        if (fields.title !== undefined) patch.title = fields.title;
        if (fields.location !== undefined) patch.location = fields.location;
        if (fields.contactId !== undefined) patch.contact_id = fields.contactId;
        if (fields.jobId !== undefined) patch.job_id = fields.jobId;
        if (fields.notes !== undefined) patch.notes = fields.notes;
        if (fields.kind !== undefined) patch.kind = fields.kind;
        if (fields.reminderMinutes !== undefined) patch.reminder_minutes = fields.reminderMinutes;
        const rescheduled =
          when.starts_at !== current.startsAt || when.all_day !== (current.allDay ? 1 : 0) || patch.recurrence !== ruleJson(current.recurrence as Recurrence | null) ||
          (fields.reminderMinutes !== undefined && fields.reminderMinutes !== current.reminderMinutes);
        if (rescheduled) patch.reminded_until = null; // a new time deserves a new reminder
        return patch;
      });
    },

    /** Takes one occurrence out of its series and makes it a one-off at the new times, in one transaction. */
    async moveOccurrence(input: ChannelParsedInput<'appointments.moveOccurrence'>): Promise<Appointment> {
      const newId_ = newId();
      await db.transaction().execute(async (trx) => {
        const series = await load(input.id, trx);
        const occurrence = await exceptOccurrence(trx, series, input.occurrenceStart);
        const now = clock.now().toISOString();
        const copy = { ...series, contactId: series.contactId, startsAt: input.startsAt, endsAt: input.endsAt, allDay: series.allDay, recurrence: null };
        if (copy.allDay !== isPlainDate(occurrence)) throw AppError.validation('startsAt', 'Keep the occurrence all-day or timed, as its series is');
        await insertAppointment(trx, rowFor(copy, newId_, `${newId_}@rapport`, now));
      });
      events.emit('data.changed', { entity: 'appointment', action: 'updated', ids: [input.id] });
      events.emit('data.changed', { entity: 'appointment', action: 'created', ids: [newId_] });
      return load(newId_);
    },

    /** Cancels one occurrence of a series (the others stay). */
    async skipOccurrence(input: ChannelParsedInput<'appointments.skipOccurrence'>): Promise<Appointment> {
      await db.transaction().execute(async (trx) => exceptOccurrence(trx, await load(input.id, trx), input.occurrenceStart));
      events.emit('data.changed', { entity: 'appointment', action: 'updated', ids: [input.id] });
      return load(input.id);
    },

    delete: ({ id }: { id: string }) => change(id, 'deleted', async (a) => ({ deleted_at: a.deletedAt ?? clock.now().toISOString() })),
    restore: ({ id }: { id: string }) => change(id, 'restored', async () => ({ deleted_at: null })),

    /** Occurrences overlapping [from, to), recurring ones expanded, soonest first, timed overlaps marked. */
    async list(input: ChannelParsedInput<'appointments.list'>): Promise<ChannelOutput<'appointments.list'>> {
      const range = storedRange(input.from, input.to);
      if (range.toInstant <= range.fromInstant) throw AppError.validation('to', 'Must be after from');
      return { items: await occurrencesBetween(db, range, { jobId: input.jobId, contactId: input.contactId }) };
    },

    /** Writes `<dataDir>/exports/<generated name>.ics` atomically and returns it with its text. */
    async exportIcs(input: ChannelParsedInput<'schedule.exportIcs'>, dataDir: string): Promise<ChannelOutput<'schedule.exportIcs'>> {
      const appointments = await exportRows(input);
      const now = clock.now();
      const ics = buildCalendar(appointments, now);
      const dir = join(dataDir, 'exports');
      mkdirSync(dir, { recursive: true });
      const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      const path = join(dir, `rapport-schedule-${stamp}-${randomBytes(4).toString('hex')}.ics`);
      const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        writeFileSync(temp, ics, { encoding: 'utf8', flag: 'wx' });
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
      return { path, ics, count: appointments.length };
    },

    /** Reads an .ics file; by UID, new events are created and changed ones updated, all in one transaction. */
    async importIcs({ path }: ChannelParsedInput<'schedule.importIcs'>): Promise<ChannelOutput<'schedule.importIcs'>> {
      let source: string;
      try {
        const bytes = await readFile(path);
        if (bytes.length > MAX_IMPORT_BYTES) throw AppError.validation('path', 'This file is too large for a calendar (over 20 MB)');
        source = bytes.toString('utf8');
      } catch (error) {
        if (error instanceof AppError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw AppError.notFound('File', path);
        if (code === 'EISDIR') throw AppError.validation('path', 'This is a folder, not a calendar file');
        throw error;
      }
      let parsed;
      try {
        parsed = parseCalendar(source);
      } catch (error) {
        if (error instanceof IcsFormatError) throw AppError.validation('path', error.message);
        throw error;
      }
      const errors: { event: string; reason: string }[] = [];
      const result = { created: 0, updated: 0, skipped: 0, errors };
      const ids = { created: [] as string[], updated: [] as string[] };
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const seen = new Set<string>();
        for (const item of parsed) {
          if (!item.ok) {
            errors.push({ event: item.label, reason: item.reason });
            continue;
          }
          const event = item.event;
          const label = `${event.title} (${event.uid})`;
          if (seen.has(event.uid)) {
            errors.push({ event: label, reason: 'appears twice in the file; the first one was kept' });
            continue;
          }
          seen.add(event.uid);
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
          if (!checked.success) {
            errors.push({ event: label, reason: checked.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') });
            continue;
          }
          const existing = await findAppointmentByUid(trx, event.uid);
          let row: AppointmentInsert;
          try {
            row = rowFor(checked.data, existing?.id ?? newId(), event.uid, now);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            errors.push({ event: label, reason: error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? error.message });
            continue;
          }
          if (!existing) {
            await insertAppointment(trx, row);
            ids.created.push(row.id);
            result.created++;
            continue;
          }
          // Only what a calendar file carries is compared and written; the contact, job and Trash state stay ours.
          const fields = ['title', 'starts_at', 'ends_at', 'all_day', 'location', 'notes', 'kind', 'recurrence', 'reminder_minutes'] as const;
          const changed = fields.filter((f) => row[f] !== existing[f]);
          if (changed.length === 0) {
            result.skipped++;
            continue;
          }
          const patch: Partial<AppointmentInsert> = { updated_at: now };
          for (const f of changed) Object.assign(patch, { [f]: row[f] });
          if (changed.some((f) => f === 'starts_at' || f === 'all_day' || f === 'recurrence' || f === 'reminder_minutes')) patch.reminded_until = null;
          await updateAppointment(trx, existing.id, patch);
          ids.updated.push(existing.id);
          result.updated++;
        }
      });
      if (ids.created.length) events.emit('data.changed', { entity: 'appointment', action: 'created', ids: ids.created });
      if (ids.updated.length) events.emit('data.changed', { entity: 'appointment', action: 'updated', ids: ids.updated });
      return result;
    },
  };
}

// ---------------------------------------------------------------------------------------------- search

type TextHit = { hit: SearchHit; score: number; deleted_at: string | null };

/** Appointments for search.global's second tier: same shape as search.service's TEXT_QUERIES entries. */
export async function appointmentTextHits(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
  const { rows } = await sql<{ id: string; title: string; contact: string | null; contact_id: string | null; starts_at: string; recurrence: string | null; score: number; deleted_at: string | null }>`
    SELECT a.id, a.title, c.display_name AS contact, a.contact_id, a.starts_at, a.recurrence, a.deleted_at, f.score
    FROM (SELECT rowid, bm25(appointments_fts, 4.0, 2.0, 1.0) AS score FROM appointments_fts
          WHERE appointments_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
    JOIN appointments a ON a.seq = f.rowid LEFT JOIN contacts c ON c.id = a.contact_id
    ORDER BY f.score`.execute(db);
  return rows.map((r) => {
    const subtitle = [r.contact, `${r.recurrence ? 'from ' : ''}${r.starts_at.slice(0, 10)}`].filter(Boolean).join(' · ');
    const hit: SearchHit = { type: 'appointment', id: r.id, title: r.title, subtitle, ...(r.contact_id ? { contactId: r.contact_id } : {}) };
    return { hit, score: r.score, deleted_at: r.deleted_at };
  });
}

// ---------------------------------------------------------------------------------------------- reminders

/** Re-check at least this often, so a changed system clock or a sleeping laptop is noticed soon. */
const MAX_SLEEP_MS = 60_000;

export interface AppointmentReminders {
  /** Fires every appointment reminder that is due now; returns how many occurrences. */
  tick(): Promise<number>;
  start(): void;
  stop(): void;
}

/** The machine's calendar day of an instant (all-day appointments start at local midnight for reminders). */
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const localMidnight = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))).getTime();

/**
 * Emits `appointments.due` once per occurrence when now >= its start - reminderMinutes and it has not ended.
 * `reminded_until` holds the start of the last occurrence reminded, so each fires once, recurring ones too;
 * reminders missed while the app was closed fire on the first tick after start if the occurrence is still on.
 */
export function createAppointmentReminders({ db, clock, events }: Omit<ServiceDeps, 'newId'>, logger: Logger): AppointmentReminders {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let nextAt: number | null = null;

  async function fire(): Promise<number> {
    const now = clock.now();
    const nowMs = now.getTime();
    const horizon = new Date(nowMs + (MAX_REMINDER_MINUTES + 24 * 60) * 60_000);
    let fired = 0;
    nextAt = null;
    for (const row of await reminderCandidates(db, now.toISOString(), horizon.toISOString(), localDay(now))) {
      const lead = (row.reminder_minutes ?? 0) * 60_000;
      const until = new Date(nowMs + lead + 1);
      const range: StoredRange = { fromInstant: now.toISOString(), toInstant: until.toISOString(), fromDay: localDay(now), toDay: addDays(localDay(until), 1) };
      const due: { startsAt: string; endsAt: string }[] = [];
      for (const at of expandOccurrences(whenOfRow(row), range)) {
        if (row.reminded_until !== null && at.startsAt <= row.reminded_until) continue;
        const remindAt = (row.all_day ? localMidnight(at.startsAt) : Date.parse(at.startsAt)) - lead;
        if (remindAt <= nowMs) due.push(at);
        else if (nextAt === null || remindAt < nextAt) nextAt = remindAt;
      }
      if (due.length === 0) continue;
      // Mark first, only if nobody else did meanwhile: an occurrence's reminder fires once even if two ticks overlap.
      if (!(await markReminded(db, row.id, row.reminded_until, due[due.length - 1]!.startsAt))) continue;
      for (const at of due) events.emit('appointments.due', { occurrence: occurrenceOf(row, at) });
      fired += due.length;
    }
    return fired;
  }

  // A check cut short by closing the store is expected, not a failure worth reporting.
  const failed = (error: unknown) => {
    if (running) logger.error('appointment reminders failed', error);
  };

  function schedule(): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    const wait = nextAt === null ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, nextAt - clock.now().getTime()));
    timer = setTimeout(() => void tick().catch(failed), wait);
    timer.unref(); // never keeps a process (tests, harness) alive on its own
  }

  async function tick(): Promise<number> {
    const fired = await fire();
    schedule();
    return fired;
  }

  // A new or moved appointment may need reminding sooner than the current sleep.
  events.subscribe((name, payload) => {
    if (running && name === 'data.changed' && (payload as { entity: string }).entity === 'appointment') {
      void tick().catch(failed);
    }
  });

  return {
    tick,
    start() {
      running = true;
      void tick().catch(failed);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
