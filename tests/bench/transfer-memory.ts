// The memory half of the transfer benchmark: one process that holds nothing but the core (as Electron main does)
// runs one import or one export and prints its peak RSS. transfer.ts bundles this file with the same esbuild
// settings as Electron main and runs it on plain Node, so the figure is the shipped code's, not tsx's (~45 MB more).
// Usage (bundled): node transfer-memory.cjs import|export <dataDir> [csv]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../../electron/core/app';
import { memoryLogger } from '../../electron/core/logger';
import { HARNESS_PICKS_FILE, harnessPlatform } from '../../electron/harness/platform';
import { call } from './call';

async function memoryChild(task: string, dataDir: string, csv: string | undefined): Promise<void> {
  const core = await openCore({ dataDir, logger: memoryLogger(), startReminders: false, platform: harnessPlatform(dataDir) });
  try {
    if (task === 'import') {
      if (!csv) throw new Error('the import child needs a CSV file');
      writeFileSync(join(dataDir, HARNESS_PICKS_FILE), JSON.stringify([csv]));
      await call(core, 'files.pick', { purpose: 'import' });
      await call(core, 'import.run', { path: csv, duplicates: 'skip' });
    } else await call(core, 'export.contacts', { format: 'csv' });
    // maxRSS is the process's high-water mark (KiB).
    process.stdout.write(`${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
  } finally {
    core.close();
  }
}

memoryChild(process.argv[2]!, process.argv[3]!, process.argv[4]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
