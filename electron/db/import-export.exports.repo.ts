// The exports' reads (split from import-export.repo.ts): contacts from a read snapshot, the column groups a CSV
// layout needs, and companies, jobs and activities a page at a time by seq. Rows leave camelCase. Imports no core.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Contact } from '../../shared/domain/contact';
import type { Sqlite } from './connection';
import { toContact, type ContactRow } from './contacts.repo';
import { parseJsonColumn } from './json';
import type { DB } from './schema';

/** The most emails, phones and addresses any live contact has: how many column groups an export needs. */
export async function contactListSizes(db: Kysely<DB>): Promise<{ emails: number; phones: number; addresses: number }> {
  const { rows } = await sql<{ e: number | null; p: number | null; a: number | null }>`
    SELECT max(json_array_length(emails)) AS e, max(json_array_length(phones)) AS p, max(json_array_length(addresses)) AS a
    FROM contacts WHERE deleted_at IS NULL`.execute(db);
  const r = rows[0];
  return { emails: r?.e ?? 0, phones: r?.p ?? 0, addresses: r?.a ?? 0 };
}

/**
 * The contacts a list query gives, read on a read snapshot (store.readSnapshot()) by iterating ONE statement:
 * `total` is counted on the same snapshot, so a progress bar ends exactly at the end, and each row is garbage as
 * soon as it is handed on. `db` only compiles the query.
 */
export function snapshotContacts(snapshot: Sqlite, db: Kysely<DB>, query: RawBuilder<ContactRow>): { total: number; contacts(): Generator<Contact> } {
  const { sql: text, parameters } = query.compile(db);
  const total = snapshot.prepare<unknown[], number>(`SELECT count(*) FROM (${text})`).pluck().get(...parameters)!;
  return {
    total,
    *contacts() {
      for (const row of snapshot.prepare(text).iterate(...parameters) as IterableIterator<ContactRow>) yield toContact(row, {});
    },
  };
}

export type ExportTableName = 'companies' | 'jobs' | 'activities';

const COUNTS: Record<ExportTableName, RawBuilder<{ n: number }>> = {
  companies: sql`SELECT count(*) AS n FROM companies WHERE deleted_at IS NULL`,
  jobs: sql`SELECT count(*) AS n FROM jobs WHERE deleted_at IS NULL`,
  activities: sql`SELECT count(*) AS n FROM activities WHERE deleted_at IS NULL`,
};

/** Live rows of the table: what its export will write. */
export async function countLive(db: Kysely<DB>, table: ExportTableName): Promise<number> {
  const { rows } = await COUNTS[table].execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Live companies after `afterSeq`, in seq order. */
export async function companiesToExport(db: Kysely<DB>, afterSeq: number, limit: number) {
  const { rows } = await sql<{ seq: number; id: string; name: string; website: string | null; phone: string | null; address: string | null; tags: string; notes: string | null; created_at: string }>`
    SELECT seq, id, name, website, phone, address, tags, notes, created_at FROM companies
      WHERE deleted_at IS NULL AND seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    name: r.name,
    website: r.website,
    phone: r.phone,
    address: parseJsonColumn<Record<string, string> | null>(r.address, null) ?? {},
    tags: parseJsonColumn<string[]>(r.tags, []),
    notes: r.notes,
    createdAt: r.created_at,
  }));
}

/** Live jobs after `afterSeq`, in seq order, with their client, company and stage by name. */
export async function jobsToExport(db: Kysely<DB>, afterSeq: number, limit: number) {
  const { rows } = await sql<{
    seq: number; id: string; title: string; client: string | null; company: string | null; stage: string | null; amount_minor: number | null; currency: string;
    due_date: string | null; probability: number | null; notes: string | null; lost_reason: string | null; created_at: string;
  }>`SELECT j.seq, j.id, j.title, c.display_name AS client, co.name AS company, s.name AS stage, j.amount_minor, j.currency,
        j.due_date, j.probability, j.notes, j.lost_reason, j.created_at
      FROM jobs j LEFT JOIN contacts c ON c.id = j.contact_id LEFT JOIN companies co ON co.id = j.company_id LEFT JOIN pipeline_stages s ON s.id = j.stage_id
      WHERE j.deleted_at IS NULL AND j.seq > ${afterSeq} ORDER BY j.seq LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({
    seq: r.seq, id: r.id, title: r.title, client: r.client, company: r.company, stage: r.stage, amountMinor: r.amount_minor, currency: r.currency,
    dueDate: r.due_date, probability: r.probability, notes: r.notes, lostReason: r.lost_reason, createdAt: r.created_at,
  }));
}

/** Live activities after `afterSeq`, in seq order, with their contact and company by name. */
export async function activitiesToExport(db: Kysely<DB>, afterSeq: number, limit: number) {
  const { rows } = await sql<{
    seq: number; occurred_at: string; type: string; direction: string | null; contact: string | null; company: string | null;
    subject: string | null; notes: string | null; outcome: string | null; duration_seconds: number | null;
  }>`SELECT a.seq, a.occurred_at, a.type, a.direction, c.display_name AS contact, co.name AS company, a.subject, a.notes, a.outcome, a.duration_seconds
      FROM activities a LEFT JOIN contacts c ON c.id = a.contact_id LEFT JOIN companies co ON co.id = a.company_id
      WHERE a.deleted_at IS NULL AND a.seq > ${afterSeq} ORDER BY a.seq LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({
    seq: r.seq, occurredAt: r.occurred_at, type: r.type, direction: r.direction, contact: r.contact, company: r.company,
    subject: r.subject, notes: r.notes, outcome: r.outcome, durationSeconds: r.duration_seconds,
  }));
}
