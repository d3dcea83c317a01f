// What each client bought, for sales suggestions (issue #23): one read over accepted quotes' counted catalogue
// lines, one row per (client, product) with the last acceptance date. Pairs, "offer to" lists and repeats are
// worked out from these rows in core/sales/suggestions.ts, so the whole page costs this single query (the
// quotes_status and sale_lines_quote indexes drive it) instead of one per product. Never imports core.
import { sql, type Kysely } from 'kysely';
import { readRows } from './connection';
import type { DB } from './schema';

export interface PurchaseRow {
  contact_id: string;
  contact_name: string;
  product_id: string;
  product_name: string;
  recurrence: string;
  /** The latest accepted_at of the client's accepted quotes carrying this product (ISO date-time). */
  last_accepted_at: string;
}

/**
 * (client, product) pairs from accepted quotes only. The client is the quote's contact; contacts in the Trash are
 * left out, and erased ones are gone already (their quotes' contact_id is NULL). Optional lines the client did not
 * choose are not counted (counted = 0), so they never read as bought.
 */
export function readPurchases(db: Kysely<DB>): Promise<PurchaseRow[]> {
  return readRows(
    db,
    sql<PurchaseRow>`SELECT q.contact_id, c.display_name AS contact_name, l.product_id, p.name AS product_name, p.recurrence,
        max(coalesce(q.accepted_at, q.updated_at)) AS last_accepted_at
      FROM quotes q
      JOIN sale_lines l ON l.quote_id = q.id
      JOIN contacts c ON c.id = q.contact_id AND c.deleted_at IS NULL
      JOIN products p ON p.id = l.product_id
      WHERE q.status = 'accepted' AND q.contact_id IS NOT NULL AND l.product_id IS NOT NULL AND l.counted = 1 AND l.kind = 'item'
      GROUP BY q.contact_id, l.product_id
      ORDER BY c.display_name COLLATE NOCASE, q.contact_id`,
  );
}
