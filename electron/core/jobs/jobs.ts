// Jobs and the pipeline: the work a sole trader is paid for, moving Lead → Quoted → Won → … → Paid.
// Every stage change is recorded (by trigger); money stays integer minor units per currency.
// No `electron` import.
import type { Kysely } from 'kysely';
import type { Job, Stage } from '../../../shared/domain/job';
import { foldForSort } from '../../../shared/domain/text';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { board, findJob, getSetting, insertJob, listJobs, listStages, rankFor, setSetting, stageHistory, toJob, updateJob, type JobWrite } from '../../db/jobs.repo';
import type { DB } from '../../db/schema';
import { sql } from 'kysely';
import type { ServiceDeps } from '../deps';
import { requireCompany, requireContact } from '../links';

/** Columns show their first jobs; the rest are a jobs.list { stage } away (a column of 2,000 cards helps nobody). */
const BOARD_COLUMN_SIZE = 100;

export function createJobsService({ db, clock, events, newId }: ServiceDeps) {
  async function load(id: string, from: Kysely<DB> = db): Promise<Job> {
    const row = await findJob(from, id);
    if (!row) throw AppError.notFound('Job', id);
    return toJob(row);
  }

  async function requireStage(from: Kysely<DB>, stageId: string): Promise<Stage> {
    const stage = (await listStages(from)).find((s) => s.id === stageId);
    if (!stage) throw AppError.validation('stage', 'No such stage');
    return stage;
  }

  async function pipeline(from: Kysely<DB> = db) {
    return { stages: await listStages(from), defaultCurrency: (await getSetting(from, 'defaultCurrency')) ?? 'GBP' };
  }

  async function change(id: string, patch: (job: Job, trx: Kysely<DB>) => Promise<Partial<JobWrite>>): Promise<Job> {
    const job = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      await updateJob(trx, id, { ...(await patch(current, trx)), updated_at: clock.now().toISOString() });
      return load(id, trx);
    });
    events.emit('data.changed', { entity: 'job', action: 'updated', ids: [id] });
    return job;
  }

  return {
    get: load,
    pipeline: () => pipeline(),

    async updatePipeline(input: ChannelParsedInput<'pipeline.update'>): Promise<ChannelOutput<'pipeline.update'>> {
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
          if (s.id) await sql`UPDATE pipeline_stages SET name = ${s.name}, category = ${s.category}, position = ${i}, updated_at = ${now} WHERE id = ${s.id}`.execute(trx);
          else await sql`INSERT INTO pipeline_stages (id, name, position, category, created_at, updated_at) VALUES (${ids[i]!}, ${s.name}, ${i}, ${s.category}, ${now}, ${now})`.execute(trx);
        }
        for (const removed of existing.filter((e) => !input.stages.some((s) => s.id === e.id))) {
          const held = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM jobs WHERE stage_id = ${removed.id}`.execute(trx)).rows[0]?.n ?? 0);
          if (held > 0) {
            const target = input.moveJobs[removed.id];
            if (target === undefined || target >= ids.length) {
              throw AppError.validation(`moveJobs.${removed.id}`, `Choose where the ${held} job${held === 1 ? '' : 's'} in "${removed.name}" should go`);
            }
            await sql`UPDATE jobs SET stage_id = ${ids[target]!}, stage_changed_at = ${now}, updated_at = ${now} WHERE stage_id = ${removed.id}`.execute(trx);
          }
          await sql`DELETE FROM pipeline_stages WHERE id = ${removed.id}`.execute(trx);
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
        const stages = await listStages(trx);
        const stage = input.stage ? await requireStage(trx, input.stage) : stages[0]!;
        const contact = input.contactId ? await requireContact(trx, input.contactId) : null;
        if (input.companyId) await requireCompany(trx, input.companyId);
        const now = clock.now().toISOString();
        await insertJob(trx, {
          id,
          title: input.title,
          sort_title: foldForSort(input.title),
          contact_id: input.contactId ?? null,
          company_id: input.companyId ?? contact?.company_id ?? null,
          stage_id: stage.id,
          amount_minor: input.amountMinor ?? null,
          currency: input.currency ?? (await pipeline(trx)).defaultCurrency,
          due_date: input.dueDate ?? null,
          probability: input.probability ?? null,
          notes: input.notes ?? null,
          lost_reason: input.lostReason ?? null,
          rank: await rankFor(trx, stage.id, null, null),
          stage_changed_at: now,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
        return load(id, trx);
      });
      events.emit('data.changed', { entity: 'job', action: 'created', ids: [id] });
      return job;
    },

    update(input: ChannelParsedInput<'jobs.update'>): Promise<Job> {
      const { id, ...f } = input;
      return change(id, async (current, trx) => {
        const patch: Partial<JobWrite> = {};
        if (f.title !== undefined) Object.assign(patch, { title: f.title, sort_title: foldForSort(f.title) });
        if (f.contactId !== undefined) {
          if (f.contactId) await requireContact(trx, f.contactId);
          patch.contact_id = f.contactId;
        }
        if (f.companyId !== undefined) {
          if (f.companyId) await requireCompany(trx, f.companyId);
          patch.company_id = f.companyId;
        }
        if (f.stage !== undefined && f.stage !== current.stageId) {
          await requireStage(trx, f.stage);
          Object.assign(patch, { stage_id: f.stage, stage_changed_at: clock.now().toISOString(), rank: await rankFor(trx, f.stage, null, id) });
        }
        if (f.amountMinor !== undefined) patch.amount_minor = f.amountMinor;
        if (f.currency !== undefined) patch.currency = f.currency;
        if (f.dueDate !== undefined) patch.due_date = f.dueDate;
        if (f.probability !== undefined) patch.probability = f.probability;
        if (f.notes !== undefined) patch.notes = f.notes;
        if (f.lostReason !== undefined) patch.lost_reason = f.lostReason;
        return patch;
      });
    },

    /** Drag and drop on the board: into a stage, before another card or at the end. */
    move(input: ChannelParsedInput<'jobs.move'>): Promise<Job> {
      return change(input.id, async (current, trx) => {
        await requireStage(trx, input.stage);
        const patch: Partial<JobWrite> = { rank: await rankFor(trx, input.stage, input.beforeId ?? null, input.id) };
        if (input.stage !== current.stageId) Object.assign(patch, { stage_id: input.stage, stage_changed_at: clock.now().toISOString() });
        if (input.lostReason !== undefined) patch.lost_reason = input.lostReason;
        return patch;
      });
    },

    delete: ({ id }: { id: string }) => change(id, async (j) => ({ deleted_at: j.deletedAt ?? clock.now().toISOString() })),
    restore: ({ id }: { id: string }) => change(id, async () => ({ deleted_at: null })),

    async list(input: ChannelParsedInput<'jobs.list'>): Promise<ChannelOutput<'jobs.list'>> {
      const page = await listJobs(db, input);
      return { items: page.items.map(toJob), total: page.total, nextCursor: page.nextCursor };
    },

    async board(input: ChannelParsedInput<'jobs.board'>): Promise<ChannelOutput<'jobs.board'>> {
      const { stages, defaultCurrency } = await pipeline();
      const { jobs, totals } = await board(db, input, stages.map((s) => s.id), BOARD_COLUMN_SIZE);
      return {
        defaultCurrency,
        stages: stages.map((stage) => {
          const mine = totals.filter((t) => t.stage_id === stage.id);
          return {
            stage,
            jobs: jobs.filter((j) => j.stage_id === stage.id).map(toJob),
            count: mine.reduce((n, t) => n + Number(t.count), 0),
            totalMinor: Number(mine.find((t) => t.currency === defaultCurrency)?.amount ?? 0),
            totals: mine.map((t) => ({ currency: t.currency, amountMinor: Number(t.amount) })).sort((a, b) => a.currency.localeCompare(b.currency)),
          };
        }),
      };
    },

    async history({ id }: { id: string }): Promise<ChannelOutput<'jobs.history'>> {
      await load(id);
      const rows = await stageHistory(db, id);
      return { items: rows.map((r) => ({ jobId: r.job_id, fromStage: r.from_stage, toStage: r.to_stage, at: r.at })) };
    },
  };
}
