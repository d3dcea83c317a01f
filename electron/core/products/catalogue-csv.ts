// The catalogue as a CSV file (issue #23): export through the one CSV writer (formula-safe), and import of a picked
// file, either our own export or another program's product list (WooCommerce's exporter: SKU, Name, Regular price,
// Short description, Categories…). Rows are matched by code: a known code is updated, others added. A bad row is
// reported by its line and what is wrong, and every write happens in one transaction, so an import never stops
// half-way. No SQL (db/products.repo.ts), no `electron` import.
import type { Kysely } from 'kysely';
import { currencyDigits, isCurrencyCode } from '../../../shared/domain/money';
import { ProductFields, Recurrence, type Product } from '../../../shared/domain/product';
import { formatUnitPrice, parseUnitPrice } from '../../../shared/domain/quote-money';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { allProducts, findProductByCode, findTaxRate, insertProduct, listTaxRates, taxRateIdsByName, updateProduct } from '../../db/products.repo';
import type { DB } from '../../db/schema';
import { csvLine, unneutralise, type PlainForm } from '../csv-write';
import { writeFileAtomically } from '../export-file';
import { csvRecords, detectDelimiter, findHeader, fitRow, sniffFile } from '../import-export/csv-io';
import type { FeatureContext } from '../modules';
import { loadSalesSettings } from '../quotes/settings';
import { changedProductRecord, newProductRecord, productProblem } from './products';

export const CATALOGUE_HEADERS = ['Code', 'Name', 'Description', 'Unit', 'Unit price', 'Currency', 'Price includes tax', 'Tax rate', 'Cost', 'Category', 'Repeats', 'Active'] as const;
/** Prices go out as bare decimals ("-5.25" is arithmetic, not a formula): a spreadsheet sums them. */
const PLAIN_CELLS: ReadonlyMap<number, PlainForm> = new Map([
  [4, 'number'],
  [8, 'number'],
]);
/** A product list is small; a file this large is not one. */
const MAX_BYTES = 20 * 1024 * 1024;

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function exportCells(p: Product, rateNames: Map<string, string>): string[] {
  const digits = currencyDigits(p.currency);
  return [
    p.code ?? '',
    p.name,
    p.description ?? '',
    p.unit ?? '',
    formatUnitPrice(p.unitPriceE4, digits),
    p.currency,
    yesNo(p.priceIncludesTax),
    p.taxRateId ? (rateNames.get(p.taxRateId) ?? '') : '',
    p.costE4 === null ? '' : formatUnitPrice(p.costE4, digits),
    p.category ?? '',
    p.recurrence === 'none' ? '' : p.recurrence,
    yesNo(p.active),
  ];
}

/** What a column of the file holds; the names of our export first, then other programs' (lower case). */
type Column = 'code' | 'name' | 'description' | 'shortDescription' | 'unit' | 'price' | 'currency' | 'includesTax' | 'taxRate' | 'cost' | 'category' | 'repeats' | 'active';
const COLUMN_NAMES: Record<Column, readonly string[]> = {
  code: ['code', 'sku', 'product code', 'item code'],
  name: ['name', 'product name', 'item name'],
  description: ['description'],
  // WooCommerce's short description is the one line a quote wants; its Description is the shop page's text.
  shortDescription: ['short description'],
  unit: ['unit'],
  price: ['unit price', 'regular price', 'price'],
  currency: ['currency'],
  includesTax: ['price includes tax'],
  taxRate: ['tax rate'],
  cost: ['cost'],
  category: ['category', 'categories'],
  repeats: ['repeats'],
  active: ['active', 'published'],
};

function columnIndexes(header: readonly string[]): Partial<Record<Column, number>> {
  const names = header.map((h) => h.trim().toLowerCase());
  const found: Partial<Record<Column, number>> = {};
  for (const [column, aliases] of Object.entries(COLUMN_NAMES) as [Column, readonly string[]][]) {
    const i = names.findIndex((n) => aliases.includes(n));
    if (i >= 0) found[column] = i;
  }
  return found;
}

const TRUE_WORDS = ['yes', 'y', 'true', '1'];
const FALSE_WORDS = ['no', 'n', 'false', '0', '-1'];

