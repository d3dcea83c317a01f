// Backups across schema versions: an update's migration takes a listed, checked backup through the engine; a
// backup from an older Rapport is migrated as it is restored; one from a newer Rapport is refused untouched.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFile } from '../../electron/db/backups.files';
import { migrations } from '../../electron/db/migrations';
import { openTestCore, type TestCore } from '../helpers/core';
import { migrationNumber, openDb } from '../helpers/migrations';

let t: TestCore | undefined;
afterEach(() => t?.destroy());

const previous = migrationNumber(migrations[migrations.length - 2]!.name);

describe('backups and schema versions', () => {
  it('takes a listed backup before a migration, and restores that older backup by migrating it', async () => {
    const old = await openDb();
    await old.migrateTo(previous);
    old.sqlite.prepare(`INSERT INTO contacts (id, first_name, display_name, sort_name, sort_last, emails, phones, search_details, addresses, tags, kind, email_opt_in, created_at, updated_at)
      VALUES ('0190f2a1-0000-7000-8000-000000000001', 'Old', 'Old', 'old', 'old', '[]', '[]', '', '[]', '[]', 'customer', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run();
    old.sqlite.close();

    t = await openTestCore({ dataDir: old.dir });
    const [backup] = (await t.call('backups.list', {})).items;
    expect(backup).toMatchObject({ reason: 'before-migration', schemaVersion: migrations[migrations.length - 2]!.name, counts: { contacts: 1 } });
    expect(t.core.migration.backupPath).toBe(backupFile(t.dataDir, backup!.id));

    await t.call('contacts.create', { firstName: 'New' });
    await t.call('backups.restore', { id: backup!.id });
    expect((await t.call('contacts.list', {})).items.map((c) => c.displayName)).toEqual(['Old']);
    const live = new Database(join(t.dataDir, 'rapport.sqlite'), { readonly: true });
    expect(live.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    live.close();
  });

  it('refuses a backup from a newer Rapport and changes nothing', async () => {
    t = await openTestCore();
    await t.call('contacts.create', { firstName: 'Kept' });
    const { backup } = await t.call('backups.create', {});
    const file = new Database(backupFile(t.dataDir, backup.id));
    file.prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', '2030-01-01T00:00:00Z')`).run();
    file.close();
    await t.call('contacts.create', { firstName: 'Also kept' });
    const error = await t.fail('backups.restore', { id: backup.id });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/newer version of Rapport/) });
    expect((await t.call('contacts.list', {})).items.map((c) => c.displayName).sort()).toEqual(['Also kept', 'Kept']);
    expect((await t.call('backups.list', {})).items).toHaveLength(1);
  });
});
