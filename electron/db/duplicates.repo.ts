// The duplicate finder's reads and writes: live records for a scan (one statement on a read snapshot), the
// scan's pairs (replaced per kind in one transaction), "not a duplicate" decisions, the groups' members, and the
// check's indexed look-ups (contact_match_keys, migration 0021). Rows leave camelCase. Imports no core.
import { sql, type Kysely } from 'kysely';
import type { DuplicateKind, DuplicateReason } from '../../shared/domain/duplicates';
import type { Sqlite } from './connection';
import { parseJsonColumn } from './json';
import type { DB } from './schema';

/** An email or phone entry as stored. */
export interface Valued {
  value: string;
  label?: string | null;
}
/** The parts of an address the finder compares. */
export interface Place {
  street?: string | null;
  postcode?: string | null;
}

export interface ScanContact {
  id: string;
  firstName: string | null;
  lastName: string | null;
  emails: Valued[];
  phones: Valued[];
  addresses: Place[];
  companyId: string | null;
  companyName: string | null;
  website: string | null;
  birthday: string | null;
}

export interface ScanCompany {
  id: string;
  name: string;
  website: string | null;
  phone: string | null;
  address: Place | null;
}

interface ContactScanRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  emails: string;
  phones: string;
  addresses: string;
  company_id: string | null;
  company_name: string | null;
  website: string | null;
  birthday: string | null;
}

/** ContactScanRow's columns in CONTACT_COLUMNS order. */
type RawContactRow = [string, string | null, string | null, string, string, string, string | null, string | null, string | null, string | null];

const CONTACT_COLUMNS = `c.id, c.first_name, c.last_name, c.emails, c.phones, c.addresses, c.company_id, co.name AS company_name, c.website, c.birthday`;
const CONTACT_FROM = `contacts c LEFT JOIN companies co ON co.id = c.company_id`;

/** Most contacts have no address (and many no phone): '[]' is not worth a JSON.parse each. */
const list = <T>(text: string): T[] => (text === '[]' ? [] : parseJsonColumn<T[]>(text, []));

function toScanContact(r: ContactScanRow): ScanContact {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    emails: list(r.emails),
    phones: list(r.phones),
    addresses: list(r.addresses),
    companyId: r.company_id,
    companyName: r.company_name,
    website: r.website,
    birthday: r.birthday,
  };
}

function toScanCompany(r: { id: string; name: string; website: string | null; phone: string | null; address: string | null }): ScanCompany {
  const address = parseJsonColumn<Place | string | null>(r.address, null);
  return { id: r.id, name: r.name, website: r.website, phone: r.phone, address: address && typeof address === 'object' ? address : null };
}

/** Every live record of the kind, read on a snapshot by iterating one statement; `total` counted on the same snapshot. */
export function scanRecords(snapshot: Sqlite, kind: DuplicateKind): { total: number; rows(): Generator<ScanContact | ScanCompany> } {
  if (kind === 'company') {
    return {
      total: snapshot.prepare<[], number>(`SELECT count(*) FROM companies WHERE deleted_at IS NULL`).pluck().get() ?? 0,
      *rows() {
        const statement = snapshot.prepare(`SELECT id, name, website, phone, address FROM companies WHERE deleted_at IS NULL`);
        for (const row of statement.iterate() as IterableIterator<Parameters<typeof toScanCompany>[0]>) yield toScanCompany(row);
      },
    };
  }
  return {
    total: snapshot.prepare<[], number>(`SELECT count(*) FROM contacts WHERE deleted_at IS NULL`).pluck().get() ?? 0,
    *rows() {
      // Rows as arrays (.raw): no object with ten named properties per row, a tenth less garbage at 100,000.
      const statement = snapshot.prepare(`SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.deleted_at IS NULL`).raw(true);
      for (const r of statement.iterate() as IterableIterator<RawContactRow>) {
        yield { id: r[0], firstName: r[1], lastName: r[2], emails: list(r[3]), phones: list(r[4]), addresses: list(r[5]), companyId: r[6], companyName: r[7], website: r[8], birthday: r[9] };
      }
    },
  };
}

