// Contract cases for the merges feature's channels (issue #20; see channels.test.ts). The valid merges work on
// records made here, so the shared fixtures stay as they are.
import type { MergesChannel } from '../../shared/ipc/merges.channels';
import type { FeatureCases } from './cases';

let people: string[] = [];
let firms: string[] = [];
let mergeId = '';
const UNKNOWN = '0190a7e4-0000-7000-8000-000000000000';

export const mergesCases: FeatureCases<MergesChannel> = {
  async setup(fx) {
    people = [];
    for (const lastName of ['Merge A', 'Merge B', 'Merge C', 'Merge D']) people.push((await fx.t.call('contacts.create', { firstName: 'Case', lastName })).id);
    firms = [];
    for (const name of ['Merge Firm A', 'Merge Firm B']) firms.push((await fx.t.call('companies.create', { name })).id);
    mergeId = (await fx.t.call('contacts.merge', { ids: [people[2]!, people[3]!], keep: people[2]! })).mergeId;
  },
  cases: {
    'contacts.merge': {
      valid: () => ({ ids: [people[0], people[1]], keep: people[0], fields: { lastName: people[1] } }),
      invalid: [
        [() => ({ ids: [people[0]], keep: people[0] }), 'ids'],
        [() => ({ ids: Array.from({ length: 11 }, () => UNKNOWN), keep: UNKNOWN }), 'ids'],
        [() => ({ ids: [people[0], people[1]] }), 'keep'],
        [() => ({ ids: [people[0], people[1]], keep: people[0], fields: { lastName: 'x' } }), 'fields.lastName'],
      ],
    },
    'companies.merge': { valid: () => ({ ids: firms, keep: firms[0] }), invalid: [[() => ({ ids: 'x', keep: firms[0] }), 'ids']] },
    'merges.undo': { valid: () => ({ mergeId }), invalid: [[() => ({ mergeId: 'x' }), 'mergeId'], [() => ({}), 'mergeId']] },
    'merges.list': { valid: () => ({}), invalid: [[() => ({ recordId: 'x' }), 'recordId'], [() => ({ limit: 0 }), 'limit']] },
  },
};
