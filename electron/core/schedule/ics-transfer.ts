// iCalendar export: writes the chosen appointments to an .ics file in the data folder (import is ics-import.ts).
// The text itself is ics.ts's; rows come through db/schedule.repo.ts. No SQL, no `electron` import.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Appointment } from '../../../shared/domain/appointment';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { allLiveAppointments, findAppointment } from '../../db/schedule.repo';
import type { ServiceDeps } from '../deps';
import { writeFileAtomically } from '../export-file';
import { buildCalendar } from './ics';
import { occurrencesBetween, storedRange } from './occurrences';

export function createIcsTransfer({ db, clock }: ServiceDeps) {
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
      // Rapport's one temp-then-rename writer: a kill mid-write leaves a temp the next start removes.
      await writeFileAtomically(path, (write) => write(ics), dataDir);
      return { path, ics, count: appointments.length };
    },
  };
}