type Row = { line: number; cells: string[] };
type Parsed = { code: string | null; fields: Partial<ChannelParsedInput<'products.create'>> };

/** One row as product fields, or what is wrong with it in the app's words (without the line, added by the caller). */
function parseRow(row: Row, cols: Partial<Record<Column, number>>, ctx: { currency: string; rates: Map<string, string> }): Parsed | string {
  // Our own export guards formula-like cells with an apostrophe; take it off again.
  const cell = (c: Column) => (cols[c] === undefined ? undefined : unneutralise(row.cells[cols[c]]!.trim()));
  const fields: Parsed['fields'] = {};
  const name = cell('name');
  if (!name) return 'the name is empty';
  fields.name = name;
  const currencyText = cell('currency');
  if (currencyText) {
    if (!isCurrencyCode(currencyText)) return `"${currencyText}" is not a currency code (use one like GBP or EUR)`;
    fields.currency = currencyText.toUpperCase();
  }
  const digits = currencyDigits(fields.currency ?? ctx.currency);
  const priceText = cell('price');
  if (!priceText) return 'there is no price';
  const price = parseUnitPrice(priceText, digits);
  if (price === null) return `the price "${priceText}" is not a number`;
  fields.unitPriceE4 = price;
  const costText = cell('cost');
  if (costText !== undefined) {
    const cost = costText === '' ? null : parseUnitPrice(costText, digits);
    if (cost === null && costText !== '') return `the cost "${costText}" is not a number`;
    fields.costE4 = cost;
  }
  for (const flag of ['includesTax', 'active'] as const) {
    const value = cell(flag)?.toLowerCase();
    if (!value) continue;
    if (!TRUE_WORDS.includes(value) && !FALSE_WORDS.includes(value)) return `"${cell(flag)}" is not Yes or No`;
    fields[flag === 'includesTax' ? 'priceIncludesTax' : 'active'] = TRUE_WORDS.includes(value);
  }
  const rateName = cell('taxRate');
  if (rateName) {
    const id = ctx.rates.get(rateName.toLowerCase());
    if (!id) return `there is no tax rate called "${rateName}"`;
    fields.taxRateId = id;
  }
  const repeats = cell('repeats')?.toLowerCase();
  if (repeats) {
    const recurrence = Recurrence.safeParse(repeats);
    if (!recurrence.success) return `"${cell('repeats')}" is not how often it repeats (none, weekly, monthly, quarterly or yearly)`;
    fields.recurrence = recurrence.data;
  }
  const description = cell('shortDescription') || cell('description');
  if (description !== undefined) fields.description = description || null;
  if (cell('unit') !== undefined) fields.unit = cell('unit') || null;
  // WooCommerce lists several categories ("Clothing > Hoodies, Sale"): the first is the product's own.
  const category = cell('category');
  if (category !== undefined) fields.category = category.split(',')[0]!.trim() || null;
  const code = cell('code') || null;
  if (code !== null) fields.code = code;
  const checked = ProductFields.safeParse({ ...fields, name: fields.name });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return `${String(issue.path[0] ?? 'the row')}: ${issue.message}`;
  }
  return { code, fields };
}

/** Thrown inside the transaction of a dry run, so it rolls back having counted exactly what a real run would do. */
class DryRun extends Error {}

type Report = ChannelOutput<'products.importCsv'>;

