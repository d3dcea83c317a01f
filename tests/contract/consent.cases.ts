// Contract cases for the consent feature's channels (issue #21; see channels.test.ts). The valid purposes update
// saves the list as it is (nothing archived), so other features' cases find the default purposes unchanged.
import type { Purpose } from '../../shared/domain/consent';
import type { ConsentChannelName } from '../../shared/ipc/consent.channels';
import { long, type FeatureCases } from './cases';

let contactId = '';
let purposes: Purpose[] = [];
const newsletterId = () => purposes.find((p) => p.key === 'newsletter')!.id;
const asListed = () => purposes.filter((p) => !p.archived).map((p) => ({ id: p.id, name: p.name, channel: p.channel, defaultBasis: p.defaultBasis }));

export const consentCases: FeatureCases<ConsentChannelName> = {
  async setup(fx) {
    contactId = (await fx.t.call('contacts.create', { firstName: 'CONSENT', lastName: 'CASE' })).id;
    purposes = (await fx.t.call('consent.purposes.list', {})).items;
  },
  cases: {
    'consent.purposes.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'consent.purposes.update': {
      valid: () => ({ purposes: asListed() }),
      invalid: [
        [() => ({ purposes: [] }), 'purposes'],
        [() => ({ purposes: [{ name: '', channel: 'email' }] }), 'purposes.0.name'],
        [() => ({ purposes: [{ name: long(61), channel: 'email' }] }), 'purposes.0.name'],
        [() => ({ purposes: [{ name: 'Texts', channel: 'sms' }] }), 'purposes.0.channel'],
        [() => ({ purposes: [{ name: 'Texts', channel: 'any', defaultBasis: 'whim' }] }), 'purposes.0.defaultBasis'],
        [() => ({ purposes: [{ id: '0b5c7e2a-6f0d-4c1e-9a3b-2d1fffffffff', name: 'Gone', channel: 'any' }, ...asListed()] }), 'purposes.0.id'],
      ],
    },
    'consent.record': {
      valid: () => ({ contactId, purposeId: newsletterId(), action: 'given', source: 'form', wording: 'Yes please', capturedAt: '2026-01-01T09:00:00Z' }),
      invalid: [
        [() => ({ contactId, purposeId: newsletterId(), action: 'maybe', source: 'form' }), 'action'],
        [() => ({ contactId, purposeId: newsletterId(), action: 'given', source: 'import' }), 'source'],
        [() => ({ contactId: 'x', purposeId: newsletterId(), action: 'given', source: 'form' }), 'contactId'],
        [() => ({ contactId, purposeId: newsletterId(), action: 'given', source: 'form', capturedAt: 'yesterday' }), 'capturedAt'],
        [() => ({ contactId, purposeId: newsletterId(), action: 'given', source: 'form', capturedAt: '2999-01-01T00:00:00Z' }), 'capturedAt'],
        [() => ({ contactId, purposeId: '0b5c7e2a-6f0d-4c1e-9a3b-2d1fffffffff', action: 'given', source: 'form' }), 'purposeId'],
        [() => ({ contactId, purposeId: newsletterId(), action: 'given', source: 'form', wording: long(2001) }), 'wording'],
      ],
    },
    'consent.history': { valid: () => ({ contactId }), invalid: [[() => ({ contactId: 'x' }), 'contactId'], [() => ({}), 'contactId']] },
  },
};
