// Contract cases for the backups feature's channels (see channels.test.ts). Setup takes one backup after every
// feature's fixtures exist, so restoring it (the valid restore case) brings back the same fixtures.
import type { BackupsChannel } from '../../shared/ipc/backups.channels';
import { long, type FeatureCases } from './cases';

let backupId = '';
let contactIdInBackup = '';
const UNKNOWN = '0190f2a1-0000-7000-8000-000000000000';

export const backupsCases: FeatureCases<BackupsChannel> = {
  async setup({ t, contactId }) {
    contactIdInBackup = contactId;
    backupId = (await t.call('backups.create', {})).backup.id;
  },
  cases: {
    'backups.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'backups.create': { valid: () => ({}), invalid: [[() => ({ reason: 'manual' }), '(input)']] },
    'backups.open': {
      valid: () => ({ id: backupId, search: 'Fix', contactId: contactIdInBackup }),
      invalid: [
        [() => ({ id: 'latest' }), 'id'],
        [() => ({ id: backupId, search: long(201) }), 'search'],
        [() => ({ id: backupId, contactId: 7 }), 'contactId'],
      ],
    },
    'backups.restore': { valid: () => ({ id: backupId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({}), 'id']] },
    'backups.restoreRecord': {
      valid: () => ({ id: backupId, type: 'contact', recordId: contactIdInBackup }),
      invalid: [
        [() => ({ id: backupId, type: 'company', recordId: contactIdInBackup }), 'type'],
        [() => ({ id: backupId, type: 'job', recordId: 'x' }), 'recordId'],
        [() => ({ id: UNKNOWN.slice(1), type: 'job', recordId: UNKNOWN }), 'id'],
      ],
    },
    'backups.settings.get': { valid: () => ({}), invalid: [[() => ({ x: 1 }), '(input)']] },
    'backups.settings.update': {
      valid: () => ({ hourly: true, capGb: 5 }),
      invalid: [
        [() => ({ capGb: 0 }), 'capGb'],
        [() => ({ capGb: 'big' }), 'capGb'],
        [() => ({ hourly: 'yes' }), 'hourly'],
        [() => ({ passphrase: 'short' }), 'passphrase'],
        [() => ({ secondFolder: 'not picked' }), 'secondFolder'],
        [() => ({ secondFolder: 'bad\u0000path' }), 'secondFolder'],
      ],
    },
  },
};
