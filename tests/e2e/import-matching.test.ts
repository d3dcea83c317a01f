// The switchboard case through the UI (issue #15 item 4): three colleagues share one number; "Update" shows what it
// will change before it runs, nobody is merged or renamed, and the report names the updated row and why. Also the
// preview's encoding selector re-reads the file. In Chromium against the harness.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp();
const choose = (file: string) => writeFileSync(join(app.harness.dataDir, 'harness-picks.json'), JSON.stringify([file]));

describe('import: never merge two different people', () => {
  test('a switchboard file, imported with "Update": review the one change, confirm, read the report', async () => {
    const company = await app.harness.rpc('companies.create', { name: 'Harbour Freight Ltd' });
    const rita = await app.harness.rpc('contacts.create', { firstName: 'Rita', lastName: 'Reception', companyId: company.id, phones: [{ value: '+44 20 7946 0000' }] });
    const ann = await app.harness.rpc('contacts.create', { firstName: 'Ann', lastName: 'Archer', emails: [{ value: 'ann@harbour.example' }] });
    const file = join(app.harness.dataDir, 'switchboard.csv');
    writeFileSync(
      file,
      [
        'First Name,Last Name,Company,Job Title,Business Phone,E-mail Address',
        'Ann,Archer,Harbour Freight Ltd,Director,+44 20 7946 0000,ann@harbour.example',
        'Bob,Baker,Harbour Freight Ltd,,+44 20 7946 0000,',
        'Cat,Cole,Harbour Freight Ltd,,+44 20 7946 0000,',
      ].join('\r\n'),
    );

    const { page, assertClean } = await app.open('/import');
    choose(file);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await page.getByRole('table', { name: 'First rows' }).getByText('Cat Cole').waitFor();
    await page.getByRole('radio', { name: /^Update them/ }).check();
    await page.getByRole('button', { name: 'Review changes' }).click();

    await page.getByRole('heading', { name: 'What this import will do' }).waitFor();
    await page.getByText('3 rows: 2 new, 1 updated, 0 skipped, 0 rejected.').waitFor();
    const changes = page.getByRole('table', { name: 'Changes before import' });
    await changes.getByText('Ann Archer').waitFor();
    await changes.getByText('same email, same name').waitFor();
    await changes.getByText(/Job title: \(empty\) → Director/).waitFor();
    await changes.getByText(/Company: \(empty\) → Harbour Freight Ltd/).waitFor();
    expect(await changes.getByRole('row').count()).toBe(2); // the header and Ann: Bob and Cat are new, Rita untouched
    // Nothing is saved before the user confirms.
    expect((await app.harness.rpc('contacts.get', { id: ann.id })).jobTitle).toBeNull();
    await screenshot(page, 'import-review-changes');

    await page.getByRole('button', { name: 'Import and update' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText('2 created, 1 updated, 0 skipped, 0 rejected.').waitFor();
    const matched = page.getByRole('table', { name: 'Skipped and updated rows' });
    await matched.getByText('Ann Archer').waitFor();
    await matched.getByText(/Job title: \(empty\) → Director/).waitFor();
    await screenshot(page, 'import-report-matched');

    const all = (await app.harness.rpc('contacts.list', { limit: 50 })).items.map((c) => c.displayName).sort();
    expect(all).toEqual(['Ann Archer', 'Bob Baker', 'Cat Cole', 'Rita Reception']);
    expect(await app.harness.rpc('contacts.get', { id: rita.id })).toMatchObject({ firstName: 'Rita', lastName: 'Reception', updatedAt: rita.updatedAt });
    expect(await app.harness.rpc('contacts.get', { id: ann.id })).toMatchObject({ jobTitle: 'Director', companyName: 'Harbour Freight Ltd' });
    assertClean();
  }, 90_000);

  test('the preview shows the encoding read and re-reads the file in the one chosen', async () => {
    const file = join(app.harness.dataDir, 'umlaut.csv');
    writeFileSync(file, 'First Name,Last Name\r\nJörg,Heinz\r\n', 'utf8');
    const { page, assertClean } = await app.open('/import');
    choose(file);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    const rows = page.getByRole('table', { name: 'First rows' });
    await rows.getByText('Jörg Heinz').waitFor();
    const encoding = page.locator('input[aria-label="Encoding"]');
    await expect.poll(() => encoding.inputValue()).toBe('UTF-8');
    await encoding.click();
    await page.getByRole('option', { name: 'Windows-1252 (Western)' }).click();
    // UTF-8's two bytes for "ö" read as Windows-1252 are "Ã¶": the user sees the wrong choice at once.
    await rows.getByText('JÃ¶rg Heinz').waitFor();
    await expect.poll(() => encoding.inputValue()).toBe('Windows-1252 (Western)');
    await screenshot(page, 'import-encoding');
    assertClean();
  }, 60_000);
});
