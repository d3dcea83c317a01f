// Follow-ups as CalDAV VTODOs (issue #24): title, due date or time, notes, priority and done-ness, with the client
// and job links as X-RAPPORT-*. Written through the follow-ups service so events and reminders stay right.
// A phone's start date, repeat, alarms or location on a to-do are not Rapport's and are kept by the format.
import { TaskCreate, type Task } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/ipc/errors';
import { findTask, toTask, updateTask } from '../../db/activities.repo';
import { createTasksService } from '../activities/tasks';
import type { ServiceDeps } from '../deps';
import { foldLine } from '../import-export/vcard';
import { PRODID } from '../schedule/ics';
import { wallToInstant, ianaZone } from '../schedule/ics-zones';
import { iso } from '../schedule/occurrences';
import { toWall } from '../schedule/zones';
import { contactUids, liveIds, liveRecords, taskRows } from '../../db/sync.records.repo';
import { readLinks } from './event-mapper';
import { todoFormat } from './ical-format';
import { componentLines, escapeText, mainItem, param, parseComponents, parseLine, textProp, utcText, wallMs, zoneOf, nameOf } from './ical-parts';
import type { LocalRecord, MapperFactory, RecordMapper } from './mapping';

const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Rapport's three priorities as RFC 5545's 1 (highest), 5 (medium) and 9 (lowest). */
const PRIORITY_NUMBER: Record<Task['priority'], number> = { high: 1, normal: 5, low: 9 };
/** Any RFC 5545 priority as Rapport's: 1-4 high, 5 (or none, 0) normal, 6-9 low. */
const priorityOf = (value: string | null): Task['priority'] => {
  const n = Number(value ?? 0);
  return n >= 1 && n <= 4 ? 'high' : n >= 6 && n <= 9 ? 'low' : 'normal';
};

/** What a VTODO says of a follow-up, in the fields tasks.create takes. */
interface TodoFields {
  title: string;
  dueAt: string | null;
  allDay: boolean;
  notes: string | null;
  priority: Task['priority'];
  completedAt: string | null;
  completed: boolean;
}

