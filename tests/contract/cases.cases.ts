// Contract cases for the cases feature's channels (issue #22; see channels.test.ts). The case, its template and the
// user's status are made here, so no other feature's fixture is changed.
import type { CasesChannel } from '../../shared/ipc/cases.channels';
import { long, type FeatureCases } from './cases';

let caseId = '';
let otherCaseId = '';
let trashedId = '';
let emailId = '';
let otherEmailId = '';
let templateId = '';
let contactId = '';
/** A case of a contact with an email address: replies go to it (the fixture contact has none). */
let replyCaseId = '';
let statuses: { id: string; name: string; category: string; key: string | null }[] = [];
const NOPE = '00000000-0000-4000-8000-000000000000';
const status = (key: string) => statuses.find((s) => s.key === key)!.id;

export const casesCases: FeatureCases<CasesChannel> = {
  async setup(fx) {
    contactId = fx.contactId;
    statuses = (await fx.t.call('cases.statuses.list', {})).statuses;
    templateId = (await fx.t.call('cases.templates.create', { name: 'Warranty claim', type: 'warranty', priority: 'high', checklist: [{ title: 'Order part', dayOffset: 1 }] })).id;
    caseId = (await fx.t.call('cases.create', { contactId, subject: 'Leaking tap', type: 'warranty', jobId: fx.jobId })).case.id;
    otherCaseId = (await fx.t.call('cases.create', { contactId, subject: 'Leaking tap again' })).case.id;
    trashedId = (await fx.t.call('cases.create', { contactId, subject: 'Mistake' })).case.id;
    const mailable = (await fx.t.call('contacts.create', { firstName: 'Case', lastName: 'Customer', emails: [{ value: 'case.customer@client.test' }] })).id;
    replyCaseId = (await fx.t.call('cases.create', { contactId: mailable, subject: 'Dripping shower' })).case.id;
    await fx.t.call('cases.delete', { id: trashedId });
    emailId = (await fx.t.call('activities.create', { contactId, type: 'email', direction: 'inbound', subject: 'Re: Leaking tap', notes: 'It drips again' })).id;
    otherEmailId = (await fx.t.call('activities.create', { contactId: mailable, type: 'email', direction: 'inbound', subject: 'Shower' })).id;
  },
  cases: {
    'cases.create': {
      valid: () => ({ contactId, subject: 'Album reprint', type: 'request', priority: 'low', channel: 'email' }),
      invalid: [
        [() => ({ subject: 'No one' }), 'contactId'],
        [() => ({ contactId, subject: long(201) }), 'subject'],
        [() => ({ contactId, subject: 'x', type: 'moan' }), 'type'],
        [() => ({ contactId, subject: 'x', priority: 'asap' }), 'priority'],
        [() => ({ contactId, subject: 'x', channel: 'fax' }), 'channel'],
        [() => ({ contactId: NOPE, subject: 'x' }), 'contactId'],
        [() => ({ contactId, subject: 'x', templateId: NOPE }), 'templateId'],
        [() => ({ contactId, subject: 'x', statusId: status('resolved') }), 'statusId'],
        [() => ({ contactId }), 'subject'],
      ],
    },
    'cases.get': { valid: () => ({ id: caseId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({ id: NOPE }), 'id']] },
    'cases.update': {
      valid: () => ({ id: caseId, priority: 'urgent', description: 'Under the sink' }),
      invalid: [
        [() => ({ id: caseId, subject: '  ' }), 'subject'],
        [() => ({ id: caseId, priority: 'soon' }), 'priority'],
        [() => ({ id: NOPE, subject: 'x' }), 'id'],
        [() => ({ id: caseId, jobId: NOPE }), 'jobId'],
      ],
    },
    'cases.list': {
      valid: () => ({ category: 'active', sort: 'due', limit: 10 }),
      invalid: [
        [() => ({ category: 'pending' }), 'category'],
        [() => ({ sort: 'random' }), 'sort'],
        [() => ({ limit: 0 }), 'limit'],
        [() => ({ cursor: 'x' }), 'cursor'],
      ],
    },
    'cases.delete': { valid: () => ({ id: otherCaseId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({ id: NOPE }), 'id']] },
    'cases.restore': { valid: () => ({ id: trashedId }), invalid: [[() => ({ id: NOPE }), 'id']] },
    'cases.setStatus': {
      valid: () => ({ id: caseId, statusId: status('waitingCustomer'), remindOn: '2099-01-02' }),
      invalid: [
        [() => ({ id: caseId, statusId: NOPE }), 'statusId'],
        [() => ({ id: caseId, statusId: status('inProgress'), remindOn: 'tomorrow' }), 'remindOn'],
        [() => ({ id: NOPE, statusId: status('inProgress') }), 'id'],
      ],
    },
    'cases.reply': {
      valid: () => ({ id: replyCaseId, body: 'We will send a fitter on Monday.' }),
      invalid: [
        [() => ({ id: caseId, templateId: NOPE }), 'templateId'],
        [() => ({ id: NOPE, body: 'x' }), 'id'],
        [() => ({ id: caseId, body: 'x', minutesSpent: -1 }), 'minutesSpent'],
      ],
    },
    'cases.note': {
      valid: () => ({ id: caseId, body: 'Ordered the cartridge', minutesSpent: 10 }),
      invalid: [
        [() => ({ id: caseId, body: '' }), 'body'],
        [() => ({ id: caseId, body: 'x', kind: 'fax' }), 'kind'],
        [() => ({ id: caseId, body: 'x', minutesSpent: 1441 }), 'minutesSpent'],
        [() => ({ id: caseId, body: 'x', at: 'yesterday' }), 'at'],
      ],
    },
    'cases.rate': {
      valid: () => ({ id: caseId, score: 5, comment: 'Quick and tidy', source: 'call' }),
      invalid: [
        [() => ({ id: caseId, score: 0 }), 'score'],
        [() => ({ id: caseId, score: 6 }), 'score'],
        [() => ({ id: caseId, score: 4.5 }), 'score'],
      ],
    },
    'cases.merge': {
      valid: () => ({ intoId: caseId, fromIds: [trashedId] }),
      invalid: [
        [() => ({ intoId: caseId, fromIds: [] }), 'fromIds'],
        [() => ({ intoId: caseId, fromIds: [caseId] }), 'fromIds.0'],
        [() => ({ intoId: NOPE, fromIds: [caseId] }), 'intoId'],
      ],
    },
    'cases.attachEmail': {
      valid: () => ({ id: caseId, activityId: emailId }),
      invalid: [
        [() => ({ id: caseId, activityId: 'x' }), 'activityId'],
        [() => ({ id: caseId, activityId: otherEmailId }), 'activityId'],
        [() => ({ id: NOPE, activityId: emailId }), 'id'],
      ],
    },
    'cases.templates.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'cases.templates.create': {
      valid: () => ({ name: 'Reprint', type: 'request', checklist: [{ title: 'Call the lab', dayOffset: 0 }] }),
      invalid: [
        [() => ({ name: '' }), 'name'],
        [() => ({ name: 'x', checklist: [{ title: 'x', dayOffset: -1 }] }), 'checklist.0.dayOffset'],
        [() => ({ name: 'x', checklist: [{ title: '', dayOffset: 1 }] }), 'checklist.0.title'],
      ],
    },
    'cases.templates.update': {
      valid: () => ({ id: templateId, priority: 'urgent' }),
      invalid: [[() => ({ id: NOPE, name: 'x' }), 'id'], [() => ({ id: templateId, type: 'moan' }), 'type']],
    },
    'cases.templates.delete': { valid: () => ({ id: templateId }), invalid: [[() => ({ id: NOPE }), 'id']] },
    'cases.statuses.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'cases.statuses.update': {
      valid: () => ({ statuses: [...statuses.map(({ id, name, category }) => ({ id, name, category })), { name: 'Parts ordered', category: 'waiting' }] }),
      invalid: [
        [() => ({ statuses: statuses.filter((s) => s.key !== 'new').map(({ id, name, category }) => ({ id, name, category })) }), 'statuses'],
        [() => ({ statuses: [{ name: '', category: 'open' }, ...statuses.map(({ id, name, category }) => ({ id, name, category }))] }), 'statuses.0.name'],
        [() => ({ statuses: [{ name: 'x', category: 'limbo' }] }), 'statuses.0.category'],
      ],
    },
  },
};
