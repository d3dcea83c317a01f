// The case record (issue #22): open one (blank, from a template, or from a logged call or filed email), read it with
// its timeline, change it, list, Trash and restore. Status changes, notes, ratings: case-flow.ts; merging:
// case-merge.ts; the clock: recompute.ts (called in every transaction that changes what the clock reads).
// No SQL (db/cases*.repo.ts), no `electron` import.
import type { Kysely } from 'kysely';
import type { CaseChannel, CaseDetail } from '../../../shared/domain/case';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findActivity } from '../../db/activities.repo';
import { findStatus } from '../../db/case-statuses.repo';
import { findTemplate } from '../../db/case-templates.repo';
import { activityCaseId, caseNumber, findCase, updateCaseRow, type CaseRow } from '../../db/cases.repo';
import { listCases } from '../../db/cases.list.repo';
import { findCompany } from '../../db/companies.repo';
import { findContact } from '../../db/contacts.repo';
import { findJob } from '../../db/jobs.repo';
import type { DB, Row } from '../../db/schema';
import { loadCalendar } from '../../db/service.repo';
import type { FeatureContext } from '../modules';
import { createCaseFlow } from './case-flow';
import { createCaseMerge } from './case-merge';
import { loadCaseDetail, toCaseListItem } from './case-detail';
import { addEntry, addFollowUp, localDayStart, openCase } from './case-open';
import { recomputeCase } from './recompute';
import { caseLabel } from './threading';

export { loadCaseDetail } from './case-detail';
export { openCase } from './case-open';

/** A contact that exists and is not in Trash, or a validation error on `path`. */
async function contactFor(db: Kysely<DB>, id: string, path = 'contactId') {
  const contact = await findContact(db, id);
  if (!contact || contact.deletedAt) throw AppError.validation(path, 'There is no such contact');
  return contact;
}

/** Company and job links: a company that exists; a job that belongs to the case's contact. */
export async function checkLinks(db: Kysely<DB>, contactId: string, companyId: string | null | undefined, jobId: string | null | undefined): Promise<void> {
  if (companyId) {
    const company = await findCompany(db, companyId);
    if (!company || company.deletedAt) throw AppError.validation('companyId', 'There is no such company');
  }
  if (jobId) {
    const job = await findJob(db, jobId);
    if (!job || job.deleted_at) throw AppError.validation('jobId', 'There is no such job');
    if (job.contact_id !== contactId) throw AppError.validation('jobId', 'Choose a job of this contact');
  }
}

