// "Export this person's data" (issue #21) in Chromium against the harness: the review step lists the record that also
// names someone else, "Leave out" keeps it out, and the zip written (unzip accepts it) holds the person's own records
// and not the left-out one, nor the other person's name.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let mayaId = '';
const app = useApp(async ({ harness }) => {
  mayaId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Okafor', emails: [{ value: 'maya@example.com' }] })).id;
  await harness.rpc('contacts.create', { firstName: 'Tom', lastName: 'Reyes', emails: [{ value: 'tom@example.com' }] });
  await harness.rpc('activities.create', { contactId: mayaId, type: 'call', subject: 'Quote for the porch', notes: 'Quote sent, she will call back' });
  await harness.rpc('activities.create', { contactId: mayaId, type: 'meeting', subject: 'Site meeting', notes: 'Met with Tom Reyes about the shared drive' });
});

describe('export a person', () => {
  test('review, leave out a shared record, and write the zip', async () => {
    const { page, assertClean } = await app.open(`/contacts/${mayaId}`);
    await page.getByRole('heading', { name: 'Maya Okafor', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Export this person’s data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the data of Maya Okafor' });
    const shared = dialog.getByRole('table', { name: 'Records shared with other people' });
    const meeting = shared.getByRole('row').filter({ hasText: 'Site meeting' });
    await meeting.getByRole('cell', { name: 'Tom Reyes' }).waitFor();
    expect(await shared.getByRole('row').count()).toBe(2);
    await dialog.getByRole('checkbox', { name: 'Leave out Site meeting' }).check();
    await dialog.getByRole('button', { name: 'Export, leaving out 1 record' }).waitFor();
    await screenshot(page, 'privacy-export-review');
    await dialog.getByRole('button', { name: 'Export, leaving out 1 record' }).click();

    const exports = join(app.harness.dataDir, 'exports');
    await page.getByText(/^Saved the data of Maya Okafor to /).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const zips = readdirSync(exports).filter((f) => f.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    const zip = join(exports, zips[0]!);
    await page.getByText(`Saved the data of Maya Okafor to ${zip}`, { exact: true }).waitFor();
    execFileSync('unzip', ['-tqq', zip]);
    const names = execFileSync('unzip', ['-Z1', zip]).toString().split('\n').filter(Boolean);
    expect(names).toContain('data.json');
    const everything = names.filter((n) => !n.endsWith('/')).map((n) => execFileSync('unzip', ['-p', zip, n]).toString()).join('\n');
    expect(everything).toContain('maya@example.com');
    expect(everything).toContain('Quote for the porch');
    // Left out: the shared meeting, and with it the other person.
    expect(everything).not.toContain('Site meeting');
    expect(everything).not.toContain('Tom Reyes');
    expect(everything).not.toContain('tom@example.com');
    await screenshot(page, 'privacy-export-done');
    assertClean();
  }, 120_000);
});
