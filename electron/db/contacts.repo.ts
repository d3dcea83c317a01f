// Contact rows in and out of SQLite: snake_case rows <-> camelCase domain objects, keyset-paged lists.
// No business rules here (the service decides); no `electron` import.
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Contact, ContactKind, ContactSort } from '../../shared/domain/contact';
import type { FieldDefinition } from '../../shared/domain/custom-fields';
import type { CustomFilter, CustomSort, CustomValues } from '../../shared/domain/custom-record';
import { contactDisplayName, dedupeTags, foldForSort, phoneDigits } from '../../shared/domain/text';
import { OVERDUE_FROM } from './activities.repo';
import { readRows } from './connection';
import { readCustom } from './fields.repo';
import { customConditions, customFieldByKey, customLiveCount, customSortedPage, type CustomQueryDef } from './fields.query.repo';
import { toFtsQuery } from './fts';
import { parseJsonColumn } from './json';
import { afterCursor, type CursorValue, finishPage } from './keyset';
import type { ContactsTable, DB } from './schema';

export type ContactRow = Selectable<ContactsTable> & { company_name: string | null };
/** Columns the app writes; last_contacted_at and next_task_due_at are kept by triggers (migration 0002). */
export type ContactInsert = Omit<ContactsTable, 'seq' | 'last_contacted_at' | 'next_task_due_at'>;

/** The fields a person (the form) or a file (an import) gives a contact; the rest of its row derives from them. */
export type ContactWrite = Pick<
  Contact,
  'firstName' | 'lastName' | 'emails' | 'phones' | 'addresses' | 'jobTitle' | 'companyId' | 'website' | 'birthday' | 'tags' | 'notes' | 'kind' | 'leadSource' | 'emailOptIn'
>;
/** A contact row's written columns, less its id and timestamps. */
export type ContactFieldColumns = Omit<ContactInsert, 'id' | 'created_at' | 'updated_at' | 'deleted_at'>;

/**
 * The one mapping of a contact's fields to its columns, with the derived ones: display and sort names (a
 * nameless contact shows under `companyName`), the searchable email and phone text, deduplicated tags.
 * The contacts service and the importer both write through it.
 */
export function toContactColumns(fields: ContactWrite, companyName: string | null): ContactFieldColumns {
  const displayName = contactDisplayName({ ...fields, companyName });
  const byLast = [fields.lastName, fields.firstName].filter(Boolean).join(' ') || displayName;
  return {
    first_name: fields.firstName,
    last_name: fields.lastName,
    display_name: displayName,
    sort_name: foldForSort(displayName),
    sort_last: foldForSort(byLast),
    emails: JSON.stringify(fields.emails),
    phones: JSON.stringify(fields.phones),
    search_details: [...fields.emails.map((e) => e.value), ...fields.phones.flatMap((p) => [p.value, phoneDigits(p.value)])].join(' '),
    addresses: JSON.stringify(fields.addresses),
    job_title: fields.jobTitle,
    company_id: fields.companyId,
    website: fields.website,
    birthday: fields.birthday,
    tags: JSON.stringify(dedupeTags(fields.tags)),
    notes: fields.notes,
    kind: fields.kind,
    lead_source: fields.leadSource,
    email_opt_in: fields.emailOptIn ? 1 : 0,
  };
}

const SORTS: Record<ContactSort, { column: keyof ContactsTable; direction: 'asc' | 'desc' }> = {
  name: { column: 'sort_name', direction: 'asc' },
  lastName: { column: 'sort_last', direction: 'asc' },
  createdAt: { column: 'created_at', direction: 'desc' },
  updatedAt: { column: 'updated_at', direction: 'desc' },
  lastContacted: { column: 'last_contacted_at', direction: 'desc' },
  deletedAt: { column: 'deleted_at', direction: 'desc' },
};

