// Keyset ("seek") paging: a page starts after the last row's (sort value, id), so page 2,000 costs
// what page 1 costs. Cursors are opaque to the renderer; a tampered one is a VALIDATION error.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '../../shared/ipc/errors';

export type CursorValue = string | number | null;

export function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: CursorValue; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && ['string', 'number'].includes(typeof parsed[0])) {
      return { value: parsed[0] as CursorValue, id: parsed[1] };
    }
  } catch {
    // fall through: any undecodable cursor gets the same answer
  }
  throw AppError.validation('cursor', 'Not a cursor this list gave out');
}

/** The "rows after the cursor" condition for a list ordered by (column, id) in one direction. */
export function afterCursor(cursor: string, columnRef: string, idRef: string, direction: 'asc' | 'desc'): RawBuilder<SqlBool> {
  const after = decodeCursor(cursor);
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${sql.ref(columnRef)}, ${sql.ref(idRef)}) ${op} (${after.value}, ${after.id})`;
}

/** Rows were fetched with limit + 1: the extra one only says whether another page exists. */
export function finishPage<Row extends { id: string }>(rows: Row[], limit: number, column: keyof Row): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last[column] as CursorValue, last.id) : null;
  return { items, nextCursor };
}
