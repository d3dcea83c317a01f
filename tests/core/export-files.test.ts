// Export files on a real disk (issue #16 items 5 and 6): exports racing to one target never share a temp file and
// never answer INTERNAL; a long target name still leaves room for the temp name; a process killed -9 mid-export
// leaves temp files that the next start removes, and nothing else is touched.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PENDING_EXPORTS_FILE, tempPathFor } from '../../electron/core/export-file';
import { harnessPlatform } from '../../electron/harness/platform';
import { openTestCore, tempDir } from '../helpers/core';
import { readAsSpreadsheet } from '../helpers/spreadsheet';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** A save dialog that answers the same file every time, as a user picking "contacts.csv" twice would. */
function fixedTarget(dataDir: string, target: string) {
  return { ...harnessPlatform(dataDir), saveTarget: async () => target };
}

describe('export temp files', () => {
  it('lets exports race to one target: each gets its own temp file, none answers INTERNAL, none is left', async () => {
    const folder = tempDir();
    const target = join(folder, 'same.csv');
    const dataDir = tempDir();
    const t = await openTestCore({ dataDir, platform: fixedTarget(dataDir, target) });
    try {
      const ada = await t.call('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', notes: '=1+1\nsecond line' });
      await t.call('jobs.create', { title: 'Kitchen', contactId: ada.id, amountMinor: 1000 });
      const calls: [string, unknown][] = [
        ['export.contacts', { format: 'csv' }],
        ['export.contacts', { format: 'csv', preset: 'google' }],
        ['export.contacts', { format: 'vcard' }],
        ['export.table', { table: 'jobs' }],
        ['export.table', { table: 'companies' }],
        ['reports.exportCsv', { ...YEAR, metric: 'pipeline' }],
        ['reports.exportPdf', YEAR],
      ];
      const results = await Promise.all([...calls, ...calls].map(([channel, input]) => t.core.dispatch(channel, input)));
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(readdirSync(folder)).toEqual(['same.csv']);
      expect(existsSync(join(dataDir, PENDING_EXPORTS_FILE))).toBe(false);
      // Whichever finished last, the file is one whole export, not a mix.
      const text = readFileSync(target, 'utf8');
      expect(/^(\uFEFF?[A-Z"][^\r\n]*\r\n|BEGIN:VCARD|<!doctype html>|%PDF-)/.test(text)).toBe(true);
      if (!text.startsWith('BEGIN') && !text.startsWith('<') && !text.startsWith('%PDF-')) {
        const rows = readAsSpreadsheet(text);
        expect(new Set(rows.map((r) => r.length)).size).toBe(1);
      }
    } finally {
      t.destroy();
    }
  });

  it('writes to a target whose name takes nearly all of the 255 bytes a file name may have', async () => {
    const folder = tempDir();
    const target = join(folder, `${'é'.repeat(124)}.csv`); // 252 bytes
    const dataDir = tempDir();
    const t = await openTestCore({ dataDir, platform: fixedTarget(dataDir, target) });
    try {
      await t.call('contacts.create', { firstName: 'Ada' });
      expect((await t.call('export.contacts', { format: 'csv' })).path).toBe(target);
      expect(Buffer.byteLength(tempPathFor(target).split('/').at(-1)!)).toBeLessThanOrEqual(255);
      expect(readdirSync(folder)).toHaveLength(1);
    } finally {
      t.destroy();
    }
  });

  it('removes at start the temp files of an export killed -9, in the exports folder and in a picked folder alike', async () => {
    const dataDir = tempDir();
    const picked = tempDir();
    mkdirSync(join(dataDir, 'exports'));
    // Files that only look alike, and a user's file named in a tampered pending list: none may be touched.
    const decoys = [join(dataDir, 'exports', 'contacts.csv.1234.part'), join(dataDir, 'exports', '.notes.part'), join(picked, 'mine.csv'), join(picked, '.x.rapport-1-a.partial')];
    for (const decoy of decoys) writeFileSync(decoy, 'keep me');

    // tsx as a loader in this very process (its CLI would run the script in a grandchild that -9 cannot reach).
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/export/killed-export-child.ts', dataDir, picked], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('writing')) resolve();
        });
        void exited.then(() => reject(new Error('the export child ended before writing')));
      });
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    const left = [...readdirSync(join(dataDir, 'exports')).map((n) => join(dataDir, 'exports', n)), ...readdirSync(picked).map((n) => join(picked, n))].filter((p) => !decoys.includes(p));
    expect(left).toHaveLength(2);
    expect(left.every((p) => /\/\.contacts\.csv\.rapport-\d+-[0-9a-z]+\.part$/.test(p))).toBe(true);
    writeFileSync(join(dataDir, PENDING_EXPORTS_FILE), `${readFileSync(join(dataDir, PENDING_EXPORTS_FILE), 'utf8')}+${JSON.stringify(join(picked, 'mine.csv'))}\n+"/etc/passw`);

    const t = await openTestCore({ dataDir });
    try {
      for (const path of left) expect(existsSync(path), path).toBe(false);
      for (const decoy of decoys) expect(readFileSync(decoy, 'utf8'), decoy).toBe('keep me');
      expect(existsSync(join(dataDir, PENDING_EXPORTS_FILE))).toBe(false);
      expect(t.logger.lines.some((e) => /removed 2 temp file/.test(e.message))).toBe(true);
    } finally {
      t.destroy();
    }
  }, 60_000);
});
