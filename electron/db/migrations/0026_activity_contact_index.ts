// Merging contacts (issue #20 item 7): moving 10,000 activities from one contact to another rewrote three indexes that
// each begin with contact_id (0002's timeline index, 0009's touch index, 0019's foreign-key index), and that rewrite
// was most of the merge's time. One index over every activity, with the columns the other two covered, serves all
// three: a contact's timeline (live rows, newest first: deleted_at is read from the index), the touch counts and the
// dashboard's "active in a range" seek (type, outcome and deleted_at covered), and the lookups of a deletion for good
// (rows in Trash too). A merge then rewrites one index entry per activity instead of three. Plain SQL; no `electron`.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE INDEX activities_contact ON activities(contact_id, occurred_at, id, type, outcome, deleted_at)`,
  `DROP INDEX activities_contact_time`,
  `DROP INDEX activities_contact_touch`,
  `DROP INDEX activities_contact_all`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
