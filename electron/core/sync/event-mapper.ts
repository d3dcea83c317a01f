// Appointments as CalDAV VEVENTs (issue #24): a series with its moved and changed occurrences as RECURRENCE-ID
// overrides, written by the calendar export (ics.ts buildCalendar) and read by the calendar import (parseIcs, and
// the import's own planning, so a synced event is stored exactly as an imported one). Lookups in db/sync.records.repo.ts.
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/ipc/errors';
import { allLiveAppointments, findAppointment, findAppointmentByUid, insertAppointment, updateAppointment, type StoredAppointment } from '../../db/schedule.repo';
import type { DB } from '../../db/schema';
import { contactUids, liveContactFor, liveIds, liveJob, liveOverrides, liveRecords } from '../../db/sync.records.repo';
import type { ServiceDeps } from '../deps';
import { foldLine } from '../import-export/vcard';
import { createAppointmentsService } from '../schedule/appointments';
import ICAL from 'ical.js';
import { occurrenceUid, parseIcs, PRODID, type IcsEvent, type ImportedEvent } from '../schedule/ics';
import { planEvent } from '../schedule/ics-import-plan';
import { instantToWall, zoneFromDefinition } from '../schedule/ics-zones';
import { toRecur } from '../schedule/occurrences';
import { icalFormat, zoneLines } from './ical-format';
import { escapeText, mainItem, textProp, utcText, wallIn, wallText } from './ical-parts';
import type { LocalRecord, MapperFactory, RecordMapper } from './mapping';

/** Renders above this many records read every live appointment in one query instead of one query per record. */
const BULK = 50;

const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

// ------------------------------------------------------------------------------------------------ links

/**
 * The links an item's X-RAPPORT-CONTACT / X-RAPPORT-JOB name. Absent: no link (null). Present but naming nothing
 * live here (another device's job, a contact not synced): undefined, so the record's own link stays.
 */
export async function readLinks(db: Kysely<DB>, props: readonly string[]): Promise<{ contactId: string | null | undefined; jobId: string | null | undefined }> {
  const contactRef = textProp(props, 'X-RAPPORT-CONTACT');
  const jobRef = textProp(props, 'X-RAPPORT-JOB');
  let contactId: string | null | undefined = null;
  if (contactRef) contactId = await liveContactFor(db, contactRef);
  let jobId: string | null | undefined = null;
  if (jobRef) jobId = await liveJob(db, jobRef);
  return { contactId, jobId };
}


// ------------------------------------------------------------------------------------------------ render

/** How a series writes its times: all-day dates, wall time in its zone (TZID), or UTC. */
function timeWriter(a: StoredAppointment): (name: string, at: string) => string {
  if (a.allDay) return (name, at) => `${name};VALUE=DATE:${at.replace(/-/g, '')}`;
  const rule = a.recurrence;
  const defined = rule?.zoneDefinition ? zoneFromDefinition(rule.zoneDefinition) : null;
  const tzid = rule?.timeZone ?? (defined ? /^TZID[^:]*:(.*)$/m.exec(rule!.zoneDefinition!)?.[1]?.trim() : undefined);
  if (!tzid) return (name, at) => `${name}:${utcText(Date.parse(at))}`;
  const wall = (ms: number) => (defined ? instantToWall(defined, ms) : wallIn(tzid, ms));
  return (name, at) => `${name};TZID=${tzid}:${wallText(wall(Date.parse(at)))}`;
}

const zoneTexts = new Map<string, string>();

/**
 * The VTIMEZONE a series needs, folded: its file's own definition, or one from the OS's data for its IANA zone.
 * Kept once per zone and year: thousands of series share a handful of zones.
 */
