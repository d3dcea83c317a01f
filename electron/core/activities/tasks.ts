// Follow-ups: create, complete, reopen, snooze, Trash; the Today view's buckets. No SQL (db/activities.repo.ts),
// no `electron` import.
import type { Kysely } from 'kysely';
import type { Task } from '../../../shared/domain/activity';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findTask, insertTask, listTasks, tasksDueBetween, toTask, updateTask, type TaskRecord } from '../../db/activities.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { requireContact, requireJob, utc } from '../links';

export function createTasksService({ db, clock, events, newId }: ServiceDeps) {
  async function load(id: string, from: Kysely<DB> = db): Promise<Task> {
    const row = await findTask(from, id);
    if (!row) throw AppError.notFound('Task', id);
    return toTask(row, clock.now());
  }

  /** Applies one change to one task in a transaction and tells the UI. */
  async function change(id: string, patch: (task: Task) => Partial<TaskRecord>): Promise<Task> {
    const task = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      await updateTask(trx, id, { ...patch(current), updatedAt: clock.now().toISOString() });
      return load(id, trx);
    });
    events.emit('data.changed', { entity: 'task', action: 'updated', ids: [id] });
    return task;
  }

  /** Inserts within the caller's transaction (activities.create adds its follow-up this way). */
  async function insert(trx: Kysely<DB>, input: ChannelParsedInput<'tasks.create'>): Promise<string> {
    if (input.contactId) await requireContact(trx, input.contactId);
    if (input.jobId) await requireJob(trx, input.jobId);
    const id = newId();
    const now = clock.now().toISOString();
    await insertTask(trx, {
      id,
      title: input.title,
      dueAt: input.dueAt ? utc(input.dueAt) : null,
      allDay: input.allDay ?? false,
      contactId: input.contactId ?? null,
      jobId: input.jobId ?? null,
      priority: input.priority ?? 'normal',
      notes: input.notes ?? null,
      completedAt: null,
      remindedAt: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    return id;
  }

  return {
    get: load,
    insert,

    async create(input: ChannelParsedInput<'tasks.create'>): Promise<Task> {
      const id = await db.transaction().execute((trx) => insert(trx, input));
      events.emit('data.changed', { entity: 'task', action: 'created', ids: [id] });
      return load(id);
    },

    async update(input: ChannelParsedInput<'tasks.update'>): Promise<Task> {
      const { id, ...fields } = input;
      if (fields.contactId) await requireContact(db, fields.contactId);
      if (fields.jobId) await requireJob(db, fields.jobId);
      return change(id, () => {
        const patch: Partial<TaskRecord> = {};
        if (fields.title !== undefined) patch.title = fields.title;
        if (fields.dueAt !== undefined) {
          patch.dueAt = fields.dueAt === null ? null : utc(fields.dueAt);
          patch.remindedAt = null; // a new due time deserves a new reminder
        }
        if (fields.allDay !== undefined) patch.allDay = fields.allDay;
        if (fields.contactId !== undefined) patch.contactId = fields.contactId;
        if (fields.jobId !== undefined) patch.jobId = fields.jobId;
        if (fields.priority !== undefined) patch.priority = fields.priority;
        if (fields.notes !== undefined) patch.notes = fields.notes;
        return patch;
      });
    },

    complete: ({ id }: { id: string }) => change(id, (t) => ({ completedAt: t.completedAt ?? clock.now().toISOString() })),
    reopen: ({ id }: { id: string }) => change(id, () => ({ completedAt: null })),
    snooze: ({ id, until }: { id: string; until: string }) => {
      // Snoozing into the past would make the follow-up overdue again at once, and its reminder fire straight away.
      if (Date.parse(until) <= clock.now().getTime()) throw AppError.validation('until', 'Choose a time later than now to snooze to');
      return change(id, () => ({ dueAt: utc(until), allDay: false, remindedAt: null }));
    },
    delete: ({ id }: { id: string }) => change(id, (t) => ({ deletedAt: t.deletedAt ?? clock.now().toISOString() })),
    restore: ({ id }: { id: string }) => change(id, () => ({ deletedAt: null })),

    async list(input: ChannelParsedInput<'tasks.list'>): Promise<ChannelOutput<'tasks.list'>> {
      const now = clock.now();
      const page = await listTasks(db, input, now);
      return { items: page.items.map((row) => toTask(row, now)), nextCursor: page.nextCursor };
    },

    /** Overdue, due today, and due later this week, with the day's bounds chosen by the renderer (its time zone). */
    async today(input: ChannelParsedInput<'tasks.today'>): Promise<ChannelOutput<'tasks.today'>> {
      const now = clock.now();
      const dayEnd = utc(input.dayEnd);
      const soon = (await tasksDueBetween(db, null, dayEnd)).map((row) => toTask(row, now));
      const upcoming = (await tasksDueBetween(db, dayEnd, utc(input.weekEnd))).map((row) => toTask(row, now));
      return { overdue: soon.filter((t) => t.overdue), today: soon.filter((t) => !t.overdue), upcoming };
    },
  };
}
