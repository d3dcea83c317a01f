// The catalogue's records (issue #23): what a business sells, with its price, unit, tax rate and cost. A quote line
// copies what it takes from here, so editing or hiding a product never changes a sent quote; deleting is only for a
// product no line came from. No SQL (db/products.repo.ts), no `electron` import.
import type { Kysely } from 'kysely';
import type { Product } from '../../../shared/domain/product';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { deleteProduct, findProduct, findProductByCode, findTaxRate, insertProduct, listProducts, updateProduct, type ProductRecord } from '../../db/products.repo';
import { linesUsing } from '../../db/sale-lines.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import { loadSalesSettings } from '../quotes/settings';

type Fields = ChannelParsedInput<'products.create'>;

/** '' from an emptied field means "none", like optionalText does for free text. */
const orNull = (value: string | null | undefined) => (value === undefined || value === null || value.trim() === '' ? null : value.trim());

/** The record a create (or an import's new row) makes: unset fields get the catalogue's defaults. */
export async function newProductRecord(db: Kysely<DB>, id: string, input: Fields): Promise<ProductRecord> {
  return {
    id,
    name: input.name,
    code: orNull(input.code),
    description: input.description ?? null,
    unit: orNull(input.unit),
    unitPriceE4: input.unitPriceE4,
    // A product is priced in the business's currency unless the user says otherwise.
    currency: input.currency ?? (await loadSalesSettings(db)).currency,
    priceIncludesTax: input.priceIncludesTax ?? false,
    taxRateId: input.taxRateId ?? null,
    costE4: input.costE4 ?? null,
    category: orNull(input.category),
    recurrence: input.recurrence ?? 'none',
    active: input.active ?? true,
  };
}

/** The record with a change applied: only the fields the change names. */
export function changedProductRecord(current: ProductRecord, change: Partial<Fields>): ProductRecord {
  const next: ProductRecord = { ...current };
  if (change.name !== undefined) next.name = change.name;
  if (change.code !== undefined) next.code = orNull(change.code);
  if (change.description !== undefined) next.description = change.description;
  if (change.unit !== undefined) next.unit = orNull(change.unit);
  if (change.unitPriceE4 !== undefined) next.unitPriceE4 = change.unitPriceE4;
  if (change.currency !== undefined) next.currency = change.currency;
  if (change.priceIncludesTax !== undefined) next.priceIncludesTax = change.priceIncludesTax;
  if (change.taxRateId !== undefined) next.taxRateId = change.taxRateId;
  if (change.costE4 !== undefined) next.costE4 = change.costE4;
  if (change.category !== undefined) next.category = orNull(change.category);
  if (change.recurrence !== undefined) next.recurrence = change.recurrence;
  if (change.active !== undefined) next.active = change.active;
  return next;
}

/**
 * The rules a stored product keeps, in the app's words: its code is its own (in any letter case) and its tax rate
 * exists. Returns the message and field instead of throwing, so the import can report a row and go on.
 */
export async function productProblem(db: Kysely<DB>, p: ProductRecord): Promise<{ field: string; message: string } | null> {
  if (p.code !== null) {
    const holder = await findProductByCode(db, p.code);
    if (holder && holder.id !== p.id) return { field: 'code', message: `Another product already has the code ${p.code}` };
  }
  if (p.taxRateId !== null && !(await findTaxRate(db, p.taxRateId))) return { field: 'taxRateId', message: 'There is no such tax rate' };
  return null;
}

async function checked(db: Kysely<DB>, p: ProductRecord): Promise<void> {
  const problem = await productProblem(db, p);
  if (problem) throw AppError.validation(problem.field, problem.message);
}

export function createProducts(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const changed = (action: 'created' | 'updated' | 'deleted', id: string) => events.emit('data.changed', { entity: 'product', action, ids: [id] });

  async function get(id: string): Promise<Product> {
    const product = await findProduct(db, id);
    if (!product) throw AppError.notFound('Product', id);
    return product;
  }

  return {
    get,

    list: (input: ChannelParsedInput<'products.list'>): Promise<ChannelOutput<'products.list'>> => listProducts(db, input),

    async create(input: Fields): Promise<Product> {
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const record = await newProductRecord(trx, id, input);
        await checked(trx, record);
        await insertProduct(trx, record, clock.now().toISOString());
      });
      changed('created', id);
      return get(id);
    },

    async update(input: ChannelParsedInput<'products.update'>): Promise<Product> {
      await db.transaction().execute(async (trx) => {
        const current = await findProduct(trx, input.id);
        if (!current) throw AppError.validation('id', 'There is no such product');
        const next = changedProductRecord(current, input);
        await checked(trx, next);
        await updateProduct(trx, next, clock.now().toISOString());
      });
      changed('updated', input.id);
      return get(input.id);
    },

    async remove(id: string): Promise<ChannelOutput<'products.delete'>> {
      await db.transaction().execute(async (trx) => {
        if (!(await findProduct(trx, id))) throw AppError.validation('id', 'There is no such product');
        // A line keeps its own copy of the product, but "which product was this" is history worth keeping.
        const used = await linesUsing(trx, { productId: id });
        if (used > 0) throw AppError.validation('id', `Used on ${used} quote or invoice ${used === 1 ? 'line' : 'lines'}: make it inactive instead, so those keep their history`);
        await deleteProduct(trx, id);
      });
      changed('deleted', id);
      return { ok: true };
    },
  };
}
