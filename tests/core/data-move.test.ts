// "Move data folder" on real folders: what is refused (not picked, inside the data folder, another store, read-only,
// too small), a full move verified file by file, the app refusing writes until it restarts, the restart in the new
// folder (the old copy removed then, its note kept), and writes racing the move never lost.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { followMovedFolder, MOVED_TO_FILE } from '../../electron/core/data/location';
import { harnessPlatform } from '../../electron/harness/platform';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { attachingPicked, pickPaths } from '../helpers/picks';

let t: TestCore;
let targets = '';
const mounts: string[] = [];

/** A small tmpfs: read-only, or tiny, as a real USB stick or full disk would be. */
function mountTmpfs(options: string): string {
  const dir = join(targets, `mnt-${mounts.length}`);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

beforeAll(() => {
  targets = tempDir('rapport-move-targets-');
});
afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
  rmSync(targets, { recursive: true, force: true });
});
beforeEach(async () => {
  t = attachingPicked(await openTestCore());
});
afterEach(() => t.destroy());

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function pickFolder(path: string): Promise<string> {
  return (await pickPaths(t, [path], 'document'))[0]!;
}

async function seed() {
  const maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor' })).id;
  await t.call('activities.create', { contactId: maya, type: 'note', notes: 'before the move' });
  const src = tempDir('rapport-move-src-');
  writeFileSync(join(src, 'quote.pdf'), '%PDF-1.4 quote');
  const doc = await t.call('documents.attach', { path: join(src, 'quote.pdf'), contactId: maya });
  rmSync(src, { recursive: true, force: true });
  return { maya, doc };
}

describe('data.moveFolder refuses', () => {
  it('a path not chosen in the folder dialog, naming the field', async () => {
    const dir = tempDir('rapport-unpicked-');
    const error = await t.fail('data.moveFolder', { path: dir });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: 'Choose the new folder with "Choose folder"' }] });
    rmSync(dir, { recursive: true });
  });

  it('the data folder itself and a folder inside it', async () => {
    expect((await t.fail('data.moveFolder', { path: await pickFolder(t.dataDir) })).issues?.[0]?.message).toBe('Your data is in that folder already.');
    const inside = join(t.dataDir, 'sub');
    mkdirSync(inside);
    expect((await t.fail('data.moveFolder', { path: await pickFolder(inside) })).issues?.[0]?.message).toBe('That folder is inside your current data folder. Choose one outside it.');
  });

  it('a folder holding another Rapport store, or a documents folder', async () => {
    const other = join(targets, 'other-store');
    mkdirSync(other);
    writeFileSync(join(other, 'rapport.sqlite'), 'another store');
    expect((await t.fail('data.moveFolder', { path: await pickFolder(other) })).issues?.[0]?.message).toMatch(/^That folder holds another Rapport data file/);
    const docs = join(targets, 'has-documents');
    mkdirSync(join(docs, 'documents'), { recursive: true });
    expect((await t.fail('data.moveFolder', { path: await pickFolder(docs) })).issues?.[0]?.message).toBe('That folder already has a "documents" in it. Choose an empty folder.');
  });

  it('a read-only folder, and one whose disk is too small, and copies nothing', async () => {
    const readOnly = mountTmpfs('ro,size=4m');
    expect((await t.fail('data.moveFolder', { path: await pickFolder(readOnly) })).issues?.[0]?.message).toBe('Rapport cannot write in that folder (it is read-only). Choose another folder.');
    const small = mountTmpfs('size=1m');
    expect((await t.fail('data.moveFolder', { path: await pickFolder(small) })).issues?.[0]?.message).toMatch(/^Not enough free space there: your data needs .+, the disk has .+ free\.$/);
    expect(readdirSync(small)).toEqual([]);
  });
});

