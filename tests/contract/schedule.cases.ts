// Contract cases for the schedule's calendar import channels (see channels.test.ts): a real corpus file picked
// through files.pick (purpose 'calendar') and imported once, so undo has an import to undo.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import type { FeatureCases } from './cases';

type CalendarImportChannel = 'schedule.importPreview' | 'schedule.importRun' | 'schedule.importCancel' | 'schedule.importUndo' | 'schedule.imports';

const picked = join(import.meta.dirname, '..', 'fixtures', 'real', 'ics', 'tine20-horde3-utc.ics');
let importId = '';
const OTHER_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

export const scheduleCases: FeatureCases<CalendarImportChannel> = {
  async setup({ t }) {
    writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify([picked]));
    await t.call('files.pick', { purpose: 'calendar' });
    importId = (await t.call('schedule.importRun', { path: picked })).importId;
  },
  cases: {
    'schedule.importPreview': {
      valid: () => ({ path: picked }),
      invalid: [
        [() => ({ path: '' }), 'path'],
        [() => ({}), 'path'],
        [() => ({ path: '/etc/passwd' }), 'path'],
        [() => ({ path: picked, limit: 5 }), '(input)'],
      ],
    },
    'schedule.importRun': {
      valid: () => ({ path: picked }),
      invalid: [
        [() => ({ path: '' }), 'path'],
        [() => ({ path: 'tests/fixtures/ics/single.ics' }), 'path'],
      ],
    },
    'schedule.importCancel': { valid: () => ({ importId: OTHER_ID }), invalid: [[() => ({ importId: 'x' }), 'importId'], [() => ({}), 'importId']] },
    'schedule.importUndo': { valid: () => ({ importId }), invalid: [[() => ({ importId: 7 }), 'importId']] },
    'schedule.imports': { valid: () => ({}), invalid: [[() => ({ limit: 5 }), '(input)']] },
  },
};