/** A row as the wire's Contact; `custom` is its custom values (readCustom), {} when the type has no fields. */
export function toContact(row: ContactRow, custom: CustomValues): Contact {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: row.display_name,
    emails: parseJsonColumn(row.emails, []),
    phones: parseJsonColumn(row.phones, []),
    addresses: parseJsonColumn(row.addresses, []),
    jobTitle: row.job_title,
    companyId: row.company_id,
    companyName: row.company_name,
    website: row.website,
    birthday: row.birthday,
    tags: parseJsonColumn(row.tags, []),
    notes: row.notes,
    kind: row.kind as ContactKind,
    leadSource: row.lead_source,
    emailOptIn: row.email_opt_in === 1,
    lastContactedAt: row.last_contacted_at || null,
    nextTaskDueAt: row.next_task_due_at,
    custom,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function selectContacts(db: Kysely<DB>) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('companies as co', 'co.id', 'c.company_id')
    .selectAll('c')
    .select('co.name as company_name');
}

/** One contact with its custom values; `definitions` when the caller has them (else they are read here). */
export async function findContact(db: Kysely<DB>, id: string, definitions?: readonly FieldDefinition[]): Promise<Contact | undefined> {
  const row = await selectContacts(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const custom = definitions?.length === 0 ? undefined : (await readCustom(db, 'contact', [id], definitions)).get(id);
  return toContact(row, custom ?? {});
}

export async function insertContact(db: Kysely<DB>, id: string, fields: ContactWrite, companyName: string | null, now: string): Promise<void> {
  await db
    .insertInto('contacts')
    .values({ ...toContactColumns(fields, companyName), id, created_at: now, updated_at: now, deleted_at: null })
    .execute();
}

export async function updateContact(db: Kysely<DB>, id: string, fields: ContactWrite, companyName: string | null, now: string): Promise<void> {
  await db.updateTable('contacts').set({ ...toContactColumns(fields, companyName), updated_at: now }).where('id', '=', id).execute();
}

/** Into Trash (`deletedAt` set) or back out of it (null). */
export async function setContactDeleted(db: Kysely<DB>, id: string, deletedAt: string | null, now: string): Promise<void> {
  await db.updateTable('contacts').set({ deleted_at: deletedAt, updated_at: now }).where('id', '=', id).execute();
}

export interface ContactQuery {
  query?: string | undefined;
  tag?: string | undefined;
  kind?: ContactKind | undefined;
  companyId?: string | undefined;
  notContactedForDays?: number | undefined;
  hasOverdueTask?: boolean | undefined;
  city?: string | undefined;
  region?: string | undefined;
  leadSource?: string | undefined;
  lastContactedBefore?: string | undefined;
  lastContactedAfter?: string | undefined;
  hasOpenJobs?: boolean | undefined;
  revenueAboveMinor?: number | undefined;
  revenueBelowMinor?: number | undefined;
  /** The currency revenue filters compare in; the service fills in the default currency. */
  revenueCurrency?: string | undefined;
  emailOptIn?: boolean | undefined;
  /** Conditions on custom fields (all must hold); they need `fields`. */
  custom?: readonly CustomFilter[] | undefined;
  /** Sorts by a custom field instead of `sort`; needs `fields`. */
  sortCustom?: CustomSort | undefined;
  /** The contact type's field definitions (core/fields/definitions.ts), archived ones included; [] when there are none. */
  fields: readonly CustomQueryDef[];
  trashed: boolean;
  sort?: ContactSort | undefined;
  limit: number;
  cursor?: string | undefined;
  /** Rows to skip before the page (random access for a scrolled list); ignored when a cursor is given. */
  offset?: number | undefined;
  /** What "overdue" and "N days ago" are measured from (the service's clock). */
  now: Date;
}

/** The WHERE conditions shared by a page and its total; every one refers to contacts as `c`. */
function conditions(q: ContactQuery, walkSortIndex = false): RawBuilder<SqlBool>[] | null {
  const where: RawBuilder<SqlBool>[] = [q.trashed ? sql`c.deleted_at IS NOT NULL` : sql`c.deleted_at IS NULL`];
  if (q.kind) where.push(sql`c.kind = ${q.kind}`);
  if (q.companyId) where.push(sql`c.company_id = ${q.companyId}`);
  if (q.notContactedForDays) {
    // '' (never contacted) sorts before every date, so the never-contacted are drifting too.
    const cutoff = new Date(q.now.getTime() - q.notContactedForDays * 24 * 3600 * 1000).toISOString();
    where.push(sql`c.last_contacted_at < ${cutoff}`);
  }
  if (q.hasOverdueTask) {
    // next_task_due_at narrows it cheaply; the task itself decides (an all-day task is overdue after its day).
    const now = q.now.toISOString();
    where.push(sql`c.next_task_due_at <= ${now} AND EXISTS (SELECT 1 FROM tasks t WHERE t.contact_id = c.id
      AND t.completed_at IS NULL AND t.deleted_at IS NULL AND t.due_at IS NOT NULL AND ${OVERDUE_FROM} <= ${now})`);
  }
  where.push(...segmentConditions(q));
  if (q.custom?.length) {
    where.push(...customConditions(q.fields, q.custom, 'c.id', walkSortIndex));
  }
  if (q.tag) {
    // `+c.id` stops SQLite from driving the query from the tag's rows, so it walks the sort index in
    // order and stops after one page: for a common tag, ~4 ms instead of ~40 ms at 100,000 contacts.
    const id = walkSortIndex ? sql`+c.id` : sql`c.id`;
    where.push(sql`${id} IN (SELECT contact_id FROM contact_tags WHERE tag = ${q.tag})`);
  }
  if (q.query !== undefined && q.query.trim() !== '') {
    const match = toFtsQuery(q.query);
    if (match === null) return null; // only punctuation: nothing can match
    where.push(sql`c.seq IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${match})`);
  }
  return where;
}

/** True when any of the saved-segment filters is set (they all go through segmentConditions). */
function hasSegmentFilter(q: ContactQuery): boolean {
  return (
    q.city !== undefined || q.region !== undefined || q.leadSource !== undefined || q.lastContactedBefore !== undefined ||
    q.lastContactedAfter !== undefined || q.hasOpenJobs !== undefined || q.revenueAboveMinor !== undefined ||
    q.revenueBelowMinor !== undefined || q.emailOptIn !== undefined || !!q.custom?.length
  );
}

/** The saved-segment filters; none set adds nothing, so the plain list keeps its measured SQL. */
function segmentConditions(q: ContactQuery): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  if (!hasSegmentFilter(q)) return where;
  const inAddress = (field: '$.city' | '$.region', value: string) =>
    sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(c.addresses) a WHERE lower(trim(json_extract(a.value, ${field}))) = lower(${value}))`;
  if (q.city !== undefined) where.push(inAddress('$.city', q.city));
  if (q.region !== undefined) where.push(inAddress('$.region', q.region));
  if (q.leadSource !== undefined) where.push(sql`lower(c.lead_source) = lower(${q.leadSource})`);
  // Dates are whole days (YYYY-MM-DD); '' (never contacted) sorts before every day, so "before" includes them.
  if (q.lastContactedBefore !== undefined) where.push(sql`c.last_contacted_at < ${q.lastContactedBefore}`);
  if (q.lastContactedAfter !== undefined) where.push(sql`c.last_contacted_at >= ${q.lastContactedAfter}`);
  if (q.hasOpenJobs !== undefined) {
    const open = sql`EXISTS (SELECT 1 FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
      WHERE j.contact_id = c.id AND j.deleted_at IS NULL AND s.category IN ('open', 'won'))`;
    where.push(q.hasOpenJobs ? sql`${open}` : sql`NOT ${open}`);
  }
  if (q.revenueAboveMinor !== undefined || q.revenueBelowMinor !== undefined) {
    const revenue = sql`(SELECT coalesce(sum(j.amount_minor), 0) FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
      WHERE j.contact_id = c.id AND j.deleted_at IS NULL AND s.category = 'paid' AND j.currency = ${q.revenueCurrency ?? ''})`;
    if (q.revenueAboveMinor !== undefined) where.push(sql`${revenue} > ${q.revenueAboveMinor}`);
    if (q.revenueBelowMinor !== undefined) where.push(sql`${revenue} < ${q.revenueBelowMinor}`);
  }
  if (q.emailOptIn !== undefined) where.push(sql`c.email_opt_in = ${q.emailOptIn ? 1 : 0}`);
  return where;
}

/**
 * Every live contact a list filter (or a selection of ids) matches, in name order, as ONE statement: the export
 * iterates it on its own read connection, one consistent snapshot instead of pages that each count their total.
 * The WHERE is the list's own, so an export holds what the list shows. Null when nothing can match.
 */
export function exportContactsQuery(q: Omit<ContactQuery, 'limit' | 'cursor' | 'sort' | 'trashed'>, ids: readonly string[] | undefined): RawBuilder<ContactRow> | null {
  const where = conditions({ ...q, trashed: false, limit: 1 });
  if (where === null) return null;
  if (ids) where.push(sql`c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return sql<ContactRow>`SELECT c.*, co.name AS company_name FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
    WHERE ${sql.join(where, sql` AND `)} ORDER BY c.sort_name, c.id`;
}