export function createCases(ctx: FeatureContext) {
  const { db, clock, events } = ctx.deps;
  const nowMs = () => clock.now().getTime();
  const changed = (action: 'created' | 'updated' | 'deleted' | 'restored', ids: string[]) => events.emit('data.changed', { entity: 'case', action, ids });

  /** A case that exists (Trash included unless `live`), or a validation error on `path`. */
  async function requireCase(from: Kysely<DB>, id: string, path = 'id', live = true) {
    const row = await findCase(from, id);
    if (!row || (live && row.deleted_at)) throw AppError.validation(path, 'There is no such case');
    return row;
  }

  const get = (id: string, from: Kysely<DB> = db): Promise<CaseDetail> => loadCaseDetail(from, id, nowMs());

  async function create(input: ChannelParsedInput<'cases.create'>): Promise<ChannelOutput<'cases.create'>> {
    const id = await db.transaction().execute(async (trx) => {
      const contact = await contactFor(trx, input.contactId);
      const template = input.templateId ? await findTemplate(trx, input.templateId) : null;
      if (input.templateId && !template) throw AppError.validation('templateId', 'There is no such template');
      const activity = input.fromActivityId ? await sourceActivity(trx, input.fromActivityId, input.contactId) : null;
      const subject = input.subject ?? template?.subject ?? activity?.subject ?? firstLine(activity?.notes);
      if (!subject) throw AppError.validation('subject', 'Give the case a subject');
      if (input.statusId) {
        const status = await findStatus(trx, input.statusId);
        if (!status) throw AppError.validation('statusId', 'There is no such status');
        if (status.category !== 'open') throw AppError.validation('statusId', 'A new case starts in an open status, such as New');
      }
      const companyId = input.companyId === undefined ? contact.companyId : input.companyId;
      await checkLinks(trx, contact.id, companyId, input.jobId);
      const channel: CaseChannel = input.channel ?? (activity ? (activity.type === 'call' ? 'phone' : 'email') : 'phone');
      const openedAtMs = activity ? Date.parse(activity.occurred_at) : nowMs();
      const opened = await openCase(trx, ctx.deps, {
        contactId: contact.id,
        subject,
        description: input.description ?? template?.description ?? null,
        channel,
        type: input.type ?? template?.type,
        priority: input.priority ?? template?.priority,
        openedAtMs,
        fromActivityId: activity?.id,
        companyId,
        jobId: input.jobId ?? null,
        statusId: input.statusId,
        templateId: template?.id ?? null,
      });
      if (activity) {
        await addEntry(trx, ctx.deps, opened.id, openedAtMs, activity.type === 'call' ? 'call' : 'message', {
          direction: (activity.direction as 'inbound' | 'outbound' | null) ?? 'inbound',
          subject: activity.subject,
          body: activity.notes,
          minutes_spent: activity.duration_seconds ? Math.ceil(activity.duration_seconds / 60) : null,
          activity_id: activity.id,
        });
        await recomputeCase(trx, opened.id, nowMs());
      }
      if (template?.checklist.length) {
        const { timeZone } = await loadCalendar(trx);
        for (const item of template.checklist) {
          await addFollowUp(trx, ctx.deps, { id: opened.id, contactId: contact.id, jobId: input.jobId ?? null }, item.title, localDayStart(timeZone, openedAtMs, item.dayOffset));
        }
      }
      return opened.id;
    });
    changed('created', [id]);
    return get(id);
  }

  /** A logged call or a filed email of this contact, on no other case. */
  async function sourceActivity(trx: Kysely<DB>, activityId: string, contactId: string) {
    const activity = await findActivity(trx, activityId);
    if (!activity || activity.deleted_at) throw AppError.validation('fromActivityId', 'There is no such activity');
    if (activity.contact_id !== contactId) throw AppError.validation('fromActivityId', 'That activity is on another contact’s timeline');
    if (activity.type !== 'call' && activity.type !== 'email') throw AppError.validation('fromActivityId', 'Choose a logged call or a filed email');
    const on = await activityCaseId(trx, activityId);
    if (on) throw AppError.validation('fromActivityId', `That activity is already on ${caseLabel((await caseNumber(trx, on)) ?? 0)}`);
    return activity;
  }

  async function update(input: ChannelParsedInput<'cases.update'>): Promise<ChannelOutput<'cases.update'>> {
    await db.transaction().execute(async (trx) => {
      const row = await requireCase(trx, input.id);
      const companyId = input.companyId === undefined ? row.company_id : input.companyId;
      const jobId = input.jobId === undefined ? row.job_id : input.jobId;
      await checkLinks(trx, row.contact_id, input.companyId, input.jobId);
      const now = clock.now();
      const patch: Partial<Row<'cases'>> = { company_id: companyId, job_id: jobId, updated_at: now.toISOString() };
      if (input.subject !== undefined) patch.subject = input.subject;
      if (input.description !== undefined) patch.description = input.description;
      if (input.type !== undefined) patch.type = input.type;
      if (input.channel !== undefined) patch.channel = input.channel;
      if (input.priority !== undefined && input.priority !== row.priority) {
        patch.priority = input.priority;
        await addEntry(trx, ctx.deps, row.id, now.getTime(), 'priority', { priority: input.priority });
      }
      await updateCaseRow(trx, row.id, patch);
      // Type and company pick the targets (overrides), priority the target: the clock is counted afresh.
      await recomputeCase(trx, row.id, now.getTime());
    });
    changed('updated', [input.id]);
    return get(input.id);
  }

  async function list(input: ChannelParsedInput<'cases.list'>): Promise<ChannelOutput<'cases.list'>> {
    const page = await listCases(db, input, nowMs());
    return { items: page.items.map(toCaseListItem), total: page.total, nextCursor: page.nextCursor };
  }

  async function remove(id: string): Promise<ChannelOutput<'cases.delete'>> {
    await db.transaction().execute(async (trx) => {
      const row = await requireCase(trx, id);
      await updateCaseRow(trx, row.id, { deleted_at: clock.now().toISOString() });
    });
    changed('deleted', [id]);
    return { ok: true };
  }

  async function restore(id: string): Promise<ChannelOutput<'cases.restore'>> {
    await db.transaction().execute(async (trx) => {
      const row = await requireCase(trx, id, 'id', false);
      if (row.contact_deleted_at) throw AppError.validation('id', `Restore ${row.contact_name} first: the case belongs to them`);
      await updateCaseRow(trx, row.id, { deleted_at: null, updated_at: clock.now().toISOString() });
      await recomputeCase(trx, row.id, nowMs());
    });
    changed('restored', [id]);
    return get(id);
  }

  const flow = createCaseFlow(ctx, { requireCase, get, changed });
  const merging = createCaseMerge(ctx, { requireCase, get, changed });
  return { create, get, update, list, remove, restore, setStatus: flow.setStatus, note: flow.note, rate: flow.rate, merge: merging.merge };
}

export type CasesService = ReturnType<typeof createCases>;
/** What case-flow.ts and case-merge.ts share with this service. */
export type CaseHelpers = {
  requireCase: (from: Kysely<DB>, id: string, path?: string, live?: boolean) => Promise<CaseRow>;
  get: (id: string, from?: Kysely<DB>) => Promise<CaseDetail>;
  changed: (action: 'created' | 'updated' | 'deleted' | 'restored', ids: string[]) => void;
};

function firstLine(text: string | null | undefined): string | null {
  const line = text?.split('\n').find((l) => l.trim())?.trim();
  return line ? line.slice(0, 200) : null;
}
