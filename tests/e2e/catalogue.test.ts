// The catalogue in Chromium against the real harness (issue #23): the empty state says what to do; a service is added
// in the dialog (price typed as "85.5"), found by search and its price edited; a WooCommerce product export is
// imported after its dry-run report; on the tax rates tab Ireland's 23 % is turned on. A screenshot of each tab.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

const app = useApp();

describe('catalogue', () => {
  test('add, find and edit a product, import a WooCommerce file, turn on a tax rate', async () => {
    const { page, assertClean } = await app.open('/catalogue');
    await page.getByRole('heading', { name: 'No products or services yet' }).waitFor();
    await page.getByText('Add the products and services you quote, or import them from a CSV file').waitFor();

    // 1. Add a service.
    await page.getByRole('button', { name: 'New product' }).click();
    const dialog = page.getByRole('dialog', { name: 'New product or service' });
    await dialog.getByLabel('Name').fill('Boiler service');
    await dialog.getByLabel('Code').fill('BS-1');
    await dialog.getByLabel('Unit', { exact: true }).fill('visit');
    await dialog.getByLabel('Unit price').fill('abc');
    await dialog.getByRole('button', { name: 'Add product' }).click();
    await dialog.getByText('Enter a price like 12.50').waitFor();
    await dialog.getByLabel('Unit price').fill('85.5');
    await dialog.getByLabel('Category').fill('Servicing');
    await dialog.getByRole('button', { name: 'Add product' }).click();
    await page.getByText('Boiler service added to the catalogue').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Products and services' });
    await table.getByRole('row', { name: /Boiler service.*BS-1.*visit.*£85\.50.*VAT 20%.*Servicing/ }).waitFor();

    // 2. Import WooCommerce's own sample export: a dry run first, then the import.
    const woo = join(app.harness.dataDir, 'woocommerce.csv');
    copyFileSync(join(__dirname, '..', 'fixtures', 'catalogue-csv', 'woocommerce-sample-products.csv'), woo);
    writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([woo]));
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const report = page.getByRole('dialog', { name: 'Import products from CSV' });
    await report.getByText('This file would have 8 products added, 0 updated (matched by code).').waitFor();
    await report.getByText('Line 2: there is no price').waitFor();
    await report.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 8 products added, 0 updated, 2 refused').waitFor();
    await table.getByRole('row', { name: /WordPress Pennant.*wp-pennant.*£11\.05.*Decor/ }).waitFor();

    // 3. Find it by search and change its price.
    await page.getByLabel('Search the catalogue').fill('boiler');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('button', { name: 'Boiler service' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit product or service' });
    expect(await edit.getByLabel('Unit price').inputValue()).toBe('85.50');
    await edit.getByLabel('Unit price').fill('92.125');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Boiler service saved').waitFor();
    await table.getByRole('row', { name: /Boiler service.*£92\.125/ }).waitFor();
    const stored = await app.harness.rpc('products.list', { query: 'BS-1' });
    expect(stored.items[0]).toMatchObject({ unitPriceE4: 92_125_000, unit: 'visit', category: 'Servicing' });
    await page.getByLabel('Search the catalogue').fill('');
    await table.getByRole('row', { name: /Beanie/ }).first().waitFor();
    await screenshot(page, 'catalogue-products');

    // 4. Tax rates: Ireland's 23 % is off until turned on.
    await page.getByRole('tab', { name: 'Tax rates' }).click();
    await page.waitForURL(/\/catalogue\/tax-rates$/);
    const rates = page.getByRole('table', { name: 'Tax rates' });
    await rates.getByRole('row', { name: /VAT 23%.*23%.*Standard.*IE.*2012-01-01/ }).waitFor();
    const ie = rates.getByRole('switch', { name: 'VAT 23% active' });
    expect(await ie.isChecked()).toBe(false);
    await ie.click({ force: true });
    await expect.poll(async () => (await app.harness.rpc('taxRates.list', {})).items.some((r) => r.name === 'VAT 23%')).toBe(true);
    await expect.poll(() => ie.isChecked()).toBe(true);
    await screenshot(page, 'catalogue-tax-rates');
    assertClean();
  }, 90_000);
});
