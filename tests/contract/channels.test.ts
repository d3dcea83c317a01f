// Every channel in the contract, through the real dispatcher: a valid call succeeds and matches the
// output schema; each kind of invalid input is a VALIDATION error naming the field. A channel added to
// the contract without cases here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Channel } from '../../shared/ipc/contract';
import { openTestCore, type TestCore } from '../helpers/core';
import { long, type Case } from './cases';
import { backupsCases } from './backups.cases';
import { dataCases } from './data.cases';
import { documentsCases } from './documents.cases';
import { emailCases } from './email.cases';
import { reportsCases } from './reports.cases';
import { importExportCases } from './import-export.cases';
import { scheduleCases } from './schedule.cases';
import { trashCases } from './trash.cases';
import { contactsCases } from './contacts.cases';
import { fieldsCases } from './fields.cases';
import { duplicatesCases } from './duplicates.cases';
import { mergesCases } from './merges.cases';
import { qualityCases } from './quality.cases';
import { consentCases } from './consent.cases';
import { privacyCases } from './privacy.cases';
import { retentionCases } from './retention.cases';
import { casesCases } from './cases.cases';
import { serviceCases } from './service.cases';
import { productsCases } from './products.cases';
import { quotesCases } from './quotes.cases';
import { invoicesCases } from './invoices.cases';
import { salesCases } from './sales.cases';
import { syncCases } from './sync.cases';

// backupsCases last: its setup takes the backup its restore case brings back, so every feature's fixtures must exist by then.
const features = [importExportCases, emailCases, documentsCases, reportsCases, scheduleCases, fieldsCases, dataCases, trashCases, contactsCases, duplicatesCases, mergesCases, qualityCases, consentCases, privacyCases, retentionCases, casesCases, serviceCases, productsCases, quotesCases, invoicesCases, salesCases, syncCases, backupsCases];

let t: TestCore;
let contactId = '';
let companyId = '';
let activityId = '';
let taskId = '';
let jobId = '';
let stageIds: string[] = [];
let appointmentId = '';
let seriesId = '';

