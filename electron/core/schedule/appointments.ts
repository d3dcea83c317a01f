// The schedule's service: appointments (one-off or recurring, timed or all-day) created, changed, moved to
// Trash and back, one occurrence moved or skipped, and the occurrences of a range. Timed values are stored as
// UTC instants, all-day ones as plain dates that no time zone ever shifts. No SQL, no `electron` import.
import type { Kysely } from 'kysely';
import type { Appointment, Recurrence } from '../../../shared/domain/appointment';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findAppointment, insertAppointment, updateAppointment, type AppointmentRecord, type StoredAppointment } from '../../db/schedule.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { requireContact, utc } from '../links';
import { checkWhen, newAppointment, normaliseRule, sameRule } from './fields';
import { addDays, expandOccurrences, isPlainDate, occurrencesBetween, storedRange } from './occurrences';

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;

export function createAppointmentsService({ db, clock, events, newId }: ServiceDeps) {
  async function load(id: string, from: Kysely<DB> = db): Promise<StoredAppointment> {
    const appointment = await findAppointment(from, id);
    if (!appointment) throw AppError.notFound('Appointment', id);
    return appointment;
  }

  async function change(id: string, action: 'updated' | 'deleted' | 'restored', patch: (current: StoredAppointment, trx: Kysely<DB>) => Promise<Partial<AppointmentRecord>>) {
    const appointment = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      await updateAppointment(trx, id, { ...(await patch(current, trx)), updatedAt: clock.now().toISOString() });
      return load(id, trx);
    });
    events.emit('data.changed', { entity: 'appointment', action, ids: [id] });
    return appointment;
  }

  /** Adds one real occurrence's start to its series' exceptions; anything else is a VALIDATION error. Returns the stored start. */
  async function exceptOccurrence(trx: Kysely<DB>, series: StoredAppointment, occurrenceStart: string): Promise<string> {
    const rule = series.recurrence;
    if (!rule || series.deletedAt) throw AppError.validation('id', 'Not a repeating appointment');
    // An all-day series starts on dates, a timed one at instants: the other form names no occurrence.
    if (isPlainDate(occurrenceStart) !== series.allDay) throw AppError.validation('occurrenceStart', 'The series has no occurrence starting then');
    const start = series.allDay ? occurrenceStart : utc(occurrenceStart);
    const probe = series.allDay
      ? { fromInstant: `${start}T00:00:00.000Z`, toInstant: `${addDays(start, 1)}T00:00:00.000Z`, fromDay: start, toDay: addDays(start, 1) }
      : { fromInstant: start, toInstant: new Date(Date.parse(start) + 1).toISOString(), fromDay: start.slice(0, 10), toDay: addDays(start.slice(0, 10), 1) };
    if (!expandOccurrences(series, probe).some((o) => o.startsAt === start)) throw AppError.validation('occurrenceStart', 'The series has no occurrence starting then');
    await updateAppointment(trx, series.id, {
      recurrence: normaliseRule({ ...rule, exceptDates: [...(rule.exceptDates ?? []), start] }),
      updatedAt: clock.now().toISOString(),
    });
    return start;
  }

  return {
    /** The appointment, in Trash or not; NOT_FOUND when there is none. */
    get: (id: string): Promise<Appointment> => load(id),

    async create(input: ChannelParsedInput<'appointments.create'>): Promise<Appointment> {
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if (input.contactId) await requireContact(trx, input.contactId);
        await insertAppointment(trx, newAppointment(input, id, `${id}@rapport`, clock.now().toISOString()));
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
            fields.recurrence ? { ...keptFromFile(current.recurrence, fields.recurrence), exceptDates: current.recurrence?.exceptDates, ...fields.recurrence } : fields.recurrence === null ? null : current.recurrence,
          ),
        });
        const patch: Partial<AppointmentRecord> = { ...when };
        if (fields.title !== undefined) patch.title = fields.title;
        if (fields.location !== undefined) patch.location = fields.location;
        if (fields.contactId !== undefined) patch.contactId = fields.contactId;
        if (fields.jobId !== undefined) patch.jobId = fields.jobId;
        if (fields.notes !== undefined) patch.notes = fields.notes;
        if (fields.kind !== undefined) patch.kind = fields.kind;
        if (fields.reminderMinutes !== undefined) patch.reminderMinutes = fields.reminderMinutes;
        const rescheduled =
          when.startsAt !== current.startsAt || when.allDay !== current.allDay || !sameRule(when.recurrence, current.recurrence) ||
          (fields.reminderMinutes !== undefined && fields.reminderMinutes !== current.reminderMinutes);
        if (rescheduled) patch.remindedUntil = null; // a new time deserves a new reminder
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
        await insertAppointment(trx, newAppointment(copy, newId_, `${newId_}@rapport`, now));
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

    delete: ({ id }: { id: string }) => change(id, 'deleted', async (a) => ({ deletedAt: a.deletedAt ?? clock.now().toISOString() })),
    restore: ({ id }: { id: string }) => change(id, 'restored', async () => ({ deletedAt: null })),

    /** Occurrences overlapping [from, to), recurring ones expanded, soonest first, timed overlaps marked. */
    async list(input: ChannelParsedInput<'appointments.list'>): Promise<ChannelOutput<'appointments.list'>> {
      const range = storedRange(input.from, input.to);
      if (range.toInstant <= range.fromInstant) throw AppError.validation('to', 'Must be after from');
      return { items: await occurrencesBetween(db, range, { jobId: input.jobId, contactId: input.contactId }) };
    },
  };
}

/**
 * The dialog edits only the simple repeat fields. When it sends them back unchanged for a series imported from a
 * calendar file, the file's own rule, extra dates and zone stay: saving a new title must not rewrite the repeat.
 */
function keptFromFile(current: Recurrence | null, sent: Recurrence): Pick<Recurrence, 'rule' | 'rdates' | 'zoneDefinition'> {
  if (!current || sent.rule !== undefined) return {};
  const summary = (r: Recurrence) => JSON.stringify([r.freq, r.interval, r.byWeekday ?? [], r.until ?? null, r.count ?? null]);
  if (summary(current) !== summary(sent)) return {};
  const { rule, rdates, zoneDefinition } = current;
  return { ...(rule ? { rule } : {}), ...(rdates ? { rdates } : {}), ...(zoneDefinition ? { zoneDefinition } : {}) };
}