export interface StoredPair {
  a: string;
  b: string;
  score: number;
  reasons: DuplicateReason[];
}

/** Pairs per INSERT statement (a JSON array each). */
const INSERT_ROWS = 500;

/** The kind's pairs become `pairs` (a < b), in one transaction: a list never shows half a scan. */
/**
 * Replaces the kind's pairs in one transaction (a list never sees half a scan). Each chunk is one statement over a
 * JSON array (no 3,000-parameter insert to compile); `pause` may give the event loop a turn between chunks, so 7,000
 * pairs at 100k contacts do not hold it for the ~120 ms the whole write takes (other calls wait for the commit).
 */
export async function replacePairs(db: Kysely<DB>, kind: DuplicateKind, pairs: readonly StoredPair[], scannedAt: string, pause: () => Promise<void> | undefined = () => undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('duplicate_pairs').where('kind', '=', kind).execute();
    for (let i = 0; i < pairs.length; i += INSERT_ROWS) {
      const json = JSON.stringify(pairs.slice(i, i + INSERT_ROWS).map((p) => [p.a, p.b, p.score, JSON.stringify(p.reasons)]));
      await sql`INSERT INTO duplicate_pairs (kind, a_id, b_id, score, reasons, scanned_at)
        SELECT ${kind}, value ->> 0, value ->> 1, value ->> 2, value ->> 3, ${scannedAt} FROM json_each(${json}) WHERE true
        ON CONFLICT DO NOTHING`.execute(trx);
      await pause();
    }
  });
}

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/** "Not a duplicate" pairs of the kind, as `a\0b` (a < b). */
export async function dismissedPairs(db: Kysely<DB>, kind: DuplicateKind): Promise<Set<string>> {
  const rows = await db.selectFrom('duplicate_dismissals').select(['a_id', 'b_id']).where('kind', '=', kind).execute();
  return new Set(rows.map((r) => pairKey(r.a_id, r.b_id)));
}

/** Remembers every pair among `ids` as not a duplicate and drops them from the stored pairs; returns the new ones. */
export async function dismissPairs(db: Kysely<DB>, kind: DuplicateKind, ids: readonly string[], at: string): Promise<number> {
  const sorted = [...new Set(ids)].sort();
  const pairs: { a: string; b: string }[] = [];
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.push({ a: sorted[i]!, b: sorted[j]! });
  if (pairs.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('duplicate_dismissals')
      .values(pairs.map((p) => ({ kind, a_id: p.a, b_id: p.b, created_at: at })))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    for (const p of pairs) await trx.deleteFrom('duplicate_pairs').where('kind', '=', kind).where('a_id', '=', p.a).where('b_id', '=', p.b).execute();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0);
  });
}

/**
 * Stored pairs at or above `threshold` whose two records are both live (not in Trash, not merged away: a merged-away
 * record is no longer a live row) and not dismissed since, best first.
 */
export async function livePairs(db: Kysely<DB>, kind: DuplicateKind, threshold: number): Promise<StoredPair[]> {
  const table = sql.raw(kind === 'company' ? 'companies' : 'contacts');
  const { rows } = await sql<{ a_id: string; b_id: string; score: number; reasons: string }>`
    SELECT p.a_id, p.b_id, p.score, p.reasons FROM duplicate_pairs p
      JOIN ${table} ra ON ra.id = p.a_id AND ra.deleted_at IS NULL
      JOIN ${table} rb ON rb.id = p.b_id AND rb.deleted_at IS NULL
      WHERE p.kind = ${kind} AND p.score >= ${threshold}
        AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.kind = p.kind AND d.a_id = p.a_id AND d.b_id = p.b_id)
      ORDER BY p.score DESC, p.a_id, p.b_id`.execute(db);
  return rows.map((r) => ({ a: r.a_id, b: r.b_id, score: r.score, reasons: parseJsonColumn<DuplicateReason[]>(r.reasons, []) }));
}

