// Contract cases for the data feature's channels (see channels.test.ts). The move is only checked (dry run): a real
// move would leave the shared fixture core refusing every later call until a restart.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataChannel } from '../../shared/ipc/data.channels';
import { pickPaths } from '../helpers/picks';
import { long, type FeatureCases } from './cases';

let folder = '';

export const dataCases: FeatureCases<DataChannel> = {
  async setup(fx) {
    // Beside the fixture core's data folder (not inside it: that is refused), removed with the temp dir's parent.
    const dir = join(fx.t.dataDir, '..', `${fx.t.dataDir.split('/').pop()}-new-place`);
    mkdirSync(dir);
    folder = (await pickPaths(fx.t, [dir]))[0]!;
  },
  cases: {
    'data.info': { valid: () => ({}), invalid: [[() => ({ folder: '/tmp' }), '(input)']] },
    'data.exportAll': { valid: () => ({}), invalid: [[() => ({ path: '/tmp/x.zip' }), '(input)']] },
    'data.cancel': {
      valid: () => ({ runId: '0190a7e4-0000-7000-8000-000000000000' }),
      invalid: [
        [() => ({}), 'runId'],
        [() => ({ runId: 'x' }), 'runId'],
        [() => ({ runId: 7 }), 'runId'],
      ],
    },
    'data.moveFolder': {
      valid: () => ({ path: folder, dryRun: true }),
      invalid: [
        [() => ({}), 'path'],
        [() => ({ path: 42 }), 'path'],
        [() => ({ path: '' }), 'path'],
        [() => ({ path: long(4097) }), 'path'],
        [() => ({ path: '/tmp/a\u0000b' }), 'path'],
        [() => ({ path: folder, dryRun: 'yes' }), 'dryRun'],
        [() => ({ path: folder, move: true }), '(input)'],
      ],
    },
    // Added, then removed: the shared fixture core is left as the sample found it.
    'data.sample.status': { valid: () => ({}), invalid: [[() => ({ welcome: true }), '(input)']] },
    'data.sample.add': { valid: () => ({}), invalid: [[() => ({ contacts: 20 }), '(input)']] },
    'data.sample.remove': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'data.welcome.dismiss': { valid: () => ({}), invalid: [[() => ({ forever: 'yes' }), '(input)']] },
  },
};