/** How many contacts a filter matches (a saved segment's live count). */
export async function countContacts(db: Kysely<DB>, q: Omit<ContactQuery, 'limit' | 'cursor' | 'sort'>): Promise<number> {
  const where = conditions({ ...q, limit: 1 });
  if (where === null) return 0;
  return count(db, countQuery({ ...q, limit: 1 }, sql.join(where, sql` AND `)));
}

export function effectiveSort(q: Pick<ContactQuery, 'sort' | 'trashed'>): ContactSort {
  if (q.trashed) return q.sort ?? 'deletedAt';
  return !q.sort || q.sort === 'deletedAt' ? 'name' : q.sort;
}

/**
 * The query for the number of rows a list has. Counting the live rows of an index costs milliseconds at
 * 100,000 rows, on every page; the common cases have exact shortcuts: everything (all rows minus Trash,
 * both fast counts) and one tag (contact_tags holds live contacts only).
 */
function countQuery(q: ContactQuery, whereAll: RawBuilder<SqlBool>): RawBuilder<number> {
  const filtered = !!(q.kind || q.companyId || q.notContactedForDays || q.hasOverdueTask || (q.query && q.query.trim() !== '')) || hasSegmentFilter(q);
  if (!q.trashed && !filtered && !q.tag) return sql<number>`SELECT (SELECT count(*) FROM contacts) - (SELECT count(*) FROM contacts WHERE deleted_at IS NOT NULL)`;
  if (!q.trashed && !filtered && q.tag) return sql<number>`SELECT count(*) FROM contact_tags WHERE tag = ${q.tag}`;
  const custom = customOnlyCount(q);
  if (custom) return custom;
  return sql<number>`SELECT count(*) FROM contacts c WHERE ${whereAll}`;
}

