// Contract cases for the trash feature's channels (see channels.test.ts). The valid deletion for good takes only a
// contact and a service case made (and trashed) here, never "everything": other features' cases keep their own
// records in Trash.
import type { TrashChannel } from '../../shared/ipc/trash.channels';
import { long, type FeatureCases } from './cases';

let trashed = '';
let trashedCase = '';
const UNKNOWN = '0190a7e4-0000-7000-8000-000000000000';

const scopeInvalid: [() => unknown, string][] = [
  [() => ({}), 'items'],
  [() => ({ items: [] }), 'items'],
  [() => ({ items: [{ kind: 'contact', id: 'x' }] }), 'items.0.id'],
  [() => ({ items: [{ kind: 'contact', id: UNKNOWN }, { kind: 'case', id: 'x' }] }), 'items.1.id'],
  [() => ({ items: [{ kind: 'planet', id: UNKNOWN }] }), 'items.0.kind'],
  [() => ({ items: [{ kind: 'contact', id: UNKNOWN, extra: 1 }] }), 'items.0'],
  [() => ({ items: Array.from({ length: 501 }, () => ({ kind: 'contact', id: UNKNOWN })) }), 'items'],
  [() => ({ all: false }), 'all'],
  [() => ({ all: true, items: [{ kind: 'contact', id: UNKNOWN }] }), 'items'],
  [() => ({ everything: true }), '(input)'],
];

export const trashCases: FeatureCases<TrashChannel> = {
  async setup(fx) {
    trashed = (await fx.t.call('contacts.create', { firstName: 'Trash', lastName: 'Case' })).id;
    await fx.t.call('contacts.delete', { id: trashed });
    trashedCase = (await fx.t.call('cases.create', { contactId: fx.contactId, subject: 'Trash case' })).case.id;
    await fx.t.call('cases.delete', { id: trashedCase });
  },
  cases: {
    'trash.summary': { valid: () => ({}), invalid: [[() => ({ kind: 'contact' }), '(input)']] },
    'trash.list': {
      valid: () => ({ kind: 'case', limit: 10 }),
      invalid: [
        [() => ({}), 'kind'],
        [() => ({ kind: 'document' }), 'kind'],
        [() => ({ kind: 'contact', limit: 0 }), 'limit'],
        [() => ({ kind: 'contact', limit: 201 }), 'limit'],
        [() => ({ kind: 'contact', cursor: long(1001) }), 'cursor'],
      ],
    },
    'trash.preview': { valid: () => ({ all: true }), invalid: scopeInvalid },
    'trash.purge': { valid: () => ({ items: [{ kind: 'contact', id: trashed }, { kind: 'case', id: trashedCase }] }), invalid: scopeInvalid },
    'trash.restoreAll': {
      valid: () => ({ kind: 'task' }),
      invalid: [
        [() => ({ kind: 'planet' }), 'kind'],
        [() => ({ kind: 'task', all: true }), '(input)'],
      ],
    },
  },
};
