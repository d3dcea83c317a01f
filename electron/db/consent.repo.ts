// SQL of consent (issue #21, migration 0022): purposes, the append-only ledger (consent_events) and the state derived
// from it, unsubscribe tokens. The newsletter purpose's state is mirrored into contacts.email_opt_in, in the same
// transaction as the event, because lists, filters, exports and the contact form read that column. No `electron` import.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ConsentEvent, ConsentSource, ConsentState, LawfulBasis, Purpose } from '../../shared/domain/consent';
import { NEWSLETTER_PURPOSE_KEY } from '../../shared/domain/consent';
import type { Sqlite } from './connection';
import type { DB, Row } from './schema';

type PurposeRow = Row<'consent_purposes'>;
type EventRow = Row<'consent_events'>;

export function toPurpose(r: PurposeRow): Purpose {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    channel: r.channel,
    description: r.description,
    defaultBasis: r.default_basis as LawfulBasis,
    archived: r.archived === 1,
    position: r.position,
  };
}

function toEvent(r: EventRow): ConsentEvent {
  return {
    id: r.id,
    contactId: r.contact_id,
    purposeId: r.purpose_id,
    action: r.action,
    basis: r.basis as LawfulBasis,
    source: r.source as ConsentSource,
    wording: r.wording,
    evidence: r.evidence,
    capturedAt: r.captured_at,
    recordedAt: r.recorded_at,
  };
}

/** Every purpose, archived ones too, in the settings page's order. */
export async function contactExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function listPurposes(db: Kysely<DB>): Promise<Purpose[]> {
  return (await db.selectFrom('consent_purposes').selectAll().orderBy('archived').orderBy('position').orderBy('seq').execute()).map(toPurpose);
}

export async function findPurpose(db: Kysely<DB>, id: string): Promise<Purpose | undefined> {
  const row = await db.selectFrom('consent_purposes').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPurpose(row);
}

export async function newsletterPurpose(db: Kysely<DB>): Promise<Purpose> {
  const row = await db.selectFrom('consent_purposes').selectAll().where('key', '=', NEWSLETTER_PURPOSE_KEY).executeTakeFirst();
  if (!row) throw new Error('The newsletter purpose is missing (migration 0022 not applied)');
  return toPurpose(row);
}

export interface PurposeWrite {
  id: string;
  name: string;
  channel: Purpose['channel'];
  description: string | null;
  defaultBasis: LawfulBasis;
  position: number;
}

/**
 * The settings page's whole list: `existing` are rewritten in place (and un-archived), `created` inserted with a key
 * made from their name, every other purpose archived (never deleted: its events stay and keep naming it).
 */
export async function replacePurposes(trx: Kysely<DB>, existing: readonly PurposeWrite[], created: readonly PurposeWrite[], now: string): Promise<void> {
  for (const p of existing) {
    await trx
      .updateTable('consent_purposes')
      .set({ name: p.name, channel: p.channel, description: p.description, default_basis: p.defaultBasis, position: p.position, archived: 0 })
      .where('id', '=', p.id)
      .execute();
  }
  const kept = [...existing.map((p) => p.id), ...created.map((p) => p.id)];
  await trx.updateTable('consent_purposes').set({ archived: 1 }).where('id', 'not in', kept).execute();
  const keys = new Set((await trx.selectFrom('consent_purposes').select('key').execute()).map((r) => r.key));
  for (const p of created) {
    const base = p.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'purpose';
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
    keys.add(key);
    await trx
      .insertInto('consent_purposes')
      .values({ id: p.id, key, name: p.name, channel: p.channel, description: p.description, default_basis: p.defaultBasis, position: p.position, created_at: now })
      .execute();
  }
}

export interface EventWrite {
  id: string;
  contactId: string;
  purposeId: string;
  action: ConsentEvent['action'];
  basis: LawfulBasis;
  source: ConsentSource;
  wording: string | null;
  evidence: string | null;
  capturedAt: string;
  recordedAt: string;
}

