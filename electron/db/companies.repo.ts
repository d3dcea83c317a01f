// Company rows in and out of SQLite: snake_case rows <-> camelCase domain objects, keyset-paged like contacts.
// No business rules here (the service decides); never imports core or `electron`.
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Company, CompanyFields } from '../../shared/domain/contact';
import type { FieldDefinition } from '../../shared/domain/custom-fields';
import type { CustomFilter, CustomSort, CustomValues } from '../../shared/domain/custom-record';
import type { Address } from '../../shared/domain/fields';
import { dedupeTags, foldForSort } from '../../shared/domain/text';
import { readCustom } from './fields.repo';
import { customConditions, customFieldByKey, customSortedPage, type CustomQueryDef } from './fields.query.repo';
import { toFtsQuery } from './fts';
import { parseJsonColumn } from './json';
import { afterCursor, finishPage } from './keyset';
import type { CompaniesTable, DB } from './schema';

export type CompanyRow = Selectable<CompaniesTable> & { contact_count: number };
export type CompanyInsert = Omit<CompaniesTable, 'seq'>;
export type CompanySort = 'name' | 'createdAt' | 'updatedAt' | 'deletedAt';

const SORTS: Record<CompanySort, { column: keyof CompaniesTable; direction: 'asc' | 'desc' }> = {
  name: { column: 'sort_name', direction: 'asc' },
  createdAt: { column: 'created_at', direction: 'desc' },
  updatedAt: { column: 'updated_at', direction: 'desc' },
  deletedAt: { column: 'deleted_at', direction: 'desc' },
};

/** A row as the wire's Company; `custom` is its custom values (readCustom), {} when the type has no fields. */
export function toCompany(row: CompanyRow, custom: CustomValues): Company {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    phone: row.phone,
    address: parseJsonColumn<Address | null>(row.address, null),
    notes: row.notes,
    tags: parseJsonColumn(row.tags, []),
    contactCount: Number(row.contact_count),
    custom,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The fields a person gives a company (absent ones stored empty). */
export type CompanyWrite = z.output<typeof CompanyFields>;

function toCompanyColumns(fields: CompanyWrite) {
  return {
    name: fields.name,
    sort_name: foldForSort(fields.name),
    website: fields.website ?? null,
    phone: fields.phone ?? null,
    address: fields.address ? JSON.stringify(fields.address) : null,
    notes: fields.notes ?? null,
    tags: JSON.stringify(dedupeTags(fields.tags ?? [])),
  };
}

const CONTACT_COUNT = sql<number>`(SELECT count(*) FROM contacts c WHERE c.company_id = co.id AND c.deleted_at IS NULL)`;

function selectCompanies(db: Kysely<DB>) {
  return db.selectFrom('companies as co').selectAll('co').select(CONTACT_COUNT.as('contact_count'));
}

/** One company with its custom values; `definitions` when the caller has them (else they are read here). */
export async function findCompany(db: Kysely<DB>, id: string, definitions?: readonly FieldDefinition[]): Promise<Company | undefined> {
  const row = await selectCompanies(db).where('co.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const custom = definitions?.length === 0 ? undefined : (await readCustom(db, 'company', [id], definitions)).get(id);
  return toCompany(row, custom ?? {});
}

export async function insertCompany(db: Kysely<DB>, id: string, fields: CompanyWrite, now: string): Promise<void> {
  const row: CompanyInsert = { ...toCompanyColumns(fields), id, created_at: now, updated_at: now, deleted_at: null };
  await db.insertInto('companies').values(row).execute();
}

export async function updateCompany(db: Kysely<DB>, id: string, fields: CompanyWrite, now: string): Promise<void> {
  await db.updateTable('companies').set({ ...toCompanyColumns(fields), updated_at: now }).where('id', '=', id).execute();
}

/** Into Trash (`deletedAt` set) or back out of it (null). */
export async function setCompanyDeleted(db: Kysely<DB>, id: string, deletedAt: string | null, now: string): Promise<void> {
  await db.updateTable('companies').set({ deleted_at: deletedAt, updated_at: now }).where('id', '=', id).execute();
}

export interface CompanyQuery {
  query?: string | undefined;
  tag?: string | undefined;
  trashed: boolean;
  sort?: CompanySort | undefined;
  /** Conditions on custom fields (all must hold) and a sort by one; both need `fields`. */
  custom?: readonly CustomFilter[] | undefined;
  sortCustom?: CustomSort | undefined;
  /** The company type's field definitions (core/fields/definitions.ts), archived ones included. */
  fields?: readonly CustomQueryDef[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

function conditions(q: CompanyQuery): RawBuilder<SqlBool>[] | null {
  const where: RawBuilder<SqlBool>[] = [q.trashed ? sql`co.deleted_at IS NOT NULL` : sql`co.deleted_at IS NULL`];
  if (q.tag) where.push(sql`co.id IN (SELECT company_id FROM company_tags WHERE tag = ${q.tag})`);
  if (q.query !== undefined && q.query.trim() !== '') {
    const match = toFtsQuery(q.query);
    if (match === null) return null;
    where.push(sql`co.seq IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH ${match})`);
  }
  if (q.custom?.length) {
    if (!q.fields) throw new Error('Custom field filters need the company field definitions (CompanyQuery.fields)');
    where.push(...customConditions(q.fields, q.custom, 'co.id'));
  }
  return where;
}

export async function listCompanies(db: Kysely<DB>, q: CompanyQuery): Promise<{ items: CompanyRow[]; total: number; nextCursor: string | null }> {
  const where = conditions(q);
  if (where === null) return { items: [], total: 0, nextCursor: null };
  const sort: CompanySort = q.trashed ? (q.sort ?? 'deletedAt') : !q.sort || q.sort === 'deletedAt' ? 'name' : q.sort;
  const { column, direction } = SORTS[sort];
  const whereAll = sql.join(where, sql` AND `);
  const total = async () =>
    Number((await db.selectFrom('companies as co').select((eb) => eb.fn.countAll<number>().as('n')).where(sql<SqlBool>`${whereAll}`).executeTakeFirstOrThrow()).n);

  if (q.sortCustom) {
    const sorted = await customSortedPage<CompanyRow>(db, {
      def: customFieldByKey(q.fields ?? [], q.sortCustom.key, 'sortCustom.key'),
      select: sql`co.*, ${CONTACT_COUNT} AS contact_count`,
      from: sql`companies co`,
      recordRef: 'co.id',
      where,
      direction: q.sortCustom.direction,
      limit: q.limit,
      cursor: q.cursor,
    });
    return { ...sorted, total: await total() };
  }

  let page = selectCompanies(db).where(sql<SqlBool>`${whereAll}`);
  if (q.cursor) page = page.where(afterCursor(q.cursor, `co.${column}`, 'co.id', direction));
  const rows = await page
    .orderBy(sql.ref(`co.${column}`), direction)
    .orderBy('co.id', direction)
    .limit(q.limit + 1)
    .execute();
  return { ...finishPage(rows, q.limit, column), total: await total() };
}
