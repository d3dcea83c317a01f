// Accepted quotes written straight into SQLite for the sales-suggestions tests (core and e2e): suggestions read only
// what an accepted quote leaves in the store (quotes.status, accepted_at, counted catalogue lines), so the tests
// need not depend on the whole quoting flow. Rows are shaped as migration 0024 defines them.
import { randomUUID } from 'node:crypto';
import type { Sqlite } from '../../electron/db/connection';

const STAMP = '2026-01-01T00:00:00.000Z';

export function seedProduct(db: Sqlite, name: string, recurrence: 'none' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' = 'none'): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO products (id, name, unit_price_e4, currency, recurrence, created_at, updated_at) VALUES (?, ?, 1000000, 'GBP', ?, ?, ?)`,
  ).run(id, name, recurrence, STAMP, STAMP);
  return id;
}

export interface SeedLine {
  productId: string | null;
  /** An optional line the client did not choose (counted = 0). */
  notChosen?: boolean;
}

/** A quote for `contactId` with these lines, in `status` (accepted by default) on `acceptedAt`. */
export function seedQuote(db: Sqlite, contactId: string, lines: SeedLine[], acceptedAt: string, status = 'accepted'): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO quotes (id, root_id, status, title, contact_id, currency, prices_include_tax, rounding, accepted_at, created_at, updated_at)
     VALUES (?, ?, ?, 'Work', ?, 'GBP', 0, 'line', ?, ?, ?)`,
  ).run(id, id, status, contactId, status === 'accepted' ? acceptedAt : null, acceptedAt, acceptedAt);
  const line = db.prepare(
    `INSERT INTO sale_lines (id, quote_id, position, kind, product_id, description, quantity_milli, unit_price_e4, optional, chosen, counted)
     VALUES (?, ?, ?, 'item', ?, 'Item', 1000, 1000000, ?, 0, ?)`,
  );
  lines.forEach((l, i) => line.run(randomUUID(), id, i, l.productId, l.notChosen ? 1 : 0, l.notChosen ? 0 : 1));
  return id;
}