/** Live contacts meeting one custom condition and nothing else: counted on the value indexes (customLiveCount). */
function customOnlyCount(q: ContactQuery): RawBuilder<number> | null {
  if (q.trashed || q.tag || q.custom?.length !== 1 || hasSegmentFilter({ ...q, custom: undefined })) return null;
  if (q.kind || q.companyId || q.notContactedForDays || q.hasOverdueTask || (q.query && q.query.trim() !== '')) return null;
  const filter = q.custom[0]!;
  return customLiveCount(customFieldByKey(q.fields, filter.key), filter, { ref: 'c.id', from: sql`contacts c`, inTrash: sql<SqlBool>`c.deleted_at IS NOT NULL` });
}

async function count(db: Kysely<DB>, query: RawBuilder<number>): Promise<number> {
  const rows = await readRows(db, sql<{ n: number }>`SELECT (${query}) AS n`);
  return Number(rows[0]?.n ?? 0);
}

/** Above this many tagged contacts, walking the sort index beats fetching every tagged row and sorting. */
const WALK_SORT_INDEX_FROM = 1000;

export async function listContacts(db: Kysely<DB>, q: ContactQuery): Promise<{ items: ContactRow[]; total: number; nextCursor: string | null }> {
  const where = conditions(q);
  if (where === null) return { items: [], total: 0, nextCursor: null };
  if (q.sortCustom) return listByCustomField(db, q, q.sortCustom, where);
  const { column, direction } = SORTS[effectiveSort(q)];
  const totalQuery = countQuery(q, sql.join(where, sql` AND `));

  // With a tag or a custom-field condition, the count comes first: it decides the plan (a number range many
  // contacts are in is read by walking the sort index, ~1 ms; one value a few have, from its own index). Otherwise
  // the count rides along in the page's statement as a one-off scalar subquery, saving a round trip on every page.
  const firstTotal = q.tag || q.custom?.length ? await count(db, totalQuery) : null;
  const pageWhere = firstTotal !== null && firstTotal >= WALK_SORT_INDEX_FROM ? (conditions(q, true) ?? where) : [...where];
  if (q.cursor) pageWhere.push(afterCursor(q.cursor, `c.${column}`, 'c.id', direction));
  else if (q.offset) {
    // Seek, then page: the row at the offset is found on the sort index alone (the partial live-row index
    // covers the plain list), then the page is read from it by key, so row 90,000 costs a few ms, not a scan.
    const at = await readRows(
      db,
      sql<{ v: CursorValue; id: string }>`SELECT ${sql.ref(`c.${column}`)} AS v, c.id FROM contacts c WHERE ${sql.join(pageWhere, sql` AND `)}
      ORDER BY ${sql.ref(`c.${column}`)} ${sql.raw(direction)}, c.id ${sql.raw(direction)} LIMIT 1 OFFSET ${q.offset}`,
    );
    const first = at[0];
    if (!first) return { items: [], total: firstTotal ?? (await count(db, totalQuery)), nextCursor: null };
    const op = sql.raw(direction === 'asc' ? '>=' : '<=');
    pageWhere.push(sql<SqlBool>`(${sql.ref(`c.${column}`)}, c.id) ${op} (${first.v}, ${first.id})`);
  }

  // A template, not the query builder: it compiles in ~0.01 ms instead of ~0.08 ms, a fifth of this
  // call's own cost at 100,000 contacts (measured with npm run bench). The columns are selectContacts'.
  const order = sql.raw(direction);
  const rows = await readRows(
    db,
    sql<ContactRow & { total: number }>`
    SELECT c.*, co.name AS company_name, ${firstTotal === null ? sql`(${totalQuery})` : sql`NULL`} AS total
    FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
    WHERE ${sql.join(pageWhere, sql` AND `)}
    ORDER BY ${sql.ref(`c.${column}`)} ${order}, c.id ${order} LIMIT ${q.limit + 1}`,
  );

  // An empty page after a cursor or an offset still has a total; an empty first page has none to count.
  const total = firstTotal ?? (rows[0] ? Number(rows[0].total) : q.cursor || q.offset ? await count(db, totalQuery) : 0);
  return { ...finishPage(rows, q.limit, column), total };
}

