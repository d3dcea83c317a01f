// Contract cases for the duplicates feature's channels (issue #20; see channels.test.ts).
import type { DuplicatesChannel } from '../../shared/ipc/duplicates.channels';
import type { FeatureCases } from './cases';

export const duplicatesCases: FeatureCases<DuplicatesChannel> = {
  cases: {
    'duplicates.scan': { valid: () => ({ kind: 'contact' }), invalid: [[() => ({ kind: 'planet' }), 'kind']] },
    'duplicates.cancel': { valid: () => ({}), invalid: [[() => ({ now: true }), '(input)']] },
    'duplicates.list': { valid: () => ({ threshold: 0.8 }), invalid: [[() => ({ threshold: 2 }), 'threshold'], [() => ({ limit: 0 }), 'limit']] },
    'duplicates.dismiss': {
      valid: () => ({ ids: ['0190a7e4-0000-7000-8000-000000000001', '0190a7e4-0000-7000-8000-000000000002'] }),
      invalid: [[() => ({ ids: ['0190a7e4-0000-7000-8000-000000000001'] }), 'ids'], [() => ({ ids: ['x', 'y'] }), 'ids.0']],
    },
    'duplicates.check': { valid: () => ({ fields: { firstName: 'Fixture' } }), invalid: [[() => ({ fields: { emails: 'a@b.co' } }), 'fields.emails'], [() => ({ id: 'x', fields: {} }), 'id']] },
  },
};