beforeAll(async () => {
  t = await openTestCore();
  companyId = (await t.call('companies.create', { name: 'Fixture Co' })).id;
  contactId = (await t.call('contacts.create', { firstName: 'Fixture', companyId })).id;
  activityId = (await t.call('activities.create', { contactId, type: 'note', notes: 'fixture' })).id;
  taskId = (await t.call('tasks.create', { title: 'Fixture task', contactId })).id;
  jobId = (await t.call('jobs.create', { title: 'Fixture job', contactId, amountMinor: 1000 })).id;
  stageIds = (await t.call('jobs.settings.get', {})).stages.map((s) => s.id);
  appointmentId = (await t.call('appointments.create', { title: 'Site visit', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', contactId })).id;
  seriesId = (await t.call('appointments.create', { title: 'Daily check', startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T09:30:00Z', recurrence: { freq: 'daily', count: 10 } })).id;
  for (const feature of features) await feature.setup?.({ t, contactId, companyId, activityId, jobId });
});
afterAll(() => t.destroy());


const cases: Record<Channel, Case> = {
  'contacts.create': {
    valid: () => ({ firstName: 'Ann', emails: [{ value: 'ann@example.com', label: 'work' }], phones: [{ value: '+1 (555) 010-9999' }], kind: 'prospect', birthday: '--02-29', website: 'ann.example' }),
    invalid: [
      [() => ({ firstName: long(101) }), 'firstName'],
      [() => ({ firstName: 42 }), 'firstName'],
      [() => ({ firstName: 'A', emails: [{ value: 'not-an-email' }] }), 'emails.0.value'],
      [() => ({ firstName: 'A', emails: 'a@b.co' }), 'emails'],
      [() => ({ firstName: 'A', phones: [{ value: 'call me' }] }), 'phones.0.value'],
      [() => ({ firstName: 'A', kind: 'friend' }), 'kind'],
      [() => ({ firstName: 'A', tags: [long(51)] }), 'tags.0'],
      [() => ({ firstName: 'A', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }), 'tags'],
      [() => ({ firstName: 'A', birthday: '2023-02-29' }), 'birthday'],
      [() => ({ firstName: 'A', companyId: 'not-a-uuid' }), 'companyId'],
      [() => ({ firstName: 'A', website: 'not a site' }), 'website'],
      [() => ({ firstName: 'A', emailOptIn: 'yes' }), 'emailOptIn'],
      [() => ({ firstName: 'A', notes: long(20_001) }), 'notes'],
      [() => ({ firstName: 'A', surname: 'B' }), '(input)'],
      [() => ({}), 'firstName'],
    ],
  },
  'contacts.get': { valid: () => ({ id: contactId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({}), 'id']] },
  'contacts.update': {
    valid: () => ({ id: contactId, jobTitle: 'Owner', tags: ['a'] }),
    invalid: [
      [() => ({ id: contactId, lastName: ['x'] }), 'lastName'],
      [() => ({ id: contactId, addresses: [{ city: long(101) }] }), 'addresses.0.city'],
      [() => ({ jobTitle: 'x' }), 'id'],
    ],
  },
  'contacts.delete': { valid: () => ({ id: contactId }), invalid: [[() => ({ id: 7 }), 'id']] },
  'contacts.restore': { valid: () => ({ id: contactId }), invalid: [[() => ({ id: null }), 'id']] },
  'contacts.list': {
    valid: () => ({ query: 'fix', sort: 'lastContacted', limit: 10, kind: 'customer', notContactedForDays: 30, hasOverdueTask: false }),
    invalid: [
      [() => ({ notContactedForDays: 0 }), 'notContactedForDays'],
      [() => ({ hasOverdueTask: 'yes' }), 'hasOverdueTask'],
      [() => ({ limit: 0 }), 'limit'],
      [() => ({ limit: 201 }), 'limit'],
      [() => ({ limit: 1.5 }), 'limit'],
      [() => ({ sort: 'random' }), 'sort'],
      [() => ({ query: 'a\u0000b' }), 'query'], // a longer one is cut to the limit, not refused (#18)
      [() => ({ trashed: 'yes' }), 'trashed'],
      [() => ({ offset: -1 }), 'offset'],
      [() => ({ offset: 2.5 }), 'offset'],
      [() => ({ cursor: long(1001) }), 'cursor'],
    ],
  },
  'companies.create': {
    valid: () => ({ name: 'Acme', website: 'https://acme.example', address: { city: 'Leeds', country: 'UK' }, tags: ['trade'] }),
    invalid: [
      [() => ({}), 'name'],
      [() => ({ name: '   ' }), 'name'],
      [() => ({ name: long(201) }), 'name'],
      [() => ({ name: 'A', address: { planet: 'Mars' } }), 'address'],
    ],
  },
  'companies.get': { valid: () => ({ id: companyId }), invalid: [[() => ({ id: '' }), 'id']] },
  'companies.update': { valid: () => ({ id: companyId, notes: 'Pays on time' }), invalid: [[() => ({ id: companyId, name: '' }), 'name']] },
  'companies.delete': { valid: () => ({ id: companyId }), invalid: [[() => ({}), 'id']] },
  'companies.restore': { valid: () => ({ id: companyId }), invalid: [[() => ({ id: [] }), 'id']] },
  'companies.list': { valid: () => ({ trashed: false, sort: 'createdAt' }), invalid: [[() => ({ sort: 'lastName' }), 'sort']] },
  'activities.create': {
    valid: () => ({ contactId, type: 'call', direction: 'outbound', occurredAt: '2026-11-20T10:15:00+01:00', durationSeconds: 125, outcome: 'connected', subject: 'Quote', followUp: { title: 'Send revised quote', dueAt: '2026-11-27T09:00:00Z' } }),
    invalid: [
      [() => ({ contactId, type: 'fax' }), 'type'],
      [() => ({ contactId, type: 'call', durationSeconds: -1 }), 'durationSeconds'],
      [() => ({ contactId, type: 'call', durationSeconds: 1.5 }), 'durationSeconds'],
      [() => ({ contactId, type: 'call', occurredAt: 'yesterday' }), 'occurredAt'],
      [() => ({ contactId, type: 'call', occurredAt: '2026-13-45T99:00:00Z' }), 'occurredAt'],
      [() => ({ contactId, type: 'call', outcome: 'hung_up' }), 'outcome'],
      [() => ({ contactId, type: 'call', direction: 'sideways' }), 'direction'],
      [() => ({ contactId, type: 'note', followUp: { title: '' } }), 'followUp.title'],
      [() => ({ type: 'note' }), 'contactId'],
      [() => ({ contactId, type: 'note', jobId: 'job-1' }), 'jobId'],
    ],
  },
  'activities.get': { valid: () => ({ id: activityId }), invalid: [[() => ({ id: 'x' }), 'id']] },
  'activities.update': { valid: () => ({ id: activityId, notes: 'edited' }), invalid: [[() => ({ id: activityId, durationSeconds: -5 }), 'durationSeconds']] },
  'activities.delete': { valid: () => ({ id: activityId }), invalid: [[() => ({}), 'id']] },
  'activities.restore': { valid: () => ({ id: activityId }), invalid: [[() => ({ id: 1 }), 'id']] },
  'activities.list': { valid: () => ({ contactId, type: 'note', limit: 5 }), invalid: [[() => ({ type: 'fax' }), 'type'], [() => ({ limit: 0 }), 'limit']] },
  'timeline.list': {
    valid: () => ({ contactId, limit: 10 }),
    invalid: [[() => ({ kind: 'stage_change' }), 'kind'], [() => ({ jobId: 'x' }), 'jobId'], [() => ({ cursor: 5 }), 'cursor']],
  },
  'tasks.create': {
    valid: () => ({ title: 'Call back', dueAt: '2026-11-23T00:00:00Z', allDay: true, contactId, priority: 'high' }),
    invalid: [
      [() => ({ title: '' }), 'title'],
      [() => ({ title: 'x', dueAt: 'Friday' }), 'dueAt'],
      [() => ({ title: 'x', priority: 'urgent' }), 'priority'],
      [() => ({ title: long(201) }), 'title'],
    ],
  },
  'tasks.get': { valid: () => ({ id: taskId }), invalid: [[() => ({ id: '' }), 'id']] },
  'tasks.update': { valid: () => ({ id: taskId, notes: 'Bring samples' }), invalid: [[() => ({ id: taskId, allDay: 'yes' }), 'allDay']] },
  'tasks.complete': { valid: () => ({ id: taskId }), invalid: [[() => ({}), 'id']] },
  'tasks.reopen': { valid: () => ({ id: taskId }), invalid: [[() => ({}), 'id']] },
  'tasks.snooze': { valid: () => ({ id: taskId, until: '2026-11-24T09:00:00Z' }), invalid: [[() => ({ id: taskId, until: 'later' }), 'until']] },
  'tasks.delete': { valid: () => ({ id: taskId }), invalid: [[() => ({}), 'id']] },
  'tasks.restore': { valid: () => ({ id: taskId }), invalid: [[() => ({}), 'id']] },
  'tasks.list': { valid: () => ({ status: 'overdue', contactId }), invalid: [[() => ({ status: 'late' }), 'status'], [() => ({ jobId: 7 }), 'jobId']] },
  'tasks.today': {
    valid: () => ({ dayStart: '2026-11-22T00:00:00+01:00', dayEnd: '2026-11-23T00:00:00+01:00', weekEnd: '2026-11-30T00:00:00+01:00' }),
    invalid: [[() => ({ dayStart: 'today' }), 'dayStart']],
  },
  'jobs.settings.get': { valid: () => ({}), invalid: [[() => ({ x: 1 }), '(input)']] },
  'jobs.settings.update': {
    valid: () => ({ stages: [{ id: stageIds[0], name: 'Enquiry', category: 'open' }, ...stageIds.slice(1).map((id, i) => ({ id, name: `Stage ${i}`, category: 'won' }))], defaultCurrency: 'usd' }),
    invalid: [
      [() => ({ stages: [{ name: 'Only one', category: 'open' }] }), 'stages'],
      [() => ({ stages: [{ name: '', category: 'open' }, { name: 'B', category: 'won' }] }), 'stages.0.name'],
      [() => ({ stages: [{ name: 'A', category: 'maybe' }, { name: 'B', category: 'won' }] }), 'stages.0.category'],
      [() => ({ stages: [{ name: 'A', category: 'open' }, { name: 'B', category: 'won' }], defaultCurrency: 'pounds' }), 'defaultCurrency'],
    ],
  },
  'jobs.create': {
    valid: () => ({ title: 'Bathroom refit', contactId, amountMinor: 450_000, currency: 'gbp', dueDate: '2027-02-01', probability: 70 }),
    invalid: [
      [() => ({}), 'title'],
      [() => ({ title: 'x', amountMinor: -100 }), 'amountMinor'],
      [() => ({ title: 'x', amountMinor: 9.99 }), 'amountMinor'],
      [() => ({ title: 'x', currency: 'Pound' }), 'currency'],
      [() => ({ title: 'x', dueDate: '01/02/2027' }), 'dueDate'],
      [() => ({ title: 'x', probability: 101 }), 'probability'],
      [() => ({ title: 'x', stage: 'Won' }), 'stage'],
    ],
  },
  'jobs.get': { valid: () => ({ id: jobId }), invalid: [[() => ({ id: 'x' }), 'id']] },
  'jobs.update': { valid: () => ({ id: jobId, notes: 'Deposit paid' }), invalid: [[() => ({ id: jobId, amountMinor: -1 }), 'amountMinor']] },
  'jobs.move': { valid: () => ({ id: jobId, stage: stageIds[2] }), invalid: [[() => ({ id: jobId }), 'stage'], [() => ({ id: jobId, stage: 'Won' }), 'stage']] },
  'jobs.delete': { valid: () => ({ id: jobId }), invalid: [[() => ({}), 'id']] },
  'jobs.restore': { valid: () => ({ id: jobId }), invalid: [[() => ({}), 'id']] },
  'jobs.list': { valid: () => ({ sort: 'amount', query: 'fixture' }), invalid: [[() => ({ sort: 'value' }), 'sort']] },
  'jobs.board': { valid: () => ({ contactId, from: '2026-01-01' }), invalid: [[() => ({ from: 'last year' }), 'from']] },
  'jobs.history': { valid: () => ({ id: jobId }), invalid: [[() => ({}), 'id']] },
  'appointments.create': {
    valid: () => ({ title: 'Weekly check-in', startsAt: '2026-11-24T09:00:00+00:00', endsAt: '2026-11-24T09:30:00+00:00', kind: 'call', recurrence: { freq: 'weekly', byWeekday: ['TU', 'TH'], count: 6 }, reminderMinutes: 15 }),
    invalid: [
      [() => ({ title: 'x', startsAt: '2026-11-24T10:00:00Z', endsAt: '2026-11-24T09:00:00Z' }), 'endsAt'],
      [() => ({ title: 'x', startsAt: 'tomorrow', endsAt: '2026-11-24T09:00:00Z' }), 'startsAt'],
      [() => ({ title: 'x', startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T10:00:00Z', kind: 'party' }), 'kind'],
      [() => ({ title: 'x', startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T10:00:00Z', recurrence: { freq: 'hourly' } }), 'recurrence.freq'],
      [() => ({ title: 'x', startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T10:00:00Z', reminderMinutes: -5 }), 'reminderMinutes'],
      [() => ({ title: '', startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T10:00:00Z' }), 'title'],
    ],
  },
  'appointments.get': { valid: () => ({ id: appointmentId }), invalid: [[() => ({ id: 'x' }), 'id']] },
  'appointments.update': { valid: () => ({ id: appointmentId, location: 'Harrogate' }), invalid: [[() => ({ id: appointmentId, endsAt: 'later' }), 'endsAt']] },
  'appointments.delete': { valid: () => ({ id: appointmentId }), invalid: [[() => ({}), 'id']] },
  'appointments.restore': { valid: () => ({ id: appointmentId }), invalid: [[() => ({}), 'id']] },
  'appointments.list': {
    valid: () => ({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }),
    invalid: [[() => ({ from: 'november' }), 'from'], [() => ({ from: '2026-11-01T00:00:00Z' }), 'to']],
  },
  'appointments.moveOccurrence': {
    valid: () => ({ id: seriesId, occurrenceStart: '2026-11-25T09:00:00.000Z', startsAt: '2026-11-25T13:00:00Z', endsAt: '2026-11-25T14:00:00Z' }),
    invalid: [[() => ({ id: seriesId, occurrenceStart: 'tuesday', startsAt: '2026-11-25T13:00:00Z', endsAt: '2026-11-25T14:00:00Z' }), 'occurrenceStart'], [() => ({ id: seriesId, occurrenceStart: '2026-11-25T09:00:00Z' }), 'startsAt']],
  },
  'appointments.skipOccurrence': {
    valid: () => ({ id: seriesId, occurrenceStart: '2026-11-26T09:00:00Z' }),
    invalid: [[() => ({ id: 'x', occurrenceStart: '2026-11-26T09:00:00Z' }), 'id'], [() => ({ id: seriesId }), 'occurrenceStart']],
  },
  'schedule.exportIcs': { valid: () => ({ appointmentId }), invalid: [[() => ({ appointmentId: 'x' }), 'appointmentId']] },
  'tags.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
  'search.global': {
    valid: () => ({ query: 'fixture', limit: 5 }),
    invalid: [
      [() => ({}), 'query'],
      [() => ({ query: 'a\u0000b' }), 'query'], // a longer one is cut to the limit, not refused (#18)
      [() => ({ query: 'x', limit: 51 }), 'limit'],
    ],
  },
  'files.pick': {
    valid: () => ({ purpose: 'import' }),
    invalid: [[() => ({ purpose: 'photos' }), 'purpose'], [() => ({ purpose: 'document', multiple: 'yes' }), 'multiple']],
  },
  ...importExportCases.cases,
  ...emailCases.cases,
  ...documentsCases.cases,
  ...reportsCases.cases,
  ...scheduleCases.cases,
  ...backupsCases.cases,
  ...dataCases.cases,
  ...trashCases.cases,
  ...contactsCases.cases,
  ...duplicatesCases.cases,
  ...mergesCases.cases,
  ...qualityCases.cases,
  ...consentCases.cases,
  ...privacyCases.cases,
  ...retentionCases.cases,
  ...casesCases.cases,
  ...serviceCases.cases,
  ...productsCases.cases,
  ...quotesCases.cases,
  ...invoicesCases.cases,
  ...salesCases.cases,
  ...syncCases.cases,
  ...fieldsCases.cases,
};

describe('the contract', () => {
  it('has cases for every channel', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(contract).sort());
  });

  describe.each(Object.keys(contract) as Channel[])('%s', (channel) => {
    it('accepts valid input and answers with the output schema', async () => {
      const result = await t.core.dispatch(channel, cases[channel]!.valid());
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) expect(contract[channel].output.safeParse(result.value).success).toBe(true);
    });

    it.each((cases[channel]?.invalid ?? []).map(([input, path]) => ({ input, path })))('rejects bad $path as VALIDATION naming it', async ({ input, path }) => {
      const result = await t.core.dispatch(channel, input());
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.issues?.map((i) => i.path)).toContain(path);
      }
    });

    it('rejects a non-object input', async () => {
      for (const input of [undefined, null, 'text', 42, []]) {
        expect(await t.core.dispatch(channel, input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
    });
  });
});