/**
 * A page sorted by a custom field (records without a value last), keyset-paged by customSortedPage; Trash and every
 * filter apply as in the plain list. The company's name is a correlated read: the page is read from custom_values.
 */
async function listByCustomField(db: Kysely<DB>, q: ContactQuery, sort: CustomSort, where: RawBuilder<SqlBool>[]) {
  const def = customFieldByKey(q.fields, sort.key, 'sortCustom.key');
  const page = await customSortedPage<ContactRow>(db, {
    def,
    select: sql`c.*, (SELECT name FROM companies WHERE id = c.company_id) AS company_name`,
    from: sql`contacts c`,
    recordRef: 'c.id',
    where,
    direction: sort.direction,
    limit: q.limit,
    cursor: q.cursor,
    offset: q.offset,
  });
  return { ...page, total: await count(db, countQuery(q, sql.join(where, sql` AND `))) };
}

/** Contacts with no personal name are shown under their company's name; renaming it renames them. */
export async function renameNamelessContacts(db: Kysely<DB>, companyId: string, companyName: string, now: string): Promise<string[]> {
  const sortName = foldForSort(companyName);
  const rows = await db
    .updateTable('contacts')
    .set({ display_name: companyName, sort_name: sortName, sort_last: sortName, updated_at: now })
    .where('company_id', '=', companyId)
    .where('first_name', 'is', null)
    .where('last_name', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
