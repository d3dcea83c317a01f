// A column with no field of its own becomes a custom field from the mapping screen (issue #19): "New field…" on the
// "Gate code" column, the guessed type checked and kept, the field made, the column mapped to it, the import run,
// and the value on the contact. In Chromium against the harness.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp();
const choose = (file: string) => writeFileSync(join(app.harness.dataDir, 'harness-picks.json'), JSON.stringify([file]));

describe('import: a new custom field from the mapping screen', () => {
  test('a "Gate code" column becomes a contact field and fills it', async () => {
    const file = join(app.harness.dataDir, 'customers.csv');
    writeFileSync(file, ['First Name,Last Name,Gate code,Boiler size', 'Ann,Archer,4711 then #,24', 'Bob,Baker,0815,30'].join('\r\n'));

    const { page, assertClean } = await app.open('/import');
    choose(file);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await page.getByRole('table', { name: 'First rows' }).getByText('Bob Baker').waitFor();

    // Boiler size: the guess from its values is a number.
    await page.getByRole('button', { name: 'New field for column Boiler size' }).click();
    const sizeDialog = page.getByRole('dialog', { name: 'New contact field for "Boiler size"' });
    await sizeDialog.getByText('Guessed from the first rows: Number').waitFor();
    await sizeDialog.getByRole('button', { name: 'Create field' }).click();
    await sizeDialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'New field for column Gate code' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact field for "Gate code"' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Gate code');
    await dialog.getByText('Guessed from the first rows: Text').waitFor();
    await screenshot(page, 'import-new-field');
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('input[aria-label="Target for column Gate code"]').inputValue()).toBe('Field: Gate code');
    await expect.poll(() => page.locator('input[aria-label="Target for column Boiler size"]').inputValue()).toBe('Field: Boiler size');
    await screenshot(page, 'import-mapped-to-new-field');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText('2 created, 0 updated, 0 skipped, 0 rejected.').waitFor();

    const fields = (await app.harness.rpc('fields.list', { recordType: 'contact' })).items;
    expect(fields.map((f) => [f.label, f.key, f.type])).toEqual([['Boiler size', 'boilerSize', 'number'], ['Gate code', 'gateCode', 'text']]);
    const ann = (await app.harness.rpc('contacts.list', { limit: 10 })).items.find((c) => c.firstName === 'Ann')!;
    expect((await app.harness.rpc('contacts.get', { id: ann.id })).custom).toEqual({ gateCode: '4711 then #', boilerSize: 24 });
    assertClean();

    // And on the contact's page, where the user looks for it.
    const contact = await app.open(`/contacts/${ann.id}`);
    await contact.page.getByText('Gate code').first().waitFor();
    await contact.page.getByText('4711 then #').waitFor();
    await screenshot(contact.page, 'import-new-field-on-contact');
    contact.assertClean();
  }, 90_000);
});
