// "Erase this person" leaves no trace (issue #21 items 4 and 8): after erasing someone seeded into every store (an
// import, a merge, a bulk edit, filed and sent email, a document, consent, the log), the raw bytes of every file in
// the data folder (store, WAL, shm, documents, logs, exports) hold none of their name, address, number or id; the
// colleague and the job they shared stay. Backups hold them until purged; purged, they do not. Restoring a backup
// from before the erasure does not bring them back. And erasing someone with 5,000 activities takes under 2 s.
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptFile } from '../../electron/core/backups/crypto';
import { PLACE_FOLDER } from '../../electron/core/backups/second-place';
import { listPrivacyLog } from '../../electron/db/privacy-log.repo';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { pickPaths } from '../helpers/picks';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';
import { filesUnder, needles, scan, seedPerson, type Seeded } from './privacy-erase-helpers';

const smtp = useSmtpServer();
let t: TestCore;
let s: Seeded;

beforeEach(async () => {
  t = await openTestCore();
  await t.call('email.settings.update', smtpSettings(smtp.port));
  s = await seedPerson(t, () => t.core.modules.email.outbox.drain());
});
afterEach(() => t.destroy());

const backupsFolder = () => join(t.dataDir, 'backups');
const outsideBackups = () => filesUnder(t.dataDir, (p) => p === backupsFolder());
const words = () => needles([s.zeph, s.duplicate]);

async function searchFinds(word: string): Promise<number> {
  return (await t.call('search.global', { query: word })).items.length;
}

