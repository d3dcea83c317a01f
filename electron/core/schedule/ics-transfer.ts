// iCalendar files in and out: export writes the chosen appointments to an .ics file in the data folder,
// import reads one and creates or updates events by UID in one transaction. The text itself is ics.ts's;
// rows go through db/schedule.repo.ts. No SQL, no `electron` import.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppointmentCreate, type Appointment } from '../../../shared/domain/appointment';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import {
  allLiveAppointments,
  findAppointment,
  findAppointmentByUid,
  insertAppointment,
  updateAppointment,
  type AppointmentRecord,
} from '../../db/schedule.repo';
import type { ServiceDeps } from '../deps';
import { MAX_REMINDER_MINUTES, newAppointment, sameRule } from './fields';
import { buildCalendar, IcsFormatError, parseCalendar } from './ics';
import { occurrencesBetween, storedRange } from './occurrences';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Only what a calendar file carries is compared and written on re-import; the contact, job and Trash state stay ours. */
const FILE_FIELDS = ['title', 'startsAt', 'endsAt', 'allDay', 'location', 'notes', 'kind', 'recurrence', 'reminderMinutes'] as const;
/** A change to any of these re-arms the appointment's reminder. */
const REMINDER_FIELDS: readonly (typeof FILE_FIELDS)[number][] = ['startsAt', 'allDay', 'recurrence', 'reminderMinutes'];

export function createIcsTransfer({ db, clock, events, newId }: ServiceDeps) {
  /** Which stored list of events an export covers. */
  async function exportRows(input: ChannelParsedInput<'schedule.exportIcs'>): Promise<Appointment[]> {
    if (input.appointmentId) {
      const one = await findAppointment(db, input.appointmentId);
      if (!one || one.deletedAt) throw AppError.notFound('Appointment', input.appointmentId);
      return [one];
    }
    if ((input.from === undefined) !== (input.to === undefined)) throw AppError.validation(input.from === undefined ? 'from' : 'to', 'Give both ends of the range, or neither');
    if (input.from === undefined || input.to === undefined) return allLiveAppointments(db);
    const ids = new Set((await occurrencesBetween(db, storedRange(input.from, input.to))).map((o) => o.appointmentId));
    return (await allLiveAppointments(db)).filter((a) => ids.has(a.id));
  }

  return {
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
          let record: AppointmentRecord;
          try {
            record = newAppointment(checked.data, existing?.id ?? newId(), event.uid, now);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            errors.push({ event: label, reason: error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? error.message });
            continue;
          }
          if (!existing) {
            await insertAppointment(trx, record);
            ids.created.push(record.id);
            result.created++;
            continue;
          }
          const changed = FILE_FIELDS.filter((f) => (f === 'recurrence' ? !sameRule(record.recurrence, existing.recurrence) : record[f] !== existing[f]));
          if (changed.length === 0) {
            result.skipped++;
            continue;
          }
          const patch: Partial<AppointmentRecord> = { updatedAt: now };
          for (const f of changed) Object.assign(patch, { [f]: record[f] });
          if (changed.some((f) => REMINDER_FIELDS.includes(f))) patch.remindedUntil = null;
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