function zoneOfSeries(a: StoredAppointment): string {
  const rule = a.recurrence;
  if (a.allDay || !rule || (!rule.zoneDefinition && !rule.timeZone)) return '';
  const key = rule.zoneDefinition ?? `${rule.timeZone}|${a.startsAt.slice(0, 4)}`;
  let text = zoneTexts.get(key);
  if (text === undefined) {
    const lines = rule.zoneDefinition ? rule.zoneDefinition.split(/\r\n|\n/) : (zoneLines(rule.timeZone!, Date.parse(a.startsAt)) ?? []);
    text = lines.map(foldLine).join('');
    if (zoneTexts.size > 500) zoneTexts.clear();
    zoneTexts.set(key, text);
  }
  return text;
}

/** A moved or changed occurrence as an override: only what the import reads back from one (times, title, place, notes). */
function overrideLines(uid: string, at: (name: string, value: string) => string, recurrenceId: string, o: StoredAppointment): string[] {
  return [
    'BEGIN:VEVENT', `UID:${uid}`, at('RECURRENCE-ID', recurrenceId), at('DTSTART', o.startsAt), at('DTEND', o.endsAt), `SUMMARY:${escapeText(o.title)}`,
    ...(o.location ? [`LOCATION:${escapeText(o.location)}`] : []), ...(o.notes ? [`DESCRIPTION:${escapeText(o.notes)}`] : []), 'END:VEVENT',
  ];
}

const HEADER = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'].map(foldLine).join('');

/**
 * One series' text, property for property what the calendar export (ics.ts buildCalendar) writes, less what would
 * break sync: no DTSTAMP (the same record must always give the same text; join writes one), no CATEGORIES (the
 * kind is X-RAPPORT-KIND; a phone's own categories are then never overwritten), and the start as stored (series are
 * saved starting on their first occurrence, fields.ts checkWhen; the export's re-check costs ~0.4 s per endless
 * series, too slow for rendering every record at each sync). EXDATEs of moved occurrences become their overrides.
 */
