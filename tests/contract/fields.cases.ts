// Contract cases for the fields feature's channels (custom fields, issue #19; see channels.test.ts). The valid
// calls work on fields made here, so other features' cases see none of them on their records. channels.test.ts runs
// this setup before backupsCases': backups.restore brings back the backup taken there, which must hold these fields.
import type { FieldsChannel } from '../../shared/ipc/fields.channels';
import { long, type FeatureCases } from './cases';

let fieldId = '';
let trashedId = '';
const UNKNOWN = '0190a7e4-0000-7000-8000-000000000000';

export const fieldsCases: FeatureCases<FieldsChannel> = {
  async setup(fx) {
    fieldId = (await fx.t.call('fields.create', { recordType: 'job', label: 'Case field', type: 'text' })).id;
    trashedId = (await fx.t.call('fields.create', { recordType: 'job', label: 'Case trashed', type: 'text' })).id;
    await fx.t.call('fields.delete', { id: trashedId });
  },
  cases: {
    'fields.list': {
      valid: () => ({ recordType: 'contact' }),
      invalid: [[() => ({}), 'recordType'], [() => ({ recordType: 'planet' }), 'recordType'], [() => ({ recordType: 'job', includeArchived: 'yes' }), 'includeArchived']],
    },
    'fields.create': {
      valid: () => ({ recordType: 'job', label: 'Boiler model', type: 'choice', options: [{ label: 'Combi' }, { label: 'System' }] }),
      invalid: [
        [() => ({ recordType: 'job', type: 'text' }), 'label'],
        [() => ({ recordType: 'job', label: ' ', type: 'text' }), 'label'],
        [() => ({ recordType: 'job', label: long(61), type: 'text' }), 'label'],
        [() => ({ recordType: 'job', label: 'X', type: 'colour' }), 'type'],
        [() => ({ recordType: 'job', label: 'X', type: 'money', currency: 'POUNDS' }), 'currency'],
        [() => ({ recordType: 'job', label: 'X', type: 'choice', options: [{ label: 'A' }, { label: 'a' }] }), 'options.1.label'],
        [() => ({ recordType: 'job', label: 'X', type: 'money' }), 'currency'],
      ],
    },
    'fields.update': {
      valid: () => ({ id: fieldId, label: 'Case field renamed', help: 'Shown under the box' }),
      invalid: [[() => ({ id: 'x' }), 'id'], [() => ({ id: fieldId, type: 'colour' }), 'type'], [() => ({ id: fieldId, confirm: 1 }), 'confirm'], [() => ({ id: trashedId, label: 'Y' }), 'id']],
    },
    'fields.archive': { valid: () => ({ id: fieldId, archived: false }), invalid: [[() => ({ id: fieldId }), 'archived'], [() => ({ id: 'x', archived: true }), 'id']] },
    'fields.delete': { valid: () => ({ id: trashedId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({}), 'id']] },
    'fields.restore': { valid: () => ({ id: fieldId }), invalid: [[() => ({ id: 'x' }), 'id']] },
    'fields.reorder': {
      valid: () => ({ recordType: 'job', ids: [fieldId] }),
      invalid: [[() => ({ recordType: 'job', ids: [] }), 'ids'], [() => ({ recordType: 'job', ids: ['x'] }), 'ids.0'], [() => ({ ids: [UNKNOWN] }), 'recordType']],
    },
  },
};
