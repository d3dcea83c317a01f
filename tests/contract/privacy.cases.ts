// Contract cases for the privacy feature's channels (issue #21; see channels.test.ts). The request updated here and
// the person erased were made here; the export's valid call is a review, which writes nothing.
import type { PrivacyChannel } from '../../shared/ipc/privacy.channels';
import { long, type FeatureCases } from './cases';

let contactId = '';
let requestId = '';
let erasePreviewId = '';
let eraseId = '';

export const privacyCases: FeatureCases<PrivacyChannel> = {
  async setup(fx) {
    contactId = fx.contactId;
    requestId = (await fx.t.call('privacy.requests.create', { contactId, kind: 'access', receivedOn: '2026-11-20' })).id;
    erasePreviewId = (await fx.t.call('contacts.create', { firstName: 'PRIVACY', lastName: 'PREVIEW' })).id;
    eraseId = (await fx.t.call('contacts.create', { firstName: 'PRIVACY', lastName: 'ERASE' })).id;
  },
  cases: {
    'privacy.requests.list': {
      valid: () => ({ status: 'open' }),
      invalid: [[() => ({ status: 'late' }), 'status'], [() => ({ contactId: 'x' }), 'contactId'], [() => ({ limit: 0 }), 'limit'], [() => ({ cursor: 'x' }), 'cursor']],
    },
    'privacy.requests.create': {
      valid: () => ({ contactId, kind: 'erasure', receivedOn: '2026-11-21', notes: 'By letter' }),
      invalid: [
        [() => ({ contactId, kind: 'curiosity', receivedOn: '2026-11-21' }), 'kind'],
        [() => ({ contactId, kind: 'access', receivedOn: '21/11/2026' }), 'receivedOn'],
        [() => ({ contactId, kind: 'access' }), 'receivedOn'],
        [() => ({ kind: 'access', receivedOn: '2026-11-21' }), 'requester'],
        [() => ({ contactId: 'x', kind: 'access', receivedOn: '2026-11-21' }), 'contactId'],
        [() => ({ contactId, kind: 'access', receivedOn: '2026-11-21', notes: long(2001) }), 'notes'],
      ],
    },
    'privacy.requests.update': {
      valid: () => ({ id: requestId, extendedTo: '2027-01-20', extensionReason: 'Records in two offices' }),
      invalid: [
        [() => ({ id: 'x' }), 'id'],
        [() => ({ id: requestId, extendedTo: '2027-02-21', extensionReason: 'Too long' }), 'extendedTo'],
        [() => ({ id: requestId, status: 'lost' }), 'status'],
        [() => ({ id: requestId, answeredOn: 'yesterday' }), 'answeredOn'],
        [() => ({ id: requestId, extensionReason: long(501) }), 'extensionReason'],
      ],
    },
    'privacy.export': {
      valid: () => ({ contactId, review: true }),
      invalid: [[() => ({ contactId: 'x' }), 'contactId'], [() => ({ contactId, review: 'yes' }), 'review'], [() => ({ contactId, leaveOut: [long(101)] }), 'leaveOut.0']],
    },
    'privacy.erasePreview': { valid: () => ({ contactId: erasePreviewId }), invalid: [[() => ({ contactId: 'x' }), 'contactId'], [() => ({}), 'contactId']] },
    'privacy.erase': { valid: () => ({ contactId: eraseId }), invalid: [[() => ({ contactId: 'x' }), 'contactId'], [() => ({ contactId: eraseId, purgeBackups: 'yes' }), 'purgeBackups']] },
    'privacy.log': { valid: () => ({ limit: 10 }), invalid: [[() => ({ limit: 501 }), 'limit'], [() => ({ cursor: 'x' }), 'cursor']] },
  },
};