describe('privacy.erase', () => {
  it('leaves none of their words in any file of the data folder, and keeps the colleague and the shared job', async () => {
    // The scan sees them before: it is not blind.
    expect(scan(outsideBackups(), words()).map((h) => h.file)).toEqual(expect.arrayContaining([join(t.dataDir, 'rapport.sqlite-wal'), join(t.dataDir, 'logs', 'rapport.log'),
      join(t.dataDir, 'documents', s.documentSha.slice(0, 2), s.documentSha)]));
    expect(await searchFinds('Zephyrine')).toBeGreaterThan(0);

    const result = await t.call('privacy.erase', { contactId: s.zeph });
    expect(result.backupsPurged).toBe(0);
    expect(result.removed.find((l) => l.what.startsWith('Activities'))?.count).toBeGreaterThanOrEqual(4);
    expect(result.removed.map((l) => l.what)).toEqual(expect.arrayContaining(['Jobs only theirs', 'Documents only they use', 'Merge journals holding them', 'Import undo records naming them']));

    expect(scan(outsideBackups(), words())).toEqual([]);
    expect(await searchFinds('Zephyrine')).toBe(0);
    expect(await searchFinds('Quillfeather')).toBe(0);
    expect((await t.call('contacts.list', { limit: 50 })).items.map((c) => c.displayName)).toEqual(['Bob Colleague']);
    // The shared job stays, without them; Bob's call about it too; the group email keeps only Bob.
    const job = await t.call('jobs.get', { id: s.sharedJob });
    expect(job).toMatchObject({ title: 'Kitchen refit', contactId: null, notes: 'Shared kitchen job; [erased] pays, [erased]' });
    expect((await t.call('activities.list', { contactId: s.colleague })).items.map((a) => a.notes)).toContain('Bob called about the kitchen');
    const group = (await t.call('outbox.list', {})).items;
    expect(group.map((e) => [e.subject, e.to.map((r) => r.address)])).toEqual([['Site meeting', ['bob@colleague.test']]]);
    expect((await t.call('emails.get', { id: group[0]!.id })).body).toContain('Hello [erased] and Bob');
    const bobs = (await t.call('activities.list', { contactId: s.colleague })).items;
    expect(bobs.find((a) => a.subject === 'Site meeting')?.notes).toContain('Hello [erased] and Bob'); // his timeline's copy
    await expect(t.call('jobs.get', { id: s.ownJob })).rejects.toThrow(/NOT_FOUND/);

    // The request log keeps both requests (that they were made, and when), but not who made them.
    const requests = (await t.call('privacy.requests.list', {})).items;
    expect(requests.map((r) => [r.kind, r.contactId, r.requester, r.notes])).toEqual(expect.arrayContaining([['erasure', null, null, null], ['access', null, null, null]]));
    expect(requests).toHaveLength(2);

    // The register holds their hashes (no words), and the privacy log says an erasure happened, naming no one.
    const db = t.core.store.sqlite;
    expect(db.prepare('SELECT count(*) AS n FROM erasure_register').get()).toEqual({ n: 1 });
    expect((db.prepare('SELECT count(*) AS n FROM erasure_hashes').get() as { n: number }).n).toBeGreaterThanOrEqual(4);
    const log = await listPrivacyLog(t.core.store.db, 10, undefined);
    expect(log.items.map((e) => e.kind)).toContain('erasure');
    expect(t.events.some((e) => e.name === 'data.changed' && JSON.stringify(e.payload).includes(s.zeph))).toBe(true);

    // The backup taken first still holds them (until purged): the scan of the backups folder finds them.
    expect(scan(filesUnder(backupsFolder()), words()).length).toBeGreaterThan(0);
  });

  it('with purgeBackups, rewrites every backup without them: the whole data folder is clean', async () => {
    await t.call('backups.create', {});
    const result = await t.call('privacy.erase', { contactId: s.zeph, purgeBackups: true });
    expect(result.backupsPurged).toBeGreaterThanOrEqual(2);
    expect(scan(filesUnder(t.dataDir), words())).toEqual([]);
    // Each purged backup is still listed and opens without them; the newest still has the colleague.
    const backups = (await t.call('backups.list', {})).items;
    expect(backups.length).toBeGreaterThanOrEqual(2);
    for (const b of backups) expect((await t.call('backups.open', { id: b.id, search: '' })).contacts.map((c) => c.name)).not.toContain('Zephyrine Quillfeather');
    expect((await t.call('backups.open', { id: backups[0]!.id, search: '' })).contacts.map((c) => c.name)).toEqual(['Bob Colleague']);
    const log = await listPrivacyLog(t.core.store.db, 10, undefined);
    expect(log.items.map((e) => e.kind)).toEqual(expect.arrayContaining(['erasure', 'backupPurge']));
  });

  it('with purgeBackups and an encrypted second place, its copies decrypt to backups without them', async () => {
    const place = tempDir('rapport-erase-place-');
    await pickPaths(t, [place]);
    await t.call('backups.settings.update', { secondFolder: place, encrypt: true, passphrase: 'long enough secret' });
    await t.call('backups.create', {});
    const root = join(place, PLACE_FOLDER);
    const decrypted = async () => {
      const out = tempDir('rapport-erase-plain-');
      for (const file of filesUnder(root).filter((f) => f.endsWith('.enc'))) await decryptFile(file, join(out, basename(file, '.enc')), 'long enough secret');
      return filesUnder(out);
    };
    expect(scan(await decrypted(), words()).length).toBeGreaterThan(0); // the check can see them in a decrypted copy
    await t.call('privacy.erase', { contactId: s.zeph, purgeBackups: true });
    expect(scan([...filesUnder(root), ...(await decrypted())], words())).toEqual([]);
    rmSync(place, { recursive: true, force: true });
  });

  it('restoring a backup from before the erasure does not bring them back, and says they were erased again', async () => {
    await t.call('privacy.erase', { contactId: s.zeph });
    const before = (await t.call('backups.list', {})).items.find((b) => b.reason === 'before-erase')!;
    await t.call('backups.restore', { id: before.id });

    expect(await searchFinds('Zephyrine')).toBe(0);
    expect((await t.call('contacts.list', { limit: 50 })).items.map((c) => c.displayName)).toEqual(['Bob Colleague']);
    await expect(t.call('contacts.get', { id: s.zeph })).rejects.toThrow(/NOT_FOUND/);
    const log = await listPrivacyLog(t.core.store.db, 10, undefined);
    const again = log.items.find((e) => e.kind === 'reappeared');
    expect(again?.summary).toMatch(/^1 person erased after this backup was taken was erased again/);
    expect(log.items.map((e) => e.kind)).toContain('erasure'); // the log outlives the restore
    const restored = t.events.filter((e) => e.name === 'backups.progress').map((e) => e.payload as { phase: string; message: string | null });
    expect(restored.find((p) => p.phase === 'restored')?.message).toBe('1 person erased after this backup was taken was erased again.');
    expect(scan(outsideBackups(), words())).toEqual([]);
  });
});

describe('erasure time', () => {
  it('erases a person with 5,000 activities in under 2 s (before the vacuum)', async () => {
    const sqlite = t.core.store.sqlite;
    const insert = sqlite.prepare(`INSERT INTO activities (id, contact_id, type, occurred_at, subject, notes, created_at, updated_at)
      VALUES (?, ?, 'call', ?, ?, ?, ?, ?)`);
    sqlite.transaction(() => {
      for (let i = 0; i < 5000; i++) {
        const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
        insert.run(`0190a7e4-1111-7000-8000-${String(i).padStart(12, '0')}`, s.zeph, at, `Call ${i} with Zephyrine`, `Zephyrine Quillfeather said ${i}`, at, at);
      }
    })();
    const started = performance.now();
    await t.call('privacy.erase', { contactId: s.zeph });
    const total = performance.now() - started;
    const line = t.logger.lines.find((l) => l.message === 'erasure finished')!.details as { eraseMs: number; wipeMs: number };
    console.info(`erasure of 5,004 activities: ${line.eraseMs} ms (+ ${line.wipeMs} ms secure vacuum; ${Math.round(total)} ms with the backup first)`);
    expect(line.eraseMs).toBeLessThan(2000);
    expect(scan(outsideBackups(), words())).toEqual([]);
  });
});