describe('data.moveFolder', () => {
  it('checks first (dry run) without copying anything', async () => {
    await seed();
    const target = join(targets, 'dry');
    mkdirSync(target);
    const plan = await t.call('data.moveFolder', { path: await pickFolder(target), dryRun: true });
    expect(plan).toMatchObject({ from: t.dataDir, to: target, dryRun: true, moved: false, restartRequired: false, files: 2 });
    expect(plan.bytes).toBeGreaterThan(0);
    expect(readdirSync(target)).toEqual([]);
  });

  it('copies and verifies everything, then refuses changes until the restart, which opens the new folder and removes the old copy', async () => {
    const { maya, doc } = await seed();
    writeFileSync(join(t.dataDir, 'window-state.json'), '{"width":900}');
    const target = join(targets, 'moved');
    mkdirSync(target);
    const result = await t.call('data.moveFolder', { path: await pickFolder(target) });
    expect(result).toMatchObject({ from: t.dataDir, to: target, moved: true, restartRequired: true });
    expect(existsSync(result.backupPath!)).toBe(true);
    expect(result.backupPath!.startsWith(join(t.dataDir, 'backups'))).toBe(true);
    // The document's bytes arrived under their hash, the window state too, and no temp file is left.
    expect(sha(readFileSync(join(target, 'documents', doc.sha256!.slice(0, 2), doc.sha256!)))).toBe(doc.sha256);
    expect(readFileSync(join(target, 'window-state.json'), 'utf8')).toBe('{"width":900}');
    expect(readdirSync(target, { recursive: true }).filter((n) => String(n).endsWith('.part'))).toEqual([]);
    expect(t.events.some((e) => e.name === 'data.folderMoved')).toBe(true);

    // Nothing more is written to the old copy: every other call is told to restart.
    const refused = await t.fail('contacts.create', { firstName: 'Too late' });
    expect(refused).toMatchObject({ code: 'UNAVAILABLE', message: `Your data is now in ${target}. Restart Rapport to go on working.` });
    expect((await t.call('data.info', {})).folder).toBe(t.dataDir);

    // The restart: the app follows the note in the old folder and opens the new one.
    t.close();
    const old = t.dataDir;
    expect(followMovedFolder(old)).toEqual({ dataDir: target, missing: null });
    const next = attachingPicked(await openTestCore({ dataDir: target, platform: harnessPlatform(target) }));
    try {
      expect((await next.call('contacts.get', { id: maya })).displayName).toBe('Maya Okafor');
      expect((await next.call('documents.get', { id: doc.id })).sha256).toBe(doc.sha256);
      expect((await next.call('activities.list', { contactId: maya })).items).toHaveLength(1);
      // The old copy went at this first start in the new folder; only the note is left there.
      expect(readdirSync(old).sort()).toEqual([MOVED_TO_FILE, 'exports'].filter((n) => existsSync(join(old, n))).sort());
      expect(existsSync(join(old, 'rapport.sqlite'))).toBe(false);
      await next.call('contacts.create', { firstName: 'After', lastName: 'Move' });
    } finally {
      next.destroy();
    }
  });

  it('loses no acknowledged write that races the move: each is in the new folder or was refused', async () => {
    await seed();
    // A few MB of documents, so the copy takes a while and writes keep arriving during it.
    const src = tempDir('rapport-move-big-');
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(src, `scan-${i}.bin`), Buffer.alloc(1_500_000, i + 1));
      await t.call('documents.attach', { path: join(src, `scan-${i}.bin`) });
    }
    rmSync(src, { recursive: true, force: true });
    const target = join(targets, 'raced');
    mkdirSync(target);
    const picked = await pickFolder(target);
    const answers: Promise<Awaited<ReturnType<typeof t.core.dispatch>>>[] = [];
    let moving = true;
    const writer = (async () => {
      for (let i = 0; moving; i++) {
        answers.push(t.core.dispatch('contacts.create', { firstName: `Racer ${i}` }));
        await new Promise((done) => setTimeout(done, 1));
      }
    })();
    const moved = await t.call('data.moveFolder', { path: picked });
    moving = false;
    await writer;
    const settled = await Promise.all(answers);
    expect(moved.moved).toBe(true);
    const acknowledged = settled.filter((a) => a.ok).map((a) => (a.value as { id: string }).id);
    const refused = settled.filter((a) => !a.ok);
    t.close();
    const next = await openTestCore({ dataDir: target, platform: harnessPlatform(target) });
    try {
      const missing: string[] = [];
      for (const id of acknowledged) if (!(await next.core.dispatch('contacts.get', { id })).ok) missing.push(id);
      expect({ acknowledged: acknowledged.length, missing }).toEqual({ acknowledged: acknowledged.length, missing: [] });
      // Writes did arrive during the move, and were told to wait.
      expect(refused.every((a) => !a.ok && a.error.code === 'UNAVAILABLE')).toBe(true);
      expect(refused.length).toBeGreaterThan(0);
    } finally {
      next.destroy();
    }
  });

  it('opens nothing afresh when the new folder is missing (a drive not plugged in)', async () => {
    await seed();
    const target = join(targets, 'unplugged');
    mkdirSync(target);
    await t.call('data.moveFolder', { path: await pickFolder(target) });
    t.close();
    rmSync(join(target, 'rapport.sqlite'));
    expect(followMovedFolder(t.dataDir)).toEqual({ dataDir: t.dataDir, missing: target });
    // Opened there anyway (an app that did not follow the note): it changes nothing in the old copy.
    const stale = await openTestCore({ dataDir: t.dataDir, platform: harnessPlatform(t.dataDir) });
    try {
      expect((await stale.fail('contacts.create', { firstName: 'Diverging' })).code).toBe('UNAVAILABLE');
    } finally {
      stale.close();
    }
  });
});
