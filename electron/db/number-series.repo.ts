// Quote and invoice number series (migration 0024): the last number given. Advanced only by `takeNumber` inside the
// transaction that sends the document, so a send that fails or is cancelled gives back nothing and leaves no gap.
import type { Kysely } from 'kysely';
import { formatNumber, nextNumber } from '../../shared/domain/numbering';
import type { DB } from './schema';

export type SeriesKind = 'quote' | 'invoice';

/** The number the next send would take, without taking it (for a preview). */
export async function peekNumber(db: Kysely<DB>, kind: SeriesKind, pattern: string, resetYearly: boolean, year: number): Promise<string> {
  const row = await db.selectFrom('number_series').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();
  const last = row.last_seq === null || row.last_year === null ? null : { year: row.last_year, seq: row.last_seq };
  return formatNumber(pattern, nextNumber(last, year, resetYearly));
}

/**
 * Takes the next number of the series. Call only inside the sending transaction (`trx`): the row update and the
 * document's number commit or roll back together. A number already used (a pattern changed back to an earlier
 * one) is skipped, so two documents never share one.
 */
export async function takeNumber(trx: Kysely<DB>, kind: SeriesKind, pattern: string, resetYearly: boolean, year: number): Promise<string> {
  const row = await trx.selectFrom('number_series').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();
  let at = nextNumber(row.last_seq === null || row.last_year === null ? null : { year: row.last_year, seq: row.last_seq }, year, resetYearly);
  const table = kind === 'quote' ? 'quotes' : 'invoices';
  for (;;) {
    const number = formatNumber(pattern, at);
    const taken = await trx.selectFrom(table).select('id').where(kind === 'quote' ? 'base_number' : 'number', '=', number).executeTakeFirst();
    if (!taken) {
      await trx.updateTable('number_series').set({ last_year: at.year, last_seq: at.seq }).where('kind', '=', kind).execute();
      return number;
    }
    at = { year: at.year, seq: at.seq + 1 };
  }
}

/** The last number given in each series (null before the first send), for the settings' "Next: …". */
export async function numberSeries(db: Kysely<DB>): Promise<Record<SeriesKind, { year: number; seq: number } | null>> {
  const rows = await db.selectFrom('number_series').selectAll().execute();
  const last = (kind: SeriesKind) => {
    const r = rows.find((row) => row.kind === kind);
    return r && r.last_year !== null && r.last_seq !== null ? { year: r.last_year, seq: r.last_seq } : null;
  };
  return { quote: last('quote'), invoice: last('invoice') };
}