/** Name and one line that tells records apart (an email, else a phone, else the company or website). */
export async function memberLines(db: Kysely<DB>, kind: DuplicateKind, ids: readonly string[]): Promise<Map<string, { displayName: string; detail: string | null }>> {
  const out = new Map<string, { displayName: string; detail: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (kind === 'company') {
      const rows = await db.selectFrom('companies').select(['id', 'name', 'website', 'phone']).where('id', 'in', chunk).execute();
      for (const r of rows) out.set(r.id, { displayName: r.name, detail: r.website || r.phone || null });
    } else {
      const rows = await db
        .selectFrom('contacts as c')
        .leftJoin('companies as co', 'co.id', 'c.company_id')
        .select(['c.id', 'c.display_name', 'c.emails', 'c.phones', 'co.name as company_name'])
        .where('c.id', 'in', chunk)
        .execute();
      for (const r of rows) {
        const email = parseJsonColumn<Valued[]>(r.emails, [])[0]?.value;
        const phone = parseJsonColumn<Valued[]>(r.phones, [])[0]?.value;
        out.set(r.id, { displayName: r.display_name, detail: email || phone || r.company_name || null });
      }
    }
  }
  return out;
}

/** Live contacts holding any of `keys` (contact_match_keys: "e:ann@x.com", "p:770900123"), at most `limit`. */
export async function contactsByKeys(db: Kysely<DB>, keys: readonly string[], limit: number): Promise<string[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<{ id: string }>`SELECT DISTINCT record_id AS id FROM contact_match_keys WHERE key IN (${sql.join(keys)}) LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** How many live contacts hold each key (a switchboard's count tells it from a person's line). */
export async function keyCounts(db: Kysely<DB>, keys: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (keys.length === 0) return out;
  const { rows } = await sql<{ key: string; n: number }>`SELECT key, count(*) AS n FROM contact_match_keys WHERE key IN (${sql.join(keys)}) GROUP BY key`.execute(db);
  for (const r of rows) out.set(r.key, Number(r.n));
  return out;
}

/** Live contacts whose sort_last is this folded family name ("smith", "smith john": the index's range), or of this company; at most `limit` each. */
export async function contactsByNameOrCompany(db: Kysely<DB>, family: string | null, companyId: string | null, limit: number): Promise<string[]> {
  const ids: string[] = [];
  if (family) {
    const { rows } = await sql<{ id: string }>`SELECT id FROM contacts WHERE deleted_at IS NULL AND sort_last >= ${family} AND sort_last < ${`${family}!`} LIMIT ${limit}`.execute(db);
    ids.push(...rows.map((r) => r.id));
  }
  if (companyId) {
    const { rows } = await sql<{ id: string }>`SELECT id FROM contacts WHERE company_id = ${companyId} AND deleted_at IS NULL LIMIT ${limit}`.execute(db);
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** These contacts (live ones only) as a scan reads them. */
export async function liveContacts(db: Kysely<DB>, ids: readonly string[]): Promise<ScanContact[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<ContactScanRow>`SELECT ${sql.raw(CONTACT_COLUMNS)} FROM ${sql.raw(CONTACT_FROM)} WHERE c.deleted_at IS NULL AND c.id IN (${sql.join(ids)})`.execute(db);
  return rows.map(toScanContact);
}

/** Live companies whose folded name starts like `prefix`, or with this website or phone text in them; at most `limit`. */
export async function companyCandidates(db: Kysely<DB>, prefix: string | null, domain: string | null, phoneTail: string | null, limit: number): Promise<ScanCompany[]> {
  const conditions = [];
  if (prefix) conditions.push(sql`(sort_name >= ${prefix} AND sort_name < ${`${prefix}\uffff`})`);
  if (domain) conditions.push(sql`website LIKE ${`%${domain.replace(/[%_\\]/g, '')}%`}`);
  if (phoneTail) conditions.push(sql`replace(replace(replace(replace(coalesce(phone, ''), ' ', ''), '-', ''), '(', ''), ')', '') LIKE ${`%${phoneTail}`}`);
  if (conditions.length === 0) return [];
  const { rows } = await sql<Parameters<typeof toScanCompany>[0]>`
    SELECT id, name, website, phone, address FROM companies WHERE deleted_at IS NULL AND (${sql.join(conditions, sql` OR `)}) LIMIT ${limit}`.execute(db);
  return rows.map(toScanCompany);
}
