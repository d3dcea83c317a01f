// Shared by the catalogue's tests: a draft quote with one line that came from a product and used a tax rate, written
// straight into the tables (the quote builder is another slice; only "is it used" matters here).
import { sql } from 'kysely';
import type { TestCore } from '../helpers/core';

let n = 0;

export async function useOnLine(t: TestCore, what: { productId?: string | null; taxRateId?: string }): Promise<void> {
  const db = t.core.store.db;
  const now = '2026-11-22T09:00:00.000Z';
  const quoteId = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const lineId = `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const taxes = JSON.stringify(what.taxRateId ? [{ taxRateId: what.taxRateId, rateMilli: 20_000 }] : []);
  // Plain SQL: the columns the tables default are left to their defaults.
  await sql`INSERT INTO quotes (id, root_id, status, title, currency, prices_include_tax, rounding, created_at, updated_at)
    VALUES (${quoteId}, ${quoteId}, 'draft', 'Test quote', 'GBP', 0, 'line', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO sale_lines (id, quote_id, position, kind, product_id, quantity_milli, unit_price_e4, taxes)
    VALUES (${lineId}, ${quoteId}, 0, 'item', ${what.productId ?? null}, 1000, 10000000, ${taxes})`.execute(db);
}

/** Migration 0024's fixed ids of two seeded rates. */
export const GB_STANDARD = '5a1e57a0-0000-4000-8000-000000000001';
export const GB_ZERO = '5a1e57a0-0000-4000-8000-000000000003';
export const IE_STANDARD = '5a1e57a0-0000-4000-8000-000000000006';
