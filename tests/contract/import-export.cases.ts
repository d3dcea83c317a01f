// Contract cases for the import-export domain's channels (see channels.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import type { ImportExportChannel } from '../../shared/ipc/import-export.channels';
import { long, type FeatureCases } from './cases';

let picked = '';
let importId = '';
const OTHER_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

export const importExportCases: FeatureCases<ImportExportChannel> = {
  async setup({ t }) {
    picked = join(t.dataDir, 'contract.csv');
    writeFileSync(picked, 'First Name,Last Name,Email\r\nContract,Case,contract@example.com\r\n');
    writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify([picked]));
    await t.call('files.pick', { purpose: 'import' });
    importId = (await t.call('import.run', { path: picked, duplicates: 'skip' })).importId;
  },
  cases: {
    'export.contacts': {
      valid: () => ({ format: 'csv', preset: 'google', filter: { tag: 'VIP', query: 'ann' }, bom: true }),
      invalid: [
        [() => ({ format: 'xlsx' }), 'format'],
        [() => ({ format: 'csv', preset: 'yahoo' }), 'preset'],
        [() => ({ format: 'csv', columns: [] }), 'columns'],
        [() => ({ format: 'csv', filter: { ids: ['x'] } }), 'filter.ids.0'],
        [() => ({ format: 'csv', filter: { kind: 'friend' } }), 'filter.kind'],
        [() => ({ format: 'vcard', vcardVersion: '2.1' }), 'vcardVersion'],
        [() => ({ format: 'csv', columns: ['First Name', 'Password'] }), 'columns.1'],
      ],
    },
    'export.table': {
      valid: () => ({ table: 'jobs', bom: true }),
      invalid: [
        [() => ({ table: 'users' }), 'table'],
        [() => ({}), 'table'],
      ],
    },
    'export.cancel': { valid: () => ({ exportId: OTHER_ID }), invalid: [[() => ({ exportId: 'x' }), 'exportId'], [() => ({}), 'exportId']] },
    'import.preview': {
      valid: () => ({ path: picked }),
      invalid: [
        [() => ({ path: '' }), 'path'],
        [() => ({}), 'path'],
        [() => ({ path: '/etc/passwd' }), 'path'],
      ],
    },
    'import.run': {
      valid: () => ({ path: picked, duplicates: 'update', mapping: [{ column: 'Email', target: 'email', group: 'email:1' }] }),
      invalid: [
        [() => ({ path: picked }), 'duplicates'],
        [() => ({ path: picked, duplicates: 'merge' }), 'duplicates'],
        [() => ({ path: picked, duplicates: 'skip', mapping: [{ column: 'Email', target: 'password' }] }), 'mapping.0.target'],
        [() => ({ path: picked, duplicates: 'skip', mapping: [{ column: long(201), target: null }] }), 'mapping.0.column'],
        [() => ({ path: '/etc/passwd', duplicates: 'skip' }), 'path'],
      ],
    },
    'import.check': {
      valid: () => ({ path: picked, duplicates: 'update' }),
      invalid: [
        [() => ({ path: picked }), 'duplicates'],
        [() => ({ path: '/etc/passwd', duplicates: 'skip' }), 'path'],
      ],
    },
    'import.cancel': { valid: () => ({ importId: OTHER_ID }), invalid: [[() => ({ importId: 'x' }), 'importId'], [() => ({}), 'importId']] },
    'import.undo': { valid: () => ({ importId }), invalid: [[() => ({ importId: 7 }), 'importId']] },
    'imports.list': { valid: () => ({}), invalid: [[() => ({ limit: 5 }), '(input)']] },
  },
};
