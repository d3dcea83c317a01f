// Backups in the real UI: the Backups page lists a backup with its counts, looks inside it read-only and brings
// back one contact, restores the whole store (the list then shows the undo point), and sets a second place.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

let place: string;
let mayaId: string;
afterAll(() => {
  if (place) rmSync(place, { recursive: true, force: true });
});
const app = useApp(async ({ harness }) => {
  place = mkdtempSync(join(tmpdir(), 'rapport-e2e-place-'));
  mayaId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones', emails: [{ value: 'maya@example.com' }] })).id;
  await harness.rpc('jobs.create', { title: 'Kitchen refit', contactId: mayaId });
  await harness.rpc('backups.create', {});
});

describe('backups', () => {
  test('look inside a backup, bring back one contact, then restore everything', async () => {
    await app.harness.rpc('contacts.create', { firstName: 'Added', lastName: 'Later' });
    const { page, assertClean } = await app.open('/backups');
    const table = page.getByRole('table', { name: 'Backups' });
    await table.getByText('1 contact · 1 job · 0 activities · 0 documents').waitFor();

    await table.getByRole('button', { name: 'Look inside' }).click();
    const inside = page.getByLabel('Inside the backup');
    await inside.getByLabel('Search contacts in this backup').fill('jon');
    await inside.getByRole('button', { name: 'Maya Jones' }).click();
    await inside.getByText('Kitchen refit').waitFor();
    await inside.getByText('This contact exists now', { exact: false }).waitFor();
    await screenshot(page, 'backups-inside');
    await inside.getByRole('button', { name: 'Bring back this contact' }).click();
    await page.getByText('Maya Jones still exists, so a copy was brought back beside it.').waitFor();
    const names = async () => (await app.harness.rpc('contacts.list', {})).items.map((c) => c.displayName).sort();
    await expect.poll(names).toEqual(['Added Later', 'Maya Jones', 'Maya Jones']);

    await table.getByRole('button', { name: 'Restore…' }).last().click();
    await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore everything' }).click();
    await page.getByText('Restored the backup from', { exact: false }).waitFor();
    await expect.poll(names).toEqual(['Maya Jones']);
    // The undo points are listed: the data as it was before bringing back the contact, and before the restore.
    await expect.poll(() => table.getByText('Before a restore').count()).toBe(2);
    assertClean();
  });

  test('a second place: choose a folder, and each backup is copied there', async () => {
    const { page, assertClean } = await app.open('/backups');
    const settings = page.getByLabel('Backup settings');
    writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([place]));
    await settings.getByRole('button', { name: 'Choose folder…' }).click();
    await settings.getByText(`Each backup is also copied to ${place}.`).waitFor();
    await app.harness.rpc('contacts.create', { firstName: 'Ines' });
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backed up.').waitFor();
    await expect.poll(() => existsSync(join(place, 'Rapport backups')) && readdirSync(join(place, 'Rapport backups')).some((n) => n.endsWith('.sqlite'))).toBe(true);
    await page.getByText('2nd copy').first().waitFor();
    await screenshot(page, 'backups-page');
    assertClean();
  });
});
