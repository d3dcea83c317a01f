// Contract cases for the contacts bulk channels (issue #18; the other contacts channels' cases are in
// channels.test.ts). The valid calls change only a contact made here.
import type { ContactsChannel } from '../../shared/ipc/contacts.channels';
import type { FeatureCases } from './cases';

let own = '';
let undoId = '';

export const contactsCases: FeatureCases<Extract<ContactsChannel, 'contacts.bulkUpdate' | 'contacts.bulkUndo'>> = {
  async setup(fx) {
    own = (await fx.t.call('contacts.create', { firstName: 'Bulk', lastName: 'Case' })).id;
    undoId = (await fx.t.call('contacts.bulkUpdate', { target: { ids: [own] }, change: { action: 'setKind', kind: 'partner' } })).undoId;
  },
  cases: {
    'contacts.bulkUpdate': {
      valid: () => ({ target: { ids: [own] }, change: { action: 'addTags', tags: ['contract'] } }),
      invalid: [
        [() => ({ target: { ids: [own] }, change: { action: 'addTags', tags: [] } }), 'change.tags'],
        [() => ({ target: { ids: [own] }, change: { action: 'paint' } }), 'change.action'],
        [() => ({ target: { ids: [own] }, change: { action: 'setEmailOptIn', emailOptIn: true } }), 'change.note'],
        [() => ({ target: { ids: [own] }, change: { action: 'linkCompany', companyId: 'x' } }), 'change.companyId'],
      ],
    },
    'contacts.bulkUndo': { valid: () => ({ undoId }), invalid: [[() => ({ undoId: 'x' }), 'undoId']] },
  },
};
