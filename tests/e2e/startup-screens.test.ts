// The start-up screen in the web harness, end to end in Chromium: a harness started on a folder another Rapport holds
// shows "already open" (its channels answer with the same reason), "Try again" tells it is still the case; once the
// other has gone and the file turns out damaged, "Restore the last good backup (time)" brings the data back in one
// click. One real harness process (starting one is the slow part), real files, real browser.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from '../helpers/browser';
import { openTestCore } from '../helpers/core';
import { startHarness } from '../helpers/harness-process';

describe('start-up screens in the browser', () => {
  it('in use by another Rapport, then damaged: each has its screen, and the backup comes back in one click', async () => {
    // The other Rapport: a core in this process, holding the folder.
    const other = await openTestCore();
    await other.call('contacts.create', { firstName: 'Rosalind', lastName: 'Backup' });
    await other.call('backups.create', {});
    const [harness, browser] = await Promise.all([startHarness({ dataDir: other.dataDir }), launchChromium()]);
    const watched = await openWatchedPage(browser);
    try {
      expect(harness.output()).toContain('Rapport cannot open its data: Rapport is already open on this data.');
      const rpc = await fetch(`${harness.url}rpc/contacts.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(rpc.status).toBe(503);
      expect(await rpc.json()).toMatchObject({ code: 'STORAGE', reason: 'inUse' });

      const { page } = watched;
      await page.goto(harness.url);
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: 'Rapport is already open on this data' }).waitFor();
      expect(await alert.textContent()).toContain(other.dataDir);
      expect(await alert.getByRole('button').allTextContents()).toEqual(['Try again', 'Show the data folder', 'Quit']);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByText('It is still the case.').waitFor();

      // The other quits; its file has been damaged meanwhile (a failing disk).
      other.close();
      writeFileSync(join(other.dataDir, 'rapport.sqlite'), Buffer.alloc(65536, 0x21));
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { name: 'The data file is damaged' }).waitFor();
      await page.getByRole('button', { name: /^Restore the last good backup \(.+\)$/ }).click();
      // The app opens where it always does (Today); the user then goes to Contacts. Changing the address while the
      // opening redirect was still pending raced it (the redirect won, 1 run in 3).
      await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
      await page.getByText('Rosalind Backup').first().waitFor();
      watched.assertClean();
    } finally {
      await watched.close();
      await browser.close();
      await harness.stop();
      other.close();
      rmSync(other.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