export const createTaskMapper = ((deps: ServiceDeps, options: { userZone?: string } = {}): RecordMapper => {
  const { db, clock, events } = deps;
  const service = createTasksService(deps);
  const userZone = options.userZone ?? machineZone();

  /** A DATE or DATE-TIME line as the stored instant; an all-day due date is its local midnight (tasks.create's rule). */
  function instantOf(line: string, definitions: ReadonlyMap<string, string>, field: string): { at: string; isDate: boolean } {
    const value = parseLine(line).value.trim();
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
    if (date) return { at: iso(wallToInstant(ianaZone(userZone), Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!))), isDate: true };
    const wall = wallMs(value);
    if (wall === null) throw AppError.validation(field, `The follow-up's ${field === 'DUE' ? 'due date' : 'completion date'} could not be read`);
    const tzid = param(line, 'TZID');
    const zone = value.endsWith('Z') ? ianaZone('UTC') : ((tzid ? zoneOf(tzid, definitions) : null) ?? ianaZone(userZone));
    return { at: iso(wallToInstant(zone, wall)), isDate: false };
  }

  function read(text: string): { fields: TodoFields; props: string[] } {
    const todo = mainItem(text, 'VTODO');
    if (!todo) throw AppError.validation('VTODO', 'This item has no to-do in it');
    const zones = parseComponents(text).flatMap((c) => c.children).filter((c) => c.name === 'VTIMEZONE');
    const definitions = new Map(zones.map((z) => [textProp(z.props, 'TZID') ?? '', componentLines(z).join('\r\n')]));
    const line = (name: string) => todo.props.find((l) => nameOf(l) === name);
    const due = line('DUE') ? instantOf(line('DUE')!, definitions, 'DUE') : null;
    const status = textProp(todo.props, 'STATUS')?.toUpperCase();
    const done = line('COMPLETED') ? instantOf(line('COMPLETED')!, definitions, 'COMPLETED').at : null;
    const completed = status === 'COMPLETED' || (status === undefined && done !== null);
    const fields: TodoFields = {
      title: (textProp(todo.props, 'SUMMARY') ?? '(No title)').slice(0, 200),
      dueAt: due?.at ?? null,
      allDay: due?.isDate ?? false,
      notes: textProp(todo.props, 'DESCRIPTION')?.slice(0, 20_000) ?? null,
      priority: priorityOf(textProp(todo.props, 'PRIORITY')),
      completedAt: completed ? done : null,
      completed,
    };
    const checked = TaskCreate.safeParse({ title: fields.title, dueAt: fields.dueAt, allDay: fields.allDay, notes: fields.notes, priority: fields.priority });
    if (!checked.success) {
      const path = String(checked.error.issues[0]?.path[0] ?? '');
      throw AppError.validation(path === 'dueAt' ? 'DUE' : path === 'notes' ? 'DESCRIPTION' : 'SUMMARY', 'This follow-up cannot be stored: its title, due date or notes are not ones Rapport can keep');
    }
    return { fields, props: todo.props };
  }

  function todoText(task: Task, uid: string, contactUid: string | undefined): string {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'BEGIN:VTODO', `UID:${escapeText(uid)}`, `SUMMARY:${escapeText(task.title)}`];
    if (task.dueAt) lines.push(task.allDay ? `DUE;VALUE=DATE:${iso(toWall(userZone, Date.parse(task.dueAt))).slice(0, 10).replace(/-/g, '')}` : `DUE:${utcText(Date.parse(task.dueAt))}`);
    if (task.notes) lines.push(`DESCRIPTION:${escapeText(task.notes)}`);
    lines.push(`PRIORITY:${PRIORITY_NUMBER[task.priority]}`);
    if (task.completedAt) lines.push('STATUS:COMPLETED', `COMPLETED:${utcText(Date.parse(task.completedAt))}`, 'PERCENT-COMPLETE:100');
    else lines.push('STATUS:NEEDS-ACTION');
    if (task.contactId && contactUid) lines.push(`X-RAPPORT-CONTACT:${escapeText(contactUid)}`);
    if (task.jobId) lines.push(`X-RAPPORT-JOB:${escapeText(task.jobId)}`);
    lines.push('END:VTODO', 'END:VCALENDAR');
    return lines.map(foldLine).join('');
  }

  async function render(records: readonly LocalRecord[]): Promise<Map<string, string>> {
    const now = clock.now();
    const tasks = new Map<string, Task>();
    for (const row of await taskRows(db, records.map((r) => r.id))) tasks.set(row.id, toTask(row, now));
    const uids = await contactUids(db, [...tasks.values()].flatMap((task) => (task.contactId ? [task.contactId] : [])));
    const out = new Map<string, string>();
    for (const r of records) {
      const task = tasks.get(r.id);
      if (task) out.set(r.id, todoText(task, r.uid, task.contactId ? uids.get(task.contactId) : undefined));
    }
    return out;
  }

  async function apply(text: string, id: string | null): Promise<string> {
    const { fields, props } = read(text);
    const links = await readLinks(db, props);
    const found = id ? await findTask(db, id) : undefined;
    const input = { title: fields.title, dueAt: fields.dueAt, allDay: fields.allDay, notes: fields.notes, priority: fields.priority };
    let task: Task;
    if (!found) {
      task = await service.create({ ...input, ...(links.contactId ? { contactId: links.contactId } : {}), ...(links.jobId ? { jobId: links.jobId } : {}) });
    } else {
      task = toTask(found, clock.now());
      if (task.deletedAt) task = await service.restore({ id: task.id });
      const patch: Parameters<typeof service.update>[0] = { id: task.id };
      for (const key of ['title', 'dueAt', 'allDay', 'notes', 'priority'] as const) if (input[key] !== task[key]) Object.assign(patch, { [key]: input[key] });
      if (links.contactId !== undefined && links.contactId !== task.contactId) patch.contactId = links.contactId;
      if (links.jobId !== undefined && links.jobId !== task.jobId) patch.jobId = links.jobId;
      if (Object.keys(patch).length > 1) task = await service.update(patch);
    }
    // Done-ness keeps the server's own completion time (the service's complete() would stamp now).
    const completedAt = fields.completed ? (fields.completedAt ?? task.completedAt ?? clock.now().toISOString()) : null;
    if (completedAt !== task.completedAt) {
      await updateTask(db, task.id, { completedAt, updatedAt: clock.now().toISOString() });
      events.emit('data.changed', { entity: 'task', action: 'updated', ids: [task.id] });
    }
    return task.id;
  }

  return {
    kind: 'task',
    format: todoFormat,
    accepts: (text) => mainItem(text, 'VTODO') !== null,
    uidOf: (text) => textProp(mainItem(text)?.props ?? [], 'UID'),
    listLocal: () => liveRecords(db, 'tasks'),
    live: (ids) => liveIds(db, 'tasks', ids),
    render,
    apply,
    async trash(id) {
      const task = await findTask(db, id);
      if (task && !task.deleted_at) await service.delete({ id });
    },
    title: (text) => textProp(mainItem(text)?.props ?? [], 'SUMMARY') ?? '(No title)',
  };
}) satisfies MapperFactory;