/** The latest event (by when it was said, then by when it was written) per purpose, as a correlated subquery. */
const latestAction = (contact: ReturnType<typeof sql.ref>, purpose: ReturnType<typeof sql.ref>) =>
  sql<string | null>`(SELECT e.action FROM consent_events e WHERE e.contact_id = ${contact} AND e.purpose_id = ${purpose} ORDER BY e.captured_at DESC, e.seq DESC LIMIT 1)`;

/**
 * Appends one event. On the newsletter purpose it also sets contacts.email_opt_in to the derived state (a backdated
 * event may not be the latest); returns whether that mirror changed. Call inside the caller's transaction.
 */
export async function appendEvent(trx: Kysely<DB>, e: EventWrite): Promise<{ mirrorChanged: boolean }> {
  await trx
    .insertInto('consent_events')
    .values({
      id: e.id, contact_id: e.contactId, purpose_id: e.purposeId, action: e.action, basis: e.basis, source: e.source,
      wording: e.wording, evidence: e.evidence, captured_at: e.capturedAt, recorded_at: e.recordedAt,
    })
    .execute();
  const result = await sql`UPDATE contacts SET email_opt_in = (${latestAction(sql.ref('contacts.id'), sql.ref('p.id'))} = 'given'), updated_at = ${e.recordedAt}
    FROM consent_purposes p WHERE p.id = ${e.purposeId} AND p.key = ${NEWSLETTER_PURPOSE_KEY} AND contacts.id = ${e.contactId}
      AND contacts.email_opt_in IS NOT (${latestAction(sql.ref('contacts.id'), sql.ref('p.id'))} = 'given')`.execute(trx);
  return { mirrorChanged: Number(result.numAffectedRows ?? 0) > 0 };
}

/** A person's ledger, newest first (by when it was said, then written). */
export async function contactEvents(db: Kysely<DB>, contactId: string): Promise<ConsentEvent[]> {
  const rows = await db.selectFrom('consent_events').selectAll().where('contact_id', '=', contactId).orderBy('captured_at', 'desc').orderBy('seq', 'desc').execute();
  return rows.map(toEvent);
}

/** States of a ledger (newest first, as contactEvents answers) for these purposes: the first event met per purpose. */
export function statesFrom(events: readonly ConsentEvent[], purposeIds: readonly string[]): ConsentState[] {
  return purposeIds.map((purposeId) => {
    const latest = events.find((e) => e.purposeId === purposeId);
    return latest
      ? { purposeId, status: latest.action, basis: latest.basis, since: latest.capturedAt, source: latest.source }
      : { purposeId, status: 'none', basis: null, since: null, source: null };
  });
}

/** For a campaign: the latest event of each of these contacts on one purpose (absent: none). */
export async function latestEvents(db: Kysely<DB>, contactIds: readonly string[], purposeId: string): Promise<Map<string, { action: ConsentEvent['action']; capturedAt: string }>> {
  if (contactIds.length === 0) return new Map();
  const rows = await sql<{ contact_id: string; action: ConsentEvent['action']; captured_at: string }>`
    SELECT contact_id, action, captured_at FROM (
      SELECT e.contact_id, e.action, e.captured_at, row_number() OVER (PARTITION BY e.contact_id ORDER BY e.captured_at DESC, e.seq DESC) AS n
      FROM consent_events e WHERE e.purpose_id = ${purposeId} AND e.contact_id IN (SELECT value FROM json_each(${JSON.stringify(contactIds)}))
    ) WHERE n = 1`.execute(db);
  return new Map(rows.rows.map((r) => [r.contact_id, { action: r.action, capturedAt: r.captured_at }]));
}

