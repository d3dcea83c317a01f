// The form's duplicate check finds people by their email and phone keys (contact_match_keys, migration 0021), kept
// by triggers. A bulk import stands the insert trigger down (bulk_insert, as for search and tags) and fills the keys
// of its new rows in one statement from here. The derivation is 0021's, copied (a migration imports no app code):
// tests/core/duplicates.test.ts checks an imported contact is found by its phone and email.

const digits = (value: string) =>
  [' ', '-', '(', ')', '+', '.', '/'].reduce((expr, ch) => `replace(${expr}, '${ch}', '')`, `coalesce(${value}, '')`);

/** The keys of every live contact with a seq above the one bound parameter (bind it twice: once per half). */
export function matchKeysAbove(): string {
  const email = `json_extract(e.value, '$.value')`;
  const phone = digits(`json_extract(p.value, '$.value')`);
  const list = (column: string) => `json_each(CASE WHEN json_valid(c.${column}) THEN c.${column} ELSE '[]' END)`;
  const where = 'c.seq > ? AND c.deleted_at IS NULL';
  return `INSERT OR IGNORE INTO contact_match_keys (key, record_id)
    SELECT 'e:' || lower(trim(${email})), c.id FROM contacts c, ${list('emails')} e WHERE trim(coalesce(${email}, '')) <> '' AND ${where}
    UNION ALL SELECT 'p:' || substr(${phone}, -9), c.id FROM contacts c, ${list('phones')} p WHERE length(${phone}) >= 7 AND ${phone} NOT GLOB '*[^0-9]*' AND ${where}`;
}
