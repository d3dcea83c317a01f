// Contract cases for the retention feature's channels (issue #21; see channels.test.ts). The kept contact is made
// here, so no other feature's fixture is taken off a list or changed.
import type { RetentionChannel } from '../../shared/ipc/retention.channels';
import type { FeatureCases } from './cases';

let keptId = '';
const rule = { appliesTo: 'prospect', from: 'lastContacted', months: 36 } as const;

export const retentionCases: FeatureCases<RetentionChannel> = {
  async setup(fx) {
    keptId = (await fx.t.call('contacts.create', { firstName: 'RETENTION', lastName: 'CASE', kind: 'prospect' })).id;
  },
  cases: {
    'retention.rules.get': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'retention.rules.update': {
      valid: () => ({ rules: [rule, { appliesTo: 'formerClient', from: 'lastJob', months: 72, enabled: true }] }),
      invalid: [
        [() => ({ rules: [rule, { ...rule, months: 12 }] }), 'rules.1.appliesTo'],
        [() => ({ rules: [{ ...rule, months: 0 }] }), 'rules.0.months'],
        [() => ({ rules: [{ ...rule, months: 241 }] }), 'rules.0.months'],
        [() => ({ rules: [{ ...rule, appliesTo: 'friends' }] }), 'rules.0.appliesTo'],
        [() => ({ rules: [{ ...rule, from: 'birthday' }] }), 'rules.0.from'],
        [() => ({ rules: [{ ...rule, id: 'x' }] }), 'rules.0.id'],
        [() => ({ rules: Array.from({ length: 21 }, () => rule) }), 'rules'],
        [() => ({}), 'rules'],
      ],
    },
    'retention.review': {
      valid: () => ({ limit: 10 }),
      invalid: [[() => ({ limit: 0 }), 'limit'], [() => ({ limit: 501 }), 'limit'], [() => ({ cursor: 'x' }), 'cursor']],
    },
    'retention.decide': {
      valid: () => ({ contactId: keptId, decision: 'keep', reason: 'Contract case', until: '2099-01-01' }),
      invalid: [
        [() => ({ contactId: keptId, decision: 'keep' }), 'reason'],
        [() => ({ contactId: keptId, decision: 'keep', reason: '   ' }), 'reason'],
        [() => ({ contactId: keptId, decision: 'forget' }), 'decision'],
        [() => ({ contactId: 'x', decision: 'anonymise' }), 'contactId'],
        [() => ({ contactId: keptId, decision: 'keep', reason: 'x', until: 'soon' }), 'until'],
        [() => ({ contactId: keptId, decision: 'keep', reason: 'x', until: '2000-01-01' }), 'until'],
      ],
    },
  },
};