function seriesText(a: StoredAppointment, uid: string, overrides: Map<string, StoredAppointment>, contactUid: string | undefined): string {
  const at = timeWriter(a);
  const rule = a.recurrence;
  const props = [`UID:${uid}`, at('DTSTART', a.startsAt), at('DTEND', a.endsAt), `SUMMARY:${escapeText(a.title)}`];
  if (a.location) props.push(`LOCATION:${escapeText(a.location)}`);
  if (a.notes) props.push(`DESCRIPTION:${escapeText(a.notes)}`);
  if (rule) props.push(`RRULE:${toRecur(rule, a.allDay, true).toString()}`);
  for (const value of rule?.rdates ?? []) props.push(at('RDATE', value));
  for (const value of rule?.exceptDates ?? []) if (!overrides.has(occurrenceUid(a.uid, value))) props.push(at('EXDATE', value));
  props.push(`X-RAPPORT-KIND:${a.kind}`);
  if (a.contactId && contactUid) props.push(`X-RAPPORT-CONTACT:${escapeText(contactUid)}`);
  if (a.jobId) props.push(`X-RAPPORT-JOB:${escapeText(a.jobId)}`);
  if (a.reminderMinutes !== null) {
    props.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(a.title)}`, `TRIGGER:${ICAL.Duration.fromSeconds(-a.reminderMinutes * 60).toString()}`, 'END:VALARM');
  }
  const lines = ['BEGIN:VEVENT', ...props, 'END:VEVENT'];
  for (const key of [...overrides.keys()].sort()) lines.push(...overrideLines(uid, at, key.slice(a.uid.length + 1), overrides.get(key)!));
  lines.push('END:VCALENDAR');
  return HEADER + zoneOfSeries(a) + lines.map(foldLine).join('');
}

// ------------------------------------------------------------------------------------------------ apply

const WORD_FIELD: [RegExp, string][] = [[/title/, 'SUMMARY'], [/start/, 'DTSTART'], [/end\b/, 'DTEND'], [/place/, 'LOCATION'], [/description/, 'DESCRIPTION'], [/repeat/, 'RRULE'], [/reminder/, 'VALARM'], [/categor/, 'X-RAPPORT-KIND']];
const fieldIn = (reason: string) => WORD_FIELD.find(([re]) => re.test(reason))?.[1] ?? 'VEVENT';

/**
 * The one series of an item with its overrides (a standalone one, matching no occurrence, too: the import keeps it
 * as its own appointment under the override's uid, and so does sync), or a VALIDATION error naming the property.
 */
function seriesOf(text: string, userZone: string): { master: IcsEvent; standalone: IcsEvent[] } {
  const { events, warnings } = parseIcs(text, { userZone });
  const master = events.find((e) => !e.recurrenceId);
  if (!master) {
    if (events.length) throw AppError.validation('RECURRENCE-ID', 'This is one changed occurrence of a repeating event whose series is not on the server; Rapport keeps whole series only');
    const why = warnings.find((w) => /skipped|could not be read/.test(w.message))?.message ?? 'The event could not be read';
    const field = /DTSTART|start/.test(why) ? 'DTSTART' : /repeat|RRULE|more often/.test(why) ? 'RRULE' : /dates/.test(why) ? 'EXDATE' : 'VEVENT';
    throw AppError.validation(field, why.replace(/^(?:"[^"]*"|An event) \(line \d+\) /, 'The event '));
  }
  if (master.status === 'cancelled') throw AppError.validation('STATUS', 'This event is cancelled on the server; Rapport keeps only planned events');
  return { master, standalone: events.filter((e) => e.recurrenceId && e.uid === master.uid && e.status !== 'cancelled') };
}

export const createAppointmentMapper = ((deps: ServiceDeps, options: { userZone?: string } = {}): RecordMapper => {
  const { db, clock, events, newId } = deps;
  const service = createAppointmentsService(deps);
  const userZone = options.userZone ?? machineZone();

  /** The series and every live override of theirs (`uid#recurrence-id`), in one query for large renders. */
  async function load(ids: readonly string[]): Promise<{ series: Map<string, StoredAppointment>; overridesOf: (uid: string) => StoredAppointment[] | Promise<StoredAppointment[]> }> {
    if (ids.length > BULK) {
      const all = await allLiveAppointments(db);
      const overrides = new Map<string, StoredAppointment[]>();
      for (const a of all) {
        const cut = a.uid.indexOf('#');
        if (cut > 0) overrides.set(a.uid.slice(0, cut), [...(overrides.get(a.uid.slice(0, cut)) ?? []), a]);
      }
      const wanted = new Set(ids);
      return { series: new Map(all.filter((a) => wanted.has(a.id)).map((a) => [a.id, a])), overridesOf: (uid) => overrides.get(uid) ?? [] };
    }
    const series = new Map<string, StoredAppointment>();
    for (const id of ids) {
      const a = await findAppointment(db, id);
      if (a && !a.deletedAt) series.set(id, a);
    }
    const overridesOf = async (uid: string) => {
      const found: StoredAppointment[] = [];
      for (const row of await liveOverrides(db, uid)) found.push((await findAppointment(db, row.id))!);
      return found;
    };
    return { series, overridesOf };
  }

  async function render(records: readonly LocalRecord[]): Promise<Map<string, string>> {
    const { series, overridesOf } = await load(records.map((r) => r.id));
    const uids = await contactUids(db, [...series.values()].flatMap((a) => (a.contactId ? [a.contactId] : [])));
    const out = new Map<string, string>();
    for (const r of records) {
      const a = series.get(r.id);
      if (!a) continue;
      const found = overridesOf(a.uid);
      const overrides = new Map((Array.isArray(found) ? found : await found).map((o) => [o.uid, o]));
      out.set(r.id, seriesText(a, r.uid, overrides, a.contactId ? uids.get(a.contactId) : undefined));
    }
    return out;
  }

  /** Creates or updates one appointment as the calendar import would; its id, or null when nothing needed writing. */
  async function write(trx: Kysely<DB>, event: ImportedEvent, now: string): Promise<{ id: string; changed: boolean }> {
    const trashed = await findAppointmentByUid(trx, event.uid);
    // A record in Trash that the server still has comes back: the server's copy is the later word.
    if (trashed?.deletedAt) await updateAppointment(trx, trashed.id, { deletedAt: null, updatedAt: now });
    const plan = await planEvent(trx, event, now, newId);
    if (plan.action === 'invalid') throw AppError.validation(fieldIn(plan.reason), `The event's ${plan.reason.replace(/^its /, '')}`);
    if (plan.action === 'create') await insertAppointment(trx, plan.record);
    if (plan.action === 'update') await updateAppointment(trx, plan.existing.id, plan.patch);
    const id = plan.action === 'create' ? plan.record.id : plan.existing.id;
    return { id, changed: !!trashed?.deletedAt || plan.action === 'create' || plan.action === 'update' };
  }

  async function apply(text: string, id: string | null): Promise<string> {
    const { master, standalone } = seriesOf(text, userZone);
    const props = mainItem(text, 'VEVENT')?.props ?? [];
    const changed: string[] = [];
    const seriesId = await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      const existing = (id ? await findAppointment(trx, id) : undefined) ?? (await findAppointmentByUid(trx, master.uid));
      const uid = existing?.uid ?? master.uid;
      const base: ImportedEvent = { uid, title: master.title, startsAt: master.startsAt, endsAt: master.endsAt, allDay: master.allDay, location: master.location, notes: master.notes, kind: master.kind, recurrence: master.recurrence, reminderMinutes: master.reminderMinutes };
      const series = await write(trx, base, now);
      if (series.changed) changed.push(series.id);
      const links = await readLinks(trx, props);
      const current = (await findAppointment(trx, series.id))!;
      const linkPatch = { ...(links.contactId !== undefined && links.contactId !== current.contactId ? { contactId: links.contactId } : {}), ...(links.jobId !== undefined && links.jobId !== current.jobId ? { jobId: links.jobId } : {}) };
      if (Object.keys(linkPatch).length) {
        await updateAppointment(trx, series.id, { ...linkPatch, updatedAt: now });
        changed.push(series.id);
      }
      const kept = new Set<string>();
      const moved = [...master.exceptions.filter((e) => !e.cancelled), ...standalone.map((e) => ({ ...e, recurrenceId: e.recurrenceId! }))];
      for (const x of moved) {
        const ownUid = occurrenceUid(uid, x.recurrenceId);
        kept.add(ownUid);
        const isNew = !(await findAppointmentByUid(trx, ownUid));
        const o = await write(trx, { ...base, uid: ownUid, title: x.title, startsAt: x.startsAt, endsAt: x.endsAt, location: x.location, notes: x.notes, recurrence: null }, now);
        // A new moved occurrence stays with the series' client and job, as one moved in the schedule does.
        if (isNew) await updateAppointment(trx, o.id, { contactId: current.contactId, jobId: current.jobId });
        if (o.changed) changed.push(o.id);
      }
      // Occurrences the server no longer changes (back in the series, or cancelled there) leave with their override.
      for (const row of (await liveOverrides(trx, uid)).filter((r) => !kept.has(r.uid))) {
        await updateAppointment(trx, row.id, { deletedAt: now, updatedAt: now });
        changed.push(row.id);
      }
      return series.id;
    });
    if (changed.length) events.emit('data.changed', { entity: 'appointment', action: 'updated', ids: [...new Set(changed)] });
    return seriesId;
  }

  return {
    kind: 'appointment',
    format: icalFormat,
    accepts: (text) => mainItem(text, 'VEVENT') !== null,
    uidOf: (text) => textProp(mainItem(text)?.props ?? [], 'UID'),
    listLocal: () => liveRecords(db, 'appointments'),
    live: (ids) => liveIds(db, 'appointments', ids),
    render,
    apply,
    async trash(id) {
      const series = await findAppointment(db, id);
      if (!series) return;
      for (const { id: override } of await liveOverrides(db, series.uid)) await service.delete({ id: override });
      if (!series.deletedAt) await service.delete({ id });
    },
    title: (text) => textProp(mainItem(text)?.props ?? [], 'SUMMARY') ?? '(No title)',
  };
}) satisfies MapperFactory;
