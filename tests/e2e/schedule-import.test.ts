// Calendar import end to end in Chromium against the harness: a real Nextcloud export chosen through the open
// dialog (the harness answers from its picks file), previewed, imported from the keyboard, reported, and undone.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

const FILE = 'nextcloud-multiple-allday-recurring.ics';
const NEXTCLOUD = join(import.meta.dirname, '..', 'fixtures', 'real', 'ics', FILE);

const app = useApp();

describe('calendar import', () => {
  test('choose a real .ics file, preview it, import it, read the report, and undo it', async () => {
    const { page, assertClean } = await app.open('/schedule');
    const inRange = async () => (await app.harness.rpc('appointments.list', { from: '2022-01-01T00:00:00Z', to: '2022-12-31T00:00:00Z' })).items;
    await page.getByRole('button', { name: 'Import .ics' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a calendar (.ics)' });
    // Empty states say what to do.
    await dialog.getByText('How importing a calendar works').waitFor();
    await dialog.getByRole('heading', { name: 'No calendar imports yet' }).waitFor();

    // "Choose file…" has the focus when the dialog opens: Enter opens the file dialog.
    writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([NEXTCLOUD]));
    await expect.poll(() => dialog.getByRole('button', { name: 'Choose file…' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const events = dialog.getByRole('table', { name: 'Events in the file' });
    await events.waitFor();
    await dialog.getByText(/6 events \(1 repeating\)\. Importing will create 6, update 0 and leave 0 as they are\./).waitFor();
    await events.getByRole('row', { name: /Recurring event.*Every week on Wed.*New/ }).waitFor();
    expect(await events.getByRole('row').count()).toBe(7);
    expect(await inRange()).toEqual([]); // the preview saved nothing
    await screenshot(page, 'schedule-import-preview');

    const importButton = dialog.getByRole('button', { name: 'Import 6 events' });
    await importButton.focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Import finished' }).waitFor();
    await dialog.getByText('6 created, 0 updated, 0 skipped, 0 not imported.').waitFor();
    const history = dialog.getByRole('table', { name: 'Calendar imports' });
    await history.getByText(FILE).waitFor();
    await screenshot(page, 'schedule-import-report');
    await expect.poll(async () => (await inRange()).filter((o) => o.title === 'Recurring event').length).toBeGreaterThan(5);
    expect(new Set((await inRange()).map((o) => o.title))).toEqual(new Set(['Event 1', 'Event 2', 'Event 3', 'Event 4', 'Event 5', 'Recurring event']));

    // The same file again changes nothing.
    writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([NEXTCLOUD]));
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.getByText(/Importing will create 0, update 0 and leave 6 as they are\./).waitFor();
    await dialog.getByRole('button', { name: 'Nothing to import' }).waitFor();

    await history.getByRole('button', { name: `Undo import of ${FILE}` }).click();
    await history.getByText('undone', { exact: true }).waitFor();
    await expect.poll(async () => (await inRange()).length).toBe(0);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    assertClean();
  }, 90_000);
});
