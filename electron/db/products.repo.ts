// The catalogue's rows (issue #23): products and services, and tax rates as data. Row mapping and SQL only; the
// rules (unique codes, zero-rated rates at 0 %, deleting only what no line used) are core/products' own.
// Never imports core or `electron`.
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Product, Recurrence, TaxRate } from '../../shared/domain/product';
import type { TaxKind } from '../../shared/domain/tax-rates';
import { decodeCursor, finishPage } from './keyset';
import { linesUsing } from './sale-lines.repo';
import type { DB } from './schema';
import type { ProductsTable, TaxRatesTable } from './schema.quotes';

/** A product as stored: the fields the user gives, without the timestamps the repo keeps. */
export type ProductRecord = Omit<Product, 'createdAt' | 'updatedAt'>;
/** A tax rate as stored: usedBy is counted, never kept. */
export type TaxRateRecord = Omit<TaxRate, 'usedBy'>;

function toProduct(row: Selectable<ProductsTable>): Product {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    description: row.description,
    unit: row.unit,
    unitPriceE4: row.unit_price_e4,
    currency: row.currency,
    priceIncludesTax: row.price_includes_tax === 1,
    taxRateId: row.tax_rate_id,
    costE4: row.cost_e4,
    category: row.category,
    recurrence: row.recurrence as Recurrence,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const productColumns = (p: ProductRecord) => ({
  name: p.name,
  code: p.code,
  description: p.description,
  unit: p.unit,
  unit_price_e4: p.unitPriceE4,
  currency: p.currency,
  price_includes_tax: p.priceIncludesTax ? 1 : 0,
  tax_rate_id: p.taxRateId,
  cost_e4: p.costE4,
  category: p.category,
  recurrence: p.recurrence,
  active: p.active ? 1 : 0,
});

/** LIKE treats % and _ as wildcards: a search for "50%" means the text "50%". */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type ProductFilter = { query?: string | undefined; category?: string | undefined; includeInactive: boolean };

function productsWhere(db: Kysely<DB>, filter: ProductFilter) {
  let q = db.selectFrom('products');
  if (!filter.includeInactive) q = q.where('active', '=', 1);
  if (filter.category) q = q.where(sql<SqlBool>`category = ${filter.category} COLLATE NOCASE`);
  const query = filter.query?.trim();
  if (query) {
    const needle = `%${escapeLike(query)}%`;
    // LIKE is case-blind for ASCII in SQLite: "boiler" finds "Boiler service".
    q = q.where(
      sql<SqlBool>`(name LIKE ${needle} ESCAPE '\\' OR code LIKE ${needle} ESCAPE '\\' OR description LIKE ${needle} ESCAPE '\\' OR category LIKE ${needle} ESCAPE '\\')`,
    );
  }
  return q;
}

/** One page sorted by name (case-blind, then id), the filter's total, and every category in use (for the filter). */
export async function listProducts(db: Kysely<DB>, filter: ProductFilter & { limit: number; cursor?: string | undefined }) {
  let page = productsWhere(db, filter).selectAll();
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    const name = typeof after.value === 'string' ? after.value : '';
    page = page.where(sql<SqlBool>`(name COLLATE NOCASE > ${name} OR (name COLLATE NOCASE = ${name} AND id > ${after.id}))`);
  }
  const rows = await page.orderBy(sql`name COLLATE NOCASE`).orderBy('id').limit(filter.limit + 1).execute();
  const { items, nextCursor } = finishPage(rows.map(toProduct), filter.limit, 'name');
  const counted = await productsWhere(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let cats = db.selectFrom('products').select('category').distinct().where('category', 'is not', null);
  if (!filter.includeInactive) cats = cats.where('active', '=', 1);
  const categories = await cats.orderBy(sql`category COLLATE NOCASE`).execute();
  return { items, total: Number(counted.n), nextCursor, categories: categories.map((c) => c.category!) };
}

export async function findProduct(db: Kysely<DB>, id: string): Promise<Product | null> {
  const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProduct(row) : null;
}

/** The product holding `code` in any letter case ("BOILER-1" and "boiler-1" are one code to a person). */
export async function findProductByCode(db: Kysely<DB>, code: string): Promise<Product | null> {
  const row = await db.selectFrom('products').selectAll().where(sql<SqlBool>`code = ${code} COLLATE NOCASE`).executeTakeFirst();
  return row ? toProduct(row) : null;
}

/** Every product, active or not, by name: the export. */
export async function allProducts(db: Kysely<DB>): Promise<Product[]> {
  const rows = await db.selectFrom('products').selectAll().orderBy(sql`name COLLATE NOCASE`).orderBy('id').execute();
  return rows.map(toProduct);
}

export async function insertProduct(db: Kysely<DB>, p: ProductRecord, now: string): Promise<void> {
  await db
    .insertInto('products')
    .values({ id: p.id, ...productColumns(p), created_at: now, updated_at: now })
    .execute();
}

export async function updateProduct(db: Kysely<DB>, p: ProductRecord, now: string): Promise<void> {
  await db.updateTable('products').set({ ...productColumns(p), updated_at: now }).where('id', '=', p.id).execute();
}

export async function deleteProduct(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('products').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

function toTaxRate(row: Selectable<TaxRatesTable>): TaxRateRecord {
  return {
    id: row.id,
    name: row.name,
    rateMilli: row.rate_milli,
    kind: row.kind as TaxKind,
    country: row.country,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    active: row.active === 1,
  };
}

const taxRateColumns = (r: TaxRateRecord) => ({
  name: r.name,
  rate_milli: r.rateMilli,
  kind: r.kind,
  country: r.country,
  valid_from: r.validFrom,
  valid_to: r.validTo,
  active: r.active ? 1 : 0,
});

const withUse = async (db: Kysely<DB>, rate: TaxRateRecord): Promise<TaxRate> => ({ ...rate, usedBy: await linesUsing(db, { taxRateId: rate.id }) });

/** In the user's order (position), each with how many lines used it. */
export async function listTaxRates(db: Kysely<DB>, includeInactive: boolean): Promise<TaxRate[]> {
  let q = db.selectFrom('tax_rates').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  const rows = await q.orderBy('position').orderBy('seq').execute();
  return Promise.all(rows.map((row) => withUse(db, toTaxRate(row))));
}

export async function findTaxRate(db: Kysely<DB>, id: string): Promise<TaxRate | null> {
  const row = await db.selectFrom('tax_rates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? withUse(db, toTaxRate(row)) : null;
}

/** A new rate goes last in the list. */
export async function insertTaxRate(db: Kysely<DB>, r: TaxRateRecord, now: string): Promise<void> {
  const last = await db.selectFrom('tax_rates').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  await db
    .insertInto('tax_rates')
    .values({ id: r.id, key: null, ...taxRateColumns(r), position: Number(last?.p ?? -1) + 1, created_at: now, updated_at: now })
    .execute();
}

export async function updateTaxRate(db: Kysely<DB>, r: TaxRateRecord, now: string): Promise<void> {
  await db.updateTable('tax_rates').set({ ...taxRateColumns(r), updated_at: now }).where('id', '=', r.id).execute();
}

/** Products pointing at it lose their rate (ON DELETE SET NULL); only an unused rate gets here. */
export async function deleteTaxRate(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('tax_rates').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every rate's id by its name, case-blind: the import finds "VAT 20%" (our export's Tax rate column). */
export async function taxRateIdsByName(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('tax_rates').select(['id', 'name']).orderBy('active', 'desc').orderBy('position').execute();
  const map = new Map<string, string>();
  for (const row of rows) if (!map.has(row.name.toLowerCase())) map.set(row.name.toLowerCase(), row.id);
  return map;
}
