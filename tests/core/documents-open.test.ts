// Issue #16 items 1 and 5: Open hands only document types to the OS opener (the harness platform records what was
// opened and what was revealed); a program, script, shortcut, app bundle, renamed program or link is shown in its
// folder instead and the answer says so. Opens of one document at once never race (0 INTERNAL).
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { harnessPlatform } from '../../electron/harness/platform';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { attachingPicked } from '../helpers/picks';

let t: TestCore;
let src = '';
const platform = () => t.core.platform as ReturnType<typeof harnessPlatform>;
const write = (name: string, data: string | Buffer) => {
  const path = join(src, name);
  writeFileSync(path, data);
  return path;
};
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
const MZ = Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode', 'latin1');

beforeEach(async () => {
  t = attachingPicked(await openTestCore());
  src = tempDir('rapport-open-');
});
afterEach(() => {
  t.destroy();
  rmSync(src, { recursive: true, force: true });
});

describe('Open: only document types go to the OS opener', () => {
  it('reveals programs, scripts, shortcuts and bundles kept as links, and opens documents', async () => {
    const refused = [
      write('setup.exe', MZ),
      write('install.sh', '#!/bin/sh\necho hi\n'),
      write('Rapport.desktop', '[Desktop Entry]\nExec=xcalc\n'),
      write('Invoice.lnk', 'L\0\0\0'),
      write('Bank.url', '[InternetShortcut]\nURL=file:///C:/Windows/System32/calc.exe\n'),
      write('macro.bat', 'calc.exe\r\n'),
      write('run.ps1', 'Start-Process calc'),
      write('tool.jar', 'PK\x03\x04'),
      write('page.html', '<script>alert(1)</script>'),
      write('invoice.pdf', ELF), // a program under a document's name
    ];
    const bundle = join(src, 'Calculator.app');
    mkdirSync(bundle);
    refused.push(bundle);
    for (const path of refused) {
      const doc = await t.call('documents.attach', { path, mode: 'link' });
      expect(await t.call('documents.open', { id: doc.id }), path).toEqual({ ok: true, action: 'revealed' });
    }
    expect(platform().opened).toEqual([]);
    expect(platform().revealed).toEqual(refused);

    const opened = [write('Quote.pdf', '%PDF-1.7\n'), write('notes.TXT', 'plain'), write('Sheet.xlsx', 'PK\x03\x04')];
    const folder = join(src, 'Site photos');
    mkdirSync(folder);
    opened.push(folder);
    for (const path of opened) {
      const doc = await t.call('documents.attach', { path, mode: 'link' });
      expect(await t.call('documents.open', { id: doc.id }), path).toEqual({ ok: true, action: 'opened' });
    }
    expect(platform().opened).toEqual(opened);
  });

  it('judges a stored copy by its name and bytes: a stored program is revealed and no copy is made for the OS', async () => {
    const program = await t.call('documents.attach', { path: write('setup.exe', MZ) });
    expect(await t.call('documents.open', { id: program.id })).toEqual({ ok: true, action: 'revealed' });
    // Renaming it to look like a document does not get it run: its first bytes are a program's.
    await t.call('documents.rename', { id: program.id, name: 'setup.pdf' });
    expect(await t.call('documents.open', { id: program.id })).toEqual({ ok: true, action: 'revealed' });
    expect(platform().opened).toEqual([]);
    expect(readdirSync(t.dataDir)).not.toContain('opened');

    const pdf = await t.call('documents.attach', { path: write('Quote.pdf', '%PDF-1.7\n') });
    expect(await t.call('documents.open', { id: pdf.id })).toEqual({ ok: true, action: 'opened' });
    expect(platform().opened).toEqual([join(t.dataDir, 'opened', `${pdf.id}.pdf`)]);
  });

  it('reveals a linked file that has since been replaced by a symbolic link', async () => {
    const path = write('Quote.pdf', '%PDF-1.7\n');
    const doc = await t.call('documents.attach', { path, mode: 'link' });
    rmSync(path);
    symlinkSync('/usr/bin/env', path);
    expect(await t.call('documents.open', { id: doc.id })).toEqual({ ok: true, action: 'revealed' });
    expect(platform().opened).toEqual([]);
  });
});

describe('Open twice at once', () => {
  it('serialises opens of one document: 40 at once all succeed, one copy, no INTERNAL', async () => {
    const doc = await t.call('documents.attach', { path: write('Quote.pdf', `%PDF-1.7\n${'x'.repeat(2_000_000)}`) });
    const other = await t.call('documents.attach', { path: write('Other.pdf', `%PDF-1.7\n${'y'.repeat(2_000_000)}`) });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => t.core.dispatch('documents.open', { id: i % 4 === 3 ? other.id : doc.id })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(readdirSync(join(t.dataDir, 'opened')).sort()).toEqual([`${doc.id}.pdf`, `${other.id}.pdf`].sort());
    expect(platform().opened).toHaveLength(40);
  });
});
