// Logging what happened with a contact, offline: calls, emails, meetings, notes, letters, with an optional
// follow-up saved in the same transaction. No SQL (db/activities.repo.ts), no `electron` import.
import type { Kysely } from 'kysely';
import type { Activity } from '../../../shared/domain/activity';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findActivity, insertActivity, listActivities, toActivity, updateActivity, type ActivityRecord } from '../../db/activities.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { requireContact, requireJob, utc } from '../links';
import type { createTasksService } from './tasks';

export function createActivitiesService(deps: ServiceDeps, tasks: ReturnType<typeof createTasksService>) {
  const { db, clock, events, newId } = deps;

  async function load(id: string, from: Kysely<DB> = db): Promise<Activity> {
    const row = await findActivity(from, id);
    if (!row) throw AppError.notFound('Activity', id);
    return toActivity(row);
  }

  async function change(id: string, action: 'updated' | 'deleted' | 'restored', patch: (a: Activity) => Partial<ActivityRecord>): Promise<Activity> {
    const activity = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      await updateActivity(trx, id, { ...patch(current), updatedAt: clock.now().toISOString() });
      return load(id, trx);
    });
    events.emit('data.changed', { entity: 'activity', action, ids: [id] });
    return activity;
  }

  return {
    get: load,

    async create(input: ChannelParsedInput<'activities.create'>): Promise<Activity> {
      const id = newId();
      let followUpId: string | null = null;
      const created = await db.transaction().execute(async (trx) => {
        const contact = await requireContact(trx, input.contactId);
        if (input.jobId) await requireJob(trx, input.jobId);
        const now = clock.now().toISOString();
        await insertActivity(trx, {
          id,
          contactId: input.contactId,
          companyId: contact.companyId,
          jobId: input.jobId ?? null,
          type: input.type,
          direction: input.direction ?? null,
          occurredAt: input.occurredAt ? utc(input.occurredAt) : now,
          durationSeconds: input.durationSeconds ?? null,
          subject: input.subject ?? null,
          notes: input.notes ?? null,
          outcome: input.type === 'call' ? (input.outcome ?? null) : null,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        });
        if (input.followUp) followUpId = await tasks.insert(trx, { ...input.followUp, contactId: input.contactId, jobId: input.jobId ?? null });
        return load(id, trx);
      });
      events.emit('data.changed', { entity: 'activity', action: 'created', ids: [id] });
      if (followUpId) events.emit('data.changed', { entity: 'task', action: 'created', ids: [followUpId] });
      events.emit('data.changed', { entity: 'contact', action: 'updated', ids: [input.contactId] });
      return created;
    },

    async update(input: ChannelParsedInput<'activities.update'>): Promise<Activity> {
      const { id, ...fields } = input;
      if (fields.jobId) await requireJob(db, fields.jobId);
      return change(id, 'updated', (current) => {
        const type = fields.type ?? current.type;
        const patch: Partial<ActivityRecord> = { type };
        if (fields.jobId !== undefined) patch.jobId = fields.jobId;
        if (fields.direction !== undefined) patch.direction = fields.direction;
        if (fields.occurredAt !== undefined) patch.occurredAt = utc(fields.occurredAt);
        if (fields.durationSeconds !== undefined) patch.durationSeconds = fields.durationSeconds;
        if (fields.subject !== undefined) patch.subject = fields.subject;
        if (fields.notes !== undefined) patch.notes = fields.notes;
        if (fields.outcome !== undefined || type !== 'call') patch.outcome = type === 'call' ? (fields.outcome ?? current.outcome) : null;
        return patch;
      });
    },

    delete: ({ id }: { id: string }) => change(id, 'deleted', (a) => ({ deletedAt: a.deletedAt ?? clock.now().toISOString() })),
    restore: ({ id }: { id: string }) => change(id, 'restored', () => ({ deletedAt: null })),

    async list(input: ChannelParsedInput<'activities.list'>): Promise<ChannelOutput<'activities.list'>> {
      const page = await listActivities(db, input);
      return { items: page.items.map(toActivity), nextCursor: page.nextCursor };
    },
  };
}