/** The unsubscribe token of a person and purpose, made (random, 128 bits, hex) the first time it is asked for. */
export async function tokenFor(trx: Kysely<DB>, contactId: string, purposeId: string, now: string): Promise<string> {
  await trx
    .insertInto('consent_tokens')
    .values({ token: randomBytes(16).toString('hex'), contact_id: contactId, purpose_id: purposeId, created_at: now })
    .onConflict((oc) => oc.columns(['contact_id', 'purpose_id']).doNothing())
    .execute();
  const row = await trx.selectFrom('consent_tokens').select('token').where('contact_id', '=', contactId).where('purpose_id', '=', purposeId).executeTakeFirstOrThrow();
  return row.token;
}

/** The tokens that are real, each with its person: a record merged away since stands for the one it was merged into. */
export async function findTokens(db: Kysely<DB>, tokens: readonly string[]): Promise<{ token: string; contactId: string; purposeId: string }[]> {
  if (tokens.length === 0) return [];
  const rows = await sql<{ token: string; contact_id: string; purpose_id: string }>`
    SELECT t.token, coalesce((SELECT a.target_id FROM record_aliases a WHERE a.alias_id = t.contact_id AND a.kind = 'contact'), t.contact_id) AS contact_id, t.purpose_id
    FROM consent_tokens t WHERE t.token IN (SELECT value FROM json_each(${JSON.stringify(tokens)}))`.execute(db);
  return rows.rows.map((r) => ({ token: r.token, contactId: r.contact_id, purposeId: r.purpose_id }));
}

/**
 * Mirror → ledger: for each [contactId, newEventId], when contacts.email_opt_in no longer says what the newsletter
 * ledger says (1 but not 'given'; 0 but 'given'), appends the event that makes them agree. One statement for any
 * number of contacts: the form, a bulk edit, a merge and each step of an import call it after writing the column.
 * Parameters, in order: source, evidence, captured at, recorded at, the JSON pairs.
 */
const SYNC_MIRROR = `INSERT INTO consent_events (id, contact_id, purpose_id, action, basis, source, wording, evidence, captured_at, recorded_at)
  SELECT j.value ->> 1, c.id, p.id, CASE c.email_opt_in WHEN 1 THEN 'given' ELSE 'withdrawn' END, p.default_basis, ?, NULL, ?, ?, ?
  FROM json_each(?) j JOIN contacts c ON c.id = j.value ->> 0 JOIN consent_purposes p ON p.key = '${NEWSLETTER_PURPOSE_KEY}'
  WHERE (CASE c.email_opt_in WHEN 1 THEN 'given' ELSE 'withdrawn' END) IS NOT coalesce(
    (SELECT e.action FROM consent_events e WHERE e.contact_id = c.id AND e.purpose_id = p.id ORDER BY e.captured_at DESC, e.seq DESC LIMIT 1), 'withdrawn')`;

export interface MirrorSync {
  source: Extract<ConsentSource, 'form' | 'import' | 'bulkEdit'>;
  evidence: string | null;
  at: string;
  /** The contacts whose email_opt_in may have changed, each with an id for the event it may need. */
  contacts: readonly { contactId: string; eventId: string }[];
}

const syncParams = (s: MirrorSync) => [s.source, s.evidence, s.at, s.at, JSON.stringify(s.contacts.map((c) => [c.contactId, c.eventId]))] as const;

/** SYNC_MIRROR through Kysely (the services' transactions); returns the contacts it recorded an event for. */
export async function recordMirror(trx: Kysely<DB>, s: MirrorSync): Promise<number> {
  if (s.contacts.length === 0) return 0;
  const params = syncParams(s);
  // Kysely makes its own placeholders: the shared text, cut at each "?", becomes a template with the values in order.
  const parts = SYNC_MIRROR.split('?');
  const result = await sql(Object.assign([...parts], { raw: parts }) as unknown as TemplateStringsArray, ...params).execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** SYNC_MIRROR prepared on a raw connection (an import's own): one run per import step. */
export function prepareMirrorSync(sqlite: Sqlite): (s: MirrorSync) => number {
  const statement = sqlite.prepare(SYNC_MIRROR);
  return (s) => (s.contacts.length === 0 ? 0 : statement.run(...syncParams(s)).changes);
}
