// Jobs and the pipeline: the work a sole trader is paid for, moving Lead → Quoted → Won → … → Paid.
// Every stage change is recorded (by trigger); money stays integer minor units per currency.
// No SQL (db/jobs.repo.ts), no `electron` import.
import type { Kysely } from 'kysely';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import type { Job, Stage } from '../../../shared/domain/job';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { writeCustom } from '../../db/fields.repo';
import {
  board,
  countJobsInStage,
  deleteStage,
  findJob,
  insertJob,
  insertStage,
  listJobs,
  listStages,
  moveStageJobs,
  rankFor,
  stageHistory,
  toJobs,
  updateJob,
  updateStage,
  type JobRecord,
} from '../../db/jobs.repo';
import type { DB } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings.repo';
import type { ServiceDeps } from '../deps';
import { resolveCustomQuery } from '../fields/custom-query';
import { fieldDefinitions } from '../fields/definitions';
import { parseCustom } from '../fields/record-custom';
import { requireCompany, requireContact } from '../links';

/** Columns show their first jobs; the rest are a jobs.list { stage } away (a column of 2,000 cards helps nobody). */
const BOARD_COLUMN_SIZE = 100;

export function createJobsService({ db, clock, events, newId }: ServiceDeps) {
  /** The job fields, kept until a field changes: a plain read pays no query for them. */
  const fields = fieldDefinitions({ db, events });

  /** `definitions`: the job fields, when the caller has them already (a transaction reads its own, once). */
  async function load(id: string, from: Kysely<DB> = db, definitions?: readonly FieldDefinition[]): Promise<Job> {
    const row = await findJob(from, id);
    if (!row) throw AppError.notFound('Job', id);
    return (await toJobs(from, [row], definitions ?? (await fields.get('job', from))))[0]!;
  }

  async function requireStage(from: Kysely<DB>, stageId: string): Promise<Stage> {
    const stage = (await listStages(from)).find((s) => s.id === stageId);
    if (!stage) throw AppError.validation('stage', 'No such stage');
    return stage;
  }

  async function pipeline(from: Kysely<DB> = db) {
    return { stages: await listStages(from), defaultCurrency: (await getSetting(from, 'defaultCurrency')) ?? 'GBP' };
  }

  /** `custom`: the update's custom values (only the keys sent change), checked and written in the same transaction. */
  async function change(id: string, patch: (job: Job, trx: Kysely<DB>) => Promise<Partial<JobRecord>>, custom?: unknown): Promise<Job> {
    const job = await db.transaction().execute(async (trx) => {
      const definitions = await fields.get('job', trx);
      const current = await load(id, trx, definitions);
      await updateJob(trx, id, { ...(await patch(current, trx)), updatedAt: clock.now().toISOString() });
      if (custom !== undefined) await writeCustom(trx, definitions, id, parseCustom(definitions, custom, { partial: true }));
      return load(id, trx, definitions);
    });
    events.emit('data.changed', { entity: 'job', action: 'updated', ids: [id] });
    return job;
  }

  return {
    get: load,
    settings: () => pipeline(),

    /** The pipeline's stages (renamed, added, reordered, removed with their jobs moved) and the default currency. */
    async updateSettings(input: ChannelParsedInput<'jobs.settings.update'>): Promise<ChannelOutput<'jobs.settings.update'>> {
      const result = await db.transaction().execute(async (trx) => {
        const existing = await listStages(trx);
        const names = new Set<string>();
        for (const [i, s] of input.stages.entries()) {
          if (s.id && !existing.some((e) => e.id === s.id)) throw AppError.validation(`stages.${i}.id`, 'No such stage');
          const key = s.name.toLocaleLowerCase('en');
          if (names.has(key)) throw AppError.validation(`stages.${i}.name`, 'Two stages cannot share a name');
          names.add(key);
        }
        const now = clock.now().toISOString();
        const ids = input.stages.map((s) => s.id ?? newId());
        for (const [i, s] of input.stages.entries()) {
          const stage: Stage = { id: ids[i]!, name: s.name, position: i, category: s.category };
          if (s.id) await updateStage(trx, stage, now);
          else await insertStage(trx, stage, now);
        }
        for (const removed of existing.filter((e) => !input.stages.some((s) => s.id === e.id))) {
          const held = await countJobsInStage(trx, removed.id);
          if (held > 0) {
            const target = input.moveJobs[removed.id];
            if (target === undefined || target >= ids.length) {
              throw AppError.validation(`moveJobs.${removed.id}`, `Choose where the ${held} job${held === 1 ? '' : 's'} in "${removed.name}" should go`);
            }
            await moveStageJobs(trx, removed.id, ids[target]!, now);
          }
          await deleteStage(trx, removed.id);
        }
        if (input.defaultCurrency) await setSetting(trx, 'defaultCurrency', input.defaultCurrency);
        return pipeline(trx);
      });
      events.emit('data.changed', { entity: 'pipeline', action: 'updated', ids: result.stages.map((s) => s.id) });
      return result;
    },

    async create(input: ChannelParsedInput<'jobs.create'>): Promise<Job> {
      const id = newId();
      const job = await db.transaction().execute(async (trx) => {
        // Checked first: defaults fill in and required fields must have a value, as on the form.
        const definitions = await fields.get('job', trx);
        const custom = parseCustom(definitions, input.custom, { partial: false });
        const stages = await listStages(trx);
        const stage = input.stage ? await requireStage(trx, input.stage) : stages[0]!;
        const contact = input.contactId ? await requireContact(trx, input.contactId) : null;
        if (input.companyId) await requireCompany(trx, input.companyId);
        const now = clock.now().toISOString();
        await insertJob(trx, {
          id,
          title: input.title,
          contactId: input.contactId ?? null,
          companyId: input.companyId ?? contact?.companyId ?? null,
          stageId: stage.id,
          amountMinor: input.amountMinor ?? null,
          currency: input.currency ?? (await pipeline(trx)).defaultCurrency,
          dueDate: input.dueDate ?? null,
          probability: input.probability ?? null,
          notes: input.notes ?? null,
          lostReason: input.lostReason ?? null,
          rank: await rankFor(trx, stage.id, null, null),
          stageChangedAt: now,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        });
        await writeCustom(trx, definitions, id, custom);
        return load(id, trx, definitions);
      });
      events.emit('data.changed', { entity: 'job', action: 'created', ids: [id] });
      return job;
    },

    update(input: ChannelParsedInput<'jobs.update'>): Promise<Job> {
      const { id, custom, ...f } = input;
      return change(id, async (current, trx) => {
        const patch: Partial<JobRecord> = {};
        if (f.title !== undefined) patch.title = f.title;
        if (f.contactId !== undefined) {
          if (f.contactId) await requireContact(trx, f.contactId);
          patch.contactId = f.contactId;
        }
        if (f.companyId !== undefined) {
          if (f.companyId) await requireCompany(trx, f.companyId);
          patch.companyId = f.companyId;
        }
        if (f.stage !== undefined && f.stage !== current.stageId) {
          await requireStage(trx, f.stage);
          Object.assign(patch, { stageId: f.stage, stageChangedAt: clock.now().toISOString(), rank: await rankFor(trx, f.stage, null, id) });
        }
        if (f.amountMinor !== undefined) patch.amountMinor = f.amountMinor;
        if (f.currency !== undefined) patch.currency = f.currency;
        if (f.dueDate !== undefined) patch.dueDate = f.dueDate;
        if (f.probability !== undefined) patch.probability = f.probability;
        if (f.notes !== undefined) patch.notes = f.notes;
        if (f.lostReason !== undefined) patch.lostReason = f.lostReason;
        return patch;
      }, custom);
    },

    /** Drag and drop on the board: into a stage, before another card or at the end. */
    move(input: ChannelParsedInput<'jobs.move'>): Promise<Job> {
      return change(input.id, async (current, trx) => {
        await requireStage(trx, input.stage);
        const patch: Partial<JobRecord> = { rank: await rankFor(trx, input.stage, input.beforeId ?? null, input.id) };
        if (input.stage !== current.stageId) Object.assign(patch, { stageId: input.stage, stageChangedAt: clock.now().toISOString() });
        if (input.lostReason !== undefined) patch.lostReason = input.lostReason;
        return patch;
      });
    },

    delete: ({ id }: { id: string }) => change(id, async (j) => ({ deletedAt: j.deletedAt ?? clock.now().toISOString() })),
    restore: ({ id }: { id: string }) => change(id, async () => ({ deletedAt: null })),

    async list(input: ChannelParsedInput<'jobs.list'>): Promise<ChannelOutput<'jobs.list'>> {
      const definitions = await fields.get('job');
      const { custom, sortCustom } = resolveCustomQuery(definitions, input.custom, input.sortCustom);
      const page = await listJobs(db, { ...input, custom, sortCustom });
      return { items: await toJobs(db, page.items, definitions), total: page.total, nextCursor: page.nextCursor };
    },

    async board(input: ChannelParsedInput<'jobs.board'>): Promise<ChannelOutput<'jobs.board'>> {
      const { stages, defaultCurrency } = await pipeline();
      const { jobs, totals } = await board(db, input, stages.map((s) => s.id), BOARD_COLUMN_SIZE, await fields.get('job'));
      return {
        defaultCurrency,
        stages: stages.map((stage) => {
          const mine = totals.filter((t) => t.stageId === stage.id);
          return {
            stage,
            jobs: jobs.filter((j) => j.stageId === stage.id),
            count: mine.reduce((n, t) => n + t.count, 0),
            totalMinor: mine.find((t) => t.currency === defaultCurrency)?.amountMinor ?? 0,
            totals: mine.map((t) => ({ currency: t.currency, amountMinor: t.amountMinor })).sort((a, b) => a.currency.localeCompare(b.currency)),
          };
        }),
      };
    },

    async history({ id }: { id: string }): Promise<ChannelOutput<'jobs.history'>> {
      await load(id);
      return { items: await stageHistory(db, id) };
    },
  };
}
