// "Explore with sample data" and "Remove sample data": the sample records are made through the domains' own
// services (so they are real records in every way) and remembered by id, so removing takes exactly them, whatever
// the user added meanwhile. Sample records the user edited are removed too: they are still the made-up people.
import { contract, type Channel, type ChannelInput, type ChannelOutput, type ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import {
  deleteSampleRecords,
  dismissWelcome,
  presentSampleIds,
  readSampleIds,
  setDueAndReminded,
  storeIsEmpty,
  welcomeDismissed,
  writeSampleIds,
  type SampleIds,
} from '../../db/data.sample.repo';
import { createActivitiesService } from '../activities/activities';
import { createTasksService } from '../activities/tasks';
import { createCompaniesService } from '../companies/companies';
import { createContactsService } from '../contacts/contacts';
import type { ServiceDeps } from '../deps';
import { createJobsService } from '../jobs/jobs';
import { createAppointmentsService } from '../schedule/appointments';
import { SAMPLE_ACTIVITIES, SAMPLE_APPOINTMENTS, SAMPLE_COMPANIES, SAMPLE_CONTACTS, SAMPLE_FOLLOW_UPS, SAMPLE_JOBS } from './sample-records';

type Counts = ChannelOutput<'data.sample.add'>;
const DAY = 86_400_000;

const parse = <C extends Channel>(channel: C, input: ChannelInput<C>): ChannelParsedInput<C> => contract[channel].input.parse(input) as ChannelParsedInput<C>;

function countsOf(ids: SampleIds): Counts {
  return {
    companies: ids.companies.length,
    contacts: ids.contacts.length,
    jobs: ids.jobs.length,
    activities: ids.activities.length,
    followUps: ids.tasks.length,
    appointments: ids.appointments.length,
  };
}

/** Local wall-clock `hour` on the day `days` from `now` (the user's own day, as the schedule shows it). */
function atLocal(now: Date, days: number, hour: number): Date {
  const at = new Date(now.getTime() + days * DAY);
  at.setHours(hour, 0, 0, 0);
  return at;
}

export function createSample(deps: ServiceDeps) {
  const { db, clock, events } = deps;
  const companies = createCompaniesService(deps);
  const contacts = createContactsService(deps);
  const jobs = createJobsService(deps);
  const tasks = createTasksService(deps);
  const activities = createActivitiesService(deps, tasks);
  const appointments = createAppointmentsService(deps);

  async function present(): Promise<SampleIds | null> {
    const ids = await readSampleIds(db);
    return ids && presentSampleIds(db, ids);
  }

  async function create(ids: SampleIds): Promise<void> {
    const now = clock.now();
    const companyIds = new Map<string, string>();
    for (const company of SAMPLE_COMPANIES) {
      const made = await companies.create(parse('companies.create', company));
      companyIds.set(company.name, made.id);
      ids.companies.push(made.id);
    }
    const contactIds = new Map<string, string>();
    for (const { company, ...contact } of SAMPLE_CONTACTS) {
      const companyId = company ? companyIds.get(company) : undefined;
      const made = await contacts.create(parse('contacts.create', { ...contact, ...(companyId ? { companyId } : {}) }));
      contactIds.set(`${contact.firstName} ${contact.lastName}`, made.id);
      ids.contacts.push(made.id);
    }
    const contactId = (name: string) => {
      const id = contactIds.get(name);
      if (!id) throw new Error(`sample data names no contact ${name}`);
      return id;
    };
    const { stages } = await jobs.settings();
    for (const job of SAMPLE_JOBS) {
      const stage = stages[Math.min(job.stage, stages.length - 1)]!;
      const dueDate = job.dueInDays === undefined ? undefined : new Date(now.getTime() + job.dueInDays * DAY).toISOString().slice(0, 10);
      const made = await jobs.create(
        parse('jobs.create', {
          title: job.title,
          contactId: contactId(job.contact),
          stage: stage.id,
          amountMinor: job.amountMinor,
          ...(dueDate ? { dueDate } : {}),
          ...(job.probability === undefined ? {} : { probability: job.probability }),
          ...(job.lostReason && stage.category === 'lost' ? { lostReason: job.lostReason } : {}),
        }),
      );
      ids.jobs.push(made.id);
    }
    for (const a of SAMPLE_ACTIVITIES) {
      const occurredAt = new Date(Math.min(now.getTime() - 3_600_000, atLocal(now, -a.daysAgo, 11).getTime())).toISOString();
      const made = await activities.create(
        parse('activities.create', {
          contactId: contactId(a.contact),
          type: a.type,
          occurredAt,
          subject: a.subject,
          ...(a.notes ? { notes: a.notes } : {}),
          ...(a.outcome ? { outcome: a.outcome, direction: 'outbound' as const } : {}),
          ...(a.durationSeconds ? { durationSeconds: a.durationSeconds } : {}),
        }),
      );
      ids.activities.push(made.id);
    }
    for (const f of SAMPLE_FOLLOW_UPS) {
      const dueAt = atLocal(now, f.dueInDays, 10);
      // Made-up follow-ups already past due show as overdue on Today without a reminder popping up for each: they
      // get their date and "reminded" in one statement, so the reminder timer never sees them due and unreminded.
      const past = dueAt <= now;
      const made = await tasks.create(
        parse('tasks.create', { contactId: contactId(f.contact), title: f.title, dueAt: past ? null : dueAt.toISOString(), ...(f.priority ? { priority: f.priority } : {}) }),
      );
      if (past) await setDueAndReminded(db, made.id, dueAt.toISOString(), now.toISOString());
      ids.tasks.push(made.id);
    }
    for (const a of SAMPLE_APPOINTMENTS) {
      const startsAt = atLocal(now, a.inDays, a.hour);
      const made = await appointments.create(
        parse('appointments.create', {
          title: a.title,
          contactId: contactId(a.contact),
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + a.hours * 3_600_000).toISOString(),
          ...(a.location ? { location: a.location } : {}),
        }),
      );
      ids.appointments.push(made.id);
    }
  }

  async function remove(ids: SampleIds): Promise<Counts> {
    const found = await presentSampleIds(db, ids);
    await deleteSampleRecords(db, found);
    const entities = { companies: 'company', contacts: 'contact', jobs: 'job', activities: 'activity', tasks: 'task', appointments: 'appointment' } as const;
    for (const [table, entity] of Object.entries(entities) as [keyof SampleIds, (typeof entities)[keyof SampleIds]][]) {
      if (found[table].length > 0) events.emit('data.changed', { entity, action: 'deleted', ids: found[table] });
    }
    return countsOf(found);
  }

  async function status(): Promise<ChannelOutput<'data.sample.status'>> {
    const ids = await present();
    const welcome = !(await welcomeDismissed(db)) && (await storeIsEmpty(db));
    return { welcome, sample: ids ? countsOf(ids) : null };
  }

  return {
    status,

    async add(): Promise<Counts> {
      if (await readSampleIds(db)) throw new AppError('CONFLICT', 'The sample data is already here. Remove it first to add it again.');
      const ids: SampleIds = { companies: [], contacts: [], jobs: [], activities: [], tasks: [], appointments: [] };
      try {
        await create(ids);
      } catch (error) {
        // Half a sample is worse than none: take back what was made, then report.
        await remove(ids);
        throw error;
      }
      await writeSampleIds(db, ids);
      return countsOf(ids);
    },

    async remove(): Promise<Counts> {
      const ids = await readSampleIds(db);
      if (!ids) return countsOf({ companies: [], contacts: [], jobs: [], activities: [], tasks: [], appointments: [] });
      return remove(ids);
    },

    async dismissWelcome() {
      await dismissWelcome(db);
      return status();
    },
  };
}
