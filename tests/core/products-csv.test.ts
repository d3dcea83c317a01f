// The catalogue as CSV (issue #23): the export (formula-safe cells, prices as plain decimals), importing it back
// (matched by code), importing a real program's product file (WooCommerce's own sample export), bad rows reported by
// line, and the rule that only a picked file is read. Real SQLite and real files in a temp dir.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { GB_STANDARD } from './products-helpers';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const FIXTURES = join(__dirname, '..', 'fixtures', 'catalogue-csv');

/** Puts a file where the user could pick it and picks it "in the open dialog". */
async function pick(name: string, content?: string, from?: string): Promise<string> {
  const path = join(t.dataDir, name);
  if (from) copyFileSync(from, path);
  else writeFileSync(path, content ?? '');
  writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([path]));
  await t.call('files.pick', { purpose: 'import' });
  return path;
}

const names = async () => (await t.call('products.list', { includeInactive: true })).items.map((p) => p.name);

describe('exporting the catalogue', () => {
  it('writes every product with our headers, prices as decimals and formula-like text guarded', async () => {
    await t.call('products.create', { name: '=HYPERLINK("http://x")', code: 'X-1', unitPriceE4: 12_345_600, costE4: -50_000_000, taxRateId: GB_STANDARD, active: false });
    await t.call('products.create', { name: 'Boiler service', code: 'BS-1', unit: 'visit', unitPriceE4: 850_000_000, category: 'Servicing', recurrence: 'yearly', priceIncludesTax: true });
    const result = await t.call('products.exportCsv', {});
    expect(result.rows).toBe(2);
    const lines = readFileSync(result.path!, 'utf8').split('\r\n');
    expect(lines[0]).toBe('Code,Name,Description,Unit,Unit price,Currency,Price includes tax,Tax rate,Cost,Category,Repeats,Active');
    // Sorted by name: the guarded one ("=" sorts before letters).
    expect(lines[1]).toBe(`X-1,"'=HYPERLINK(""http://x"")",,,12.3456,GBP,No,VAT 20%,-50.00,,,No`);
    expect(lines[2]).toBe('BS-1,Boiler service,,visit,850.00,GBP,Yes,,,Servicing,yearly,Yes');
  });

  it('reads its own export back: matched by code, prices and guards exact', async () => {
    await t.call('products.create', { name: '=cmd', code: 'X-1', unitPriceE4: 123_456, taxRateId: GB_STANDARD });
    const exported = readFileSync((await t.call('products.exportCsv', {})).path!, 'utf8');
    await t.call('products.update', { id: (await t.call('products.list', {})).items[0]!.id, unitPriceE4: 1, name: 'changed' });
    const path = await pick('back.csv', exported);
    expect(await t.call('products.importCsv', { path })).toEqual({ added: 0, updated: 1, refused: [] });
    expect((await t.call('products.list', {})).items[0]).toMatchObject({ name: '=cmd', unitPriceE4: 123_456, taxRateId: GB_STANDARD, code: 'X-1' });
  });
});

describe('importing a WooCommerce product export', () => {
  it('adds the simple products and variations, refuses the ones with no price of their own, and keeps the values', async () => {
    const path = await pick('woo.csv', undefined, join(FIXTURES, 'woocommerce-sample-products.csv'));
    const expected = {
      added: 8,
      updated: 0,
      refused: [
        { line: 2, message: 'Line 2: there is no price' },
        { line: 10, message: 'Line 10: there is no price' },
      ],
    };
    // A dry run says what would happen and writes nothing.
    expect(await t.call('products.importCsv', { path, dryRun: true })).toEqual(expected);
    expect(await names()).toEqual([]);
    expect(await t.call('products.importCsv', { path })).toEqual(expected);

    const products = (await t.call('products.list', { includeInactive: true })).items;
    expect(products).toHaveLength(8);
    expect(products.find((p) => p.code === 'woo-beanie')).toMatchObject({
      name: 'Beanie',
      unitPriceE4: 20_000_000,
      currency: 'GBP',
      description: 'This is a simple product.',
      category: 'Clothing > Accessories',
      active: true,
      // No Tax rate column: the business's default rate (UK standard).
      taxRateId: GB_STANDARD,
    });
    expect(products.find((p) => p.code === 'wp-pennant')).toMatchObject({ name: 'WordPress Pennant', unitPriceE4: 11_050_000, category: 'Decor', description: 'This is an external product.' });
    // A variation has no short description: the long one is kept.
    expect(products.find((p) => p.code === 'woo-vneck-tee-red')!.description).toMatch(/^Lorem ipsum dolor sit amet/);
    expect(t.events.filter((e) => e.name === 'data.changed' && (e.payload as { entity: string }).entity === 'product')).toHaveLength(1);

    // The same file again: matched by SKU (in any case), so updated, not duplicated.
    writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([path]));
    await t.call('files.pick', { purpose: 'import' });
    expect(await t.call('products.importCsv', { path })).toMatchObject({ added: 0, updated: 8 });
  });
});

describe('rows that cannot be imported', () => {
  it('are reported by line with what is wrong; the good rows go in', async () => {
    const csv = [
      'Code,Name,Unit price,Currency,Tax rate,Repeats,Active',
      'A-1,Good one,12.50,GBP,VAT 20%,,Yes',
      'A-2,Bad price,abc,GBP,,,',
      'A-3,Bad currency,1,POU,,,',
      'A-4,Bad rate,1,GBP,VAT 99%,,',
      'A-5,"Multi',
      'line name",1,GBP,,fortnightly,',
      'a-1,Same code,1,GBP,,,',
      'A-7,,1,GBP,,,',
      'A-8,Too precise,1.0000001,GBP,,,',
      'A-10,Odd flag,1,GBP,,,maybe',
      'A-9,Second good,"1,250.5",EUR,,monthly,No',
    ].join('\n');
    const path = await pick('bad.csv', csv);
    const report = await t.call('products.importCsv', { path });
    expect(report.added).toBe(2);
    expect(report.refused.map((r) => r.message)).toEqual([
      'Line 3: the price "abc" is not a number',
      'Line 4: "POU" is not a currency code (use one like GBP or EUR)',
      'Line 5: there is no tax rate called "VAT 99%"',
      'Line 6: "fortnightly" is not how often it repeats (none, weekly, monthly, quarterly or yearly)',
      'Line 8: the code a-1 is already on line 2',
      'Line 9: the name is empty',
      'Line 10: the price "1.0000001" is not a number',
      'Line 11: "maybe" is not Yes or No',
    ]);
    const added = (await t.call('products.list', { includeInactive: true })).items;
    expect(added.map((p) => [p.code, p.unitPriceE4, p.currency, p.recurrence, p.active])).toEqual([
      ['A-1', 12_500_000, 'GBP', 'none', true],
      ['A-9', 1_250_500_000, 'EUR', 'monthly', false],
    ]);
  });

  it('reads nothing the user did not pick, and says which columns it needs', async () => {
    const path = join(t.dataDir, 'secret.csv');
    writeFileSync(path, 'Name,Unit price\nx,1\n');
    expect(await t.fail('products.importCsv', { path })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: 'Choose the file with the Import button first' }] });
    const noPrice = await pick('no-price.csv', 'Name,Colour\nx,red\n');
    expect(await t.fail('products.importCsv', { path: noPrice })).toMatchObject({ issues: [{ path: 'path' }] });
    expect(await names()).toEqual([]);
  });
});