async function importRows(db: Kysely<DB>, rows: Row[], cols: Partial<Record<Column, number>>, deps: { newId: () => string; now: string }) {
  const report: Report = { added: 0, updated: 0, refused: [] };
  const ids = { added: [] as string[], updated: [] as string[] };
  const settings = await loadSalesSettings(db);
  const rates = await taxRateIdsByName(db);
  // A default rate since deleted is no default: the rows still go in, without a rate.
  const defaultRate = settings.defaultTaxRateId && (await findTaxRate(db, settings.defaultTaxRateId)) ? settings.defaultTaxRateId : null;
  const codeLines = new Map<string, number>();
  const refuse = (line: number, message: string) => report.refused.push({ line, message: `Line ${line}: ${message}` });
  for (const row of rows) {
    const parsed = parseRow(row, cols, { currency: settings.currency, rates });
    if (typeof parsed === 'string') {
      refuse(row.line, parsed);
      continue;
    }
    if (parsed.code !== null) {
      const key = parsed.code.toLowerCase();
      const earlier = codeLines.get(key);
      if (earlier !== undefined) {
        refuse(row.line, `the code ${parsed.code} is already on line ${earlier}`);
        continue;
      }
      codeLines.set(key, row.line);
    }
    const current = parsed.code === null ? null : await findProductByCode(db, parsed.code);
    // A file without a Tax rate column (WooCommerce's says "taxable") gives new products the business's default rate.
    const defaults = cols.taxRate === undefined && defaultRate ? { taxRateId: defaultRate } : {};
    const record = current
      ? changedProductRecord(current, parsed.fields)
      : await newProductRecord(db, deps.newId(), { ...defaults, ...parsed.fields, name: parsed.fields.name!, unitPriceE4: parsed.fields.unitPriceE4! });
    const problem = await productProblem(db, record);
    if (problem) {
      refuse(row.line, problem.message);
      continue;
    }
    if (current) {
      await updateProduct(db, record, deps.now);
      ids.updated.push(record.id);
    } else {
      await insertProduct(db, record, deps.now);
      ids.added.push(record.id);
    }
  }
  report.added = ids.added.length;
  report.updated = ids.updated.length;
  return { report, ids };
}

export function createCatalogueCsv(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;

  return {
    async exportCsv(): Promise<ChannelOutput<'products.exportCsv'>> {
      const path = await ctx.platform.saveTarget('catalogue.csv', [{ name: 'CSV', extensions: ['csv'] }]);
      if (path === null) return { path: null, rows: 0 };
      const products = await allProducts(db);
      const rateNames = new Map((await listTaxRates(db, true)).map((r) => [r.id, r.name]));
      let text = csvLine(CATALOGUE_HEADERS);
      for (const p of products) text += csvLine(exportCells(p, rateNames), ',', false, PLAIN_CELLS);
      await writeFileAtomically(path, (write) => write(text), ctx.dataDir);
      return { path, rows: products.length };
    },

    async importCsv(input: ChannelParsedInput<'products.importCsv'>): Promise<Report> {
      // Only a file the user chose in the open dialog is read.
      const file = ctx.picks.check(input.path, 'path', 'import', { maxBytes: MAX_BYTES });
      const sniffed = await sniffFile(file.realPath);
      const delimiter = detectDelimiter(sniffed.head);
      const header = await findHeader(file.realPath, sniffed, delimiter);
      const cols = columnIndexes(header.columns);
      if (cols.name === undefined || cols.price === undefined) {
        throw AppError.validation('path', 'This file has no Name and Unit price (or Regular price) columns: export the catalogue once to see the columns Rapport reads');
      }
      const rows: Row[] = [];
      const early: Report['refused'] = [];
      for await (const record of csvRecords(file.realPath, sniffed, delimiter)) {
        if (record.line <= header.line) continue;
        if (!('cells' in record)) {
          early.push({ line: record.line, message: `Line ${record.line}: ${record.error}` });
          continue;
        }
        const fitted = fitRow(record, header.columns.length, delimiter);
        if ('unclosed' in fitted) early.push({ line: record.line, message: `Line ${record.line}: an unclosed quote swallowed the lines after it` });
        else if (fitted.cells.some((c) => c.trim() !== '')) rows.push({ line: record.line, cells: fitted.cells });
      }
      if (!input.dryRun) await ctx.backups.before('before-import');
      let result: Awaited<ReturnType<typeof importRows>> | null = null;
      try {
        await db.transaction().execute(async (trx) => {
          result = await importRows(trx, rows, cols, { newId, now: clock.now().toISOString() });
          if (input.dryRun) throw new DryRun();
        });
      } catch (error) {
        if (!(error instanceof DryRun)) throw error;
      }
      const { report, ids } = result!;
      report.refused = [...early, ...report.refused].sort((a, b) => a.line - b.line);
      if (!input.dryRun) {
        if (ids.added.length) events.emit('data.changed', { entity: 'product', action: 'created', ids: ids.added });
        if (ids.updated.length) events.emit('data.changed', { entity: 'product', action: 'updated', ids: ids.updated });
      }
      return report;
    },
  };
}
