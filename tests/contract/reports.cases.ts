// Contract cases for the reports feature's channels (see channels.test.ts).
import type { ReportsChannel } from '../../shared/ipc/reports.channels';
import { long, type FeatureCases } from './cases';

let segmentId = '';
let deletableId = '';
let jobTypeId = '';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

export const reportsCases: FeatureCases<ReportsChannel> = {
  async setup({ t }) {
    segmentId = (await t.call('segments.create', { name: 'Fixture segment', filter: { kind: 'customer' } })).id;
    deletableId = (await t.call('segments.create', { name: 'To delete', filter: {} })).id;
    jobTypeId = (await t.call('fields.create', { recordType: 'job', label: 'Contract job type', type: 'choice', options: [{ label: 'Kitchen' }] })).id;
  },
  cases: {
    'segments.create': {
      valid: () => ({ name: `Leeds ${Math.random()}`, filter: { city: 'Leeds', hasOpenJobs: true, revenueAboveMinor: 100, emailOptIn: true } }),
      invalid: [
        [() => ({ name: '', filter: {} }), 'name'],
        [() => ({ name: long(61), filter: {} }), 'name'],
        [() => ({ name: 'X', filter: { lastContactedBefore: 'soon' } }), 'filter.lastContactedBefore'],
        [() => ({ name: 'X', filter: { revenueAboveMinor: 1.5 } }), 'filter.revenueAboveMinor'],
        [() => ({ name: 'X', filter: { colour: 'red' } }), 'filter'],
        [() => ({ name: 'X' }), 'filter'],
      ],
    },
    'segments.update': {
      valid: () => ({ id: segmentId, filter: { kind: 'prospect' } }),
      invalid: [
        [() => ({ id: 'x' }), 'id'],
        [() => ({ id: segmentId, name: long(61) }), 'name'],
        [() => ({ id: segmentId, filter: { hasOpenJobs: 'yes' } }), 'filter.hasOpenJobs'],
      ],
    },
    'segments.delete': { valid: () => ({ id: deletableId }), invalid: [[() => ({ id: 3 }), 'id']] },
    'segments.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'segments.count': {
      valid: () => ({ filter: { emailOptIn: false, region: 'Kent' } }),
      invalid: [
        [() => ({ filter: { emailOptIn: 'no' } }), 'filter.emailOptIn'],
        [() => ({ filter: { city: long(101) } }), 'filter.city'],
      ],
    },
    'reports.dashboard': {
      valid: () => ({ ...YEAR, currency: 'gbp' }),
      invalid: [
        [() => ({ from: '2026-01-01' }), 'to'],
        [() => ({ from: '2026-02-30', to: '2026-03-01' }), 'from'],
        [() => ({ from: '2026-03-01', to: '2026-02-01' }), 'to'],
        [() => ({ from: '2000-01-01', to: '2026-02-01' }), 'to'],
        [() => ({ ...YEAR, currency: 'pounds' }), 'currency'],
      ],
    },
    'reports.records': {
      valid: () => ({ ...YEAR, metric: 'wonJobs', month: '2026-02' }),
      invalid: [
        [() => ({ ...YEAR, metric: 'everything' }), 'metric'],
        [() => ({ ...YEAR, metric: 'wonJobs', month: '2026-13' }), 'month'],
        [() => ({ ...YEAR, metric: 'activities', type: 'fax' }), 'type'],
        [() => ({ ...YEAR, metric: 'topClients', tier: 'gold' }), 'tier'],
        [() => ({ ...YEAR, metric: 'pipeline', stageId: 'x' }), 'stageId'],
        [() => ({ ...YEAR, metric: 'fieldJobs', fieldId: 'x' }), 'fieldId'],
        [() => ({ ...YEAR, metric: 'fieldJobs', fieldId: jobTypeId, option: long(81) }), 'option'],
      ],
    },
    'reports.breakdown': {
      valid: () => ({ ...YEAR, fieldId: jobTypeId }),
      invalid: [
        [() => YEAR, 'fieldId'],
        [() => ({ ...YEAR, fieldId: 'x' }), 'fieldId'],
        [() => ({ from: '2026-03-01', to: '2026-02-01', fieldId: jobTypeId }), 'to'],
        [() => ({ ...YEAR, fieldId: jobTypeId, currency: 'pounds' }), 'currency'],
        [() => ({ ...YEAR, fieldId: jobTypeId, by: 'stage' }), '(input)'],
      ],
    },
    'reports.exportCsv': {
      valid: () => ({ ...YEAR, metric: 'pipeline' }),
      invalid: [[() => ({ ...YEAR }), 'metric']],
    },
    'reports.exportPdf': { valid: () => YEAR, invalid: [[() => ({ from: 'yesterday', to: '2026-01-01' }), 'from']] },
    'alerts.list': { valid: () => ({}), invalid: [[() => ({ days: 3 }), '(input)']] },
    'reports.settings.get': { valid: () => ({}), invalid: [[() => ({ quoteDays: 10 }), '(input)']] },
    'reports.settings.update': {
      valid: () => ({ quoteDays: 10 }),
      invalid: [
        [() => ({ quoteDays: 0 }), 'quoteDays'],
        [() => ({ unpaidDays: 2.5 }), 'unpaidDays'],
        [() => ({ driftDays: 4000 }), 'driftDays'],
      ],
    },
  },
};
