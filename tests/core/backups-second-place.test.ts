// The second place and encryption on real folders: copies land only in the folder the user chose (a marker
// proves it), a missing or different folder is reported and left alone, and encrypted copies need the passphrase.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptFile, encryptFile, WrongPassphraseError } from '../../electron/core/backups/crypto';
import { PLACE_FOLDER } from '../../electron/core/backups/second-place';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { pickPaths } from '../helpers/picks';

let t: TestCore;
let place: string;
beforeEach(async () => {
  t = await openTestCore();
  place = tempDir('rapport-place-');
});
afterEach(() => {
  t.destroy();
  rmSync(place, { recursive: true, force: true });
});

describe('encryption', () => {
  it('round-trips a file of several chunks and refuses a wrong passphrase, a cut file and an edited byte', async () => {
    const plain = join(place, 'plain.bin');
    const bytes = Buffer.alloc(2.5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    writeFileSync(plain, bytes);
    const sealed = join(place, 'sealed.enc');
    await encryptFile(plain, sealed, 'correct horse "battery" staple ü');
    expect(readFileSync(sealed).includes(bytes.subarray(0, 64))).toBe(false);
    await decryptFile(sealed, join(place, 'back.bin'), 'correct horse "battery" staple ü');
    expect(readFileSync(join(place, 'back.bin')).equals(bytes)).toBe(true);

    await expect(decryptFile(sealed, join(place, 'x.bin'), 'wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(existsSync(join(place, 'x.bin'))).toBe(false);
    const edited = readFileSync(sealed);
    edited[edited.length - 100]! ^= 1;
    writeFileSync(join(place, 'edited.enc'), edited);
    await expect(decryptFile(join(place, 'edited.enc'), join(place, 'y.bin'), 'correct horse "battery" staple ü')).rejects.toBeInstanceOf(WrongPassphraseError);
    // Cut exactly after the first chunk: every remaining chunk is whole, but the last one is missing.
    writeFileSync(join(place, 'cut.enc'), readFileSync(sealed));
    truncateSync(join(place, 'cut.enc'), 32 + 1024 * 1024 + 16); // header (magic, salt, nonce prefix) + one whole chunk
    await expect(decryptFile(join(place, 'cut.enc'), join(place, 'z.bin'), 'correct horse "battery" staple ü')).rejects.toBeInstanceOf(WrongPassphraseError);
  });
});

describe('the second place', () => {
  it('accepts only a picked folder, copies each backup there, and reports a missing or different drive', async () => {
    expect(await t.fail('backups.settings.update', { secondFolder: place })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'secondFolder' }] });
    expect(await t.fail('backups.settings.update', { secondFolder: join(t.dataDir, 'backups') })).toMatchObject({ issues: [{ path: 'secondFolder' }] });
    await pickPaths(t, [place]);
    const settings = await t.call('backups.settings.update', { secondFolder: place });
    expect(settings).toMatchObject({ secondFolder: place, secondPlace: { state: 'copied' } });

    await t.call('contacts.create', { firstName: 'Maya' });
    const first = await t.call('backups.create', {});
    expect(first.backup.secondPlace).toEqual({ state: 'copied', message: null });
    const copy = join(place, PLACE_FOLDER, `${first.backup.id}.sqlite`);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT display_name FROM contacts').pluck().all()).toEqual(['Maya']);
    db.close();

    // The drive is unplugged: reported, and its path is not recreated on this computer.
    rmSync(place, { recursive: true, force: true });
    await t.call('contacts.create', { firstName: 'Tom' });
    const missing = await t.call('backups.create', {});
    expect(missing.backup.secondPlace.state).toBe('missing');
    expect(missing.backup.secondPlace.message).toMatch(/^Backup drive not found/);
    expect(existsSync(place)).toBe(false);
    expect((await t.call('backups.settings.get', {})).secondPlace.state).toBe('missing');

    // Another drive mounted at the same path: no marker, so nothing is written there.
    mkdirSync(place);
    await t.call('contacts.create', { firstName: 'Ines' });
    const different = await t.call('backups.create', {});
    expect(different.backup.secondPlace.state).toBe('different');
    expect(readdirSync(place)).toEqual([]);
  });

  it('encrypts the copies with a passphrase kept only in the secret store', async () => {
    await pickPaths(t, [place]);
    expect(await t.fail('backups.settings.update', { encrypt: true })).toMatchObject({ issues: [{ path: 'passphrase' }] });
    const settings = await t.call('backups.settings.update', { secondFolder: place, encrypt: true, passphrase: 'long enough secret' });
    expect(settings).toMatchObject({ encrypt: true, passphraseSaved: true });
    expect(readFileSync(join(t.dataDir, 'backups', 'settings.json'), 'utf8')).not.toContain('long enough secret');
    expect(t.core.platform.secrets.get('backups.passphrase')).toBe('long enough secret');

    await t.call('contacts.create', { firstName: 'Maya' });
    const { backup } = await t.call('backups.create', {});
    const sealed = join(place, PLACE_FOLDER, `${backup.id}.sqlite.enc`);
    expect(statSync(sealed).size).toBeGreaterThan(0);
    await decryptFile(sealed, join(place, 'opened.sqlite'), 'long enough secret');
    const db = new Database(join(place, 'opened.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT display_name FROM contacts').pluck().all()).toEqual(['Maya']);
    db.close();
  });
});
