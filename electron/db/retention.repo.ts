// Retention (issue #21): the rules, the review list they build (one statement over contacts, jobs, follow-ups and
// appointments), decisions, and anonymising a contact's row. No business rules here (core/retention decides).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { RetentionRule } from '../../shared/domain/retention';
import { foldForSort } from '../../shared/domain/text';
import { markErasing, mergesNaming } from './erasure.repo';
import { decodeCursor, encodeCursor } from './keyset';
import type { DB } from './schema';

export type StoredRule = Required<Pick<RetentionRule, 'appliesTo' | 'from' | 'months' | 'enabled'>> & { id: string };

export async function readRules(db: Kysely<DB>): Promise<StoredRule[]> {
  const rows = await db.selectFrom('retention_rules').selectAll().orderBy('position').orderBy('seq').execute();
  return rows.map((r) => ({ id: r.id, appliesTo: r.applies_to as StoredRule['appliesTo'], from: r.from_date, months: r.months, enabled: r.enabled === 1 }));
}

/** The whole list replaces the old one, in the order given (call inside a transaction). */
export async function replaceRules(db: Kysely<DB>, rules: readonly StoredRule[]): Promise<void> {
  await db.deleteFrom('retention_rules').execute();
  if (rules.length === 0) return;
  await db
    .insertInto('retention_rules')
    .values(rules.map((r, position) => ({ id: r.id, applies_to: r.appliesTo, from_date: r.from, months: r.months, enabled: r.enabled ? 1 : 0, position })))
    .execute();
}

/** A rule as the review query needs it: its cut-off instant already worked out. */
export interface ReviewRule {
  position: number;
  appliesTo: StoredRule['appliesTo'];
  from: StoredRule['from'];
  /** ISO instant: a contact whose counted date is before it is past the rule. */
  cutoff: string;
}

export interface ReviewRow {
  id: string;
  display_name: string;
  kind: string;
  position: number;
  /** The date the matching rule counted from (last contact or when added, or the last job's close). */
  last_at: string;
  /** '' when never contacted. */
  last_contacted_at: string;
  total: number;
}

/** Jobs still in play: a stage of category open or won (neither paid nor lost), as contacts.repo's hasOpenJobs. */
const OPEN_JOB = sql`EXISTS (SELECT 1 FROM jobs oj JOIN pipeline_stages os ON os.id = oj.stage_id
  WHERE oj.contact_id = c.id AND oj.deleted_at IS NULL AND os.category IN ('open', 'won'))`;

/** Each live contact's closed jobs: the last one's close (its move into paid or lost), none still open. */
const CLOSED_JOBS = sql`SELECT j.contact_id AS contact_id, max(j.stage_changed_at) AS closed_at
  FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
  WHERE j.deleted_at IS NULL AND j.contact_id IS NOT NULL
  GROUP BY j.contact_id HAVING sum(s.category IN ('open', 'won')) = 0`;

/** The contacts one rule reaches, with the date it counted from; the exclusions common to all rules come later. */
function ruleMatches(rule: ReviewRule): RawBuilder<unknown> {
  const kind = rule.appliesTo === 'formerClient' ? sql`` : sql`AND c.kind = ${rule.appliesTo}`;
  if (rule.from === 'lastJob') {
    return sql`SELECT c.id AS id, ${rule.position} AS position, cj.closed_at AS last_at
      FROM (${CLOSED_JOBS}) cj JOIN contacts c ON c.id = cj.contact_id
      WHERE c.deleted_at IS NULL ${kind} AND cj.closed_at < ${rule.cutoff}`;
  }
  const counted = sql`coalesce(nullif(c.last_contacted_at, ''), c.created_at)`;
  // A former client is someone with a live job (and, by the common exclusions, none open).
  const client = rule.appliesTo === 'formerClient' ? sql`AND EXISTS (SELECT 1 FROM jobs fj WHERE fj.contact_id = c.id AND fj.deleted_at IS NULL)` : sql``;
  return sql`SELECT c.id AS id, ${rule.position} AS position, ${counted} AS last_at
    FROM contacts c WHERE c.deleted_at IS NULL ${kind} ${client} AND ${counted} < ${rule.cutoff}`;
}

/**
 * One page of the people past an enabled rule, oldest counted date first, with the total. A person past several
 * rules is listed once, under the first (SQLite's min() takes the bare columns from that row). Left out: an open
 * job, an open follow-up, an appointment not yet over (or a series not ended), a "keep" still running, anonymised.
 * Raw SQL: a union of per-rule selects, a window count (the total, computed once, before the seek) and a row-value
 * seek are beyond Kysely's builder. 100k contacts: ~330 ms (tests/core/retention-speed.test.ts).
 */
export async function reviewPage(
  db: Kysely<DB>,
  q: { rules: readonly ReviewRule[]; now: string; today: string; limit: number; cursor: string | undefined },
): Promise<{ rows: ReviewRow[]; nextCursor: string | null }> {
  if (q.rules.length === 0) return { rows: [], nextCursor: null };
  const matches = sql.join(q.rules.map(ruleMatches), sql` UNION ALL `);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const seek = after ? sql`WHERE (last_at, id) > (${String(after.value)}, ${after.id})` : sql``;
  const { rows } = await sql<ReviewRow>`
    WITH m AS (SELECT id, min(position) AS position, last_at FROM (${matches}) GROUP BY id),
    listed AS (
      SELECT c.id, c.display_name, c.kind, m.position, m.last_at, c.last_contacted_at, count(*) OVER () AS total
      FROM m JOIN contacts c ON c.id = m.id
      WHERE NOT ${OPEN_JOB}
        AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.contact_id = c.id AND t.completed_at IS NULL AND t.deleted_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.contact_id = c.id AND a.deleted_at IS NULL
          AND (a.ends_at > ${q.now} OR (a.recurrence IS NOT NULL AND (a.series_end IS NULL OR a.series_end > ${q.now}))))
        AND NOT EXISTS (SELECT 1 FROM retention_decisions d WHERE d.contact_id = c.id
          AND (d.decision = 'anonymise' OR (d.decision = 'keep' AND d.until_day > ${q.today})))
    )
    SELECT * FROM listed ${seek} ORDER BY last_at, id LIMIT ${q.limit + 1}`.execute(db);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > q.limit && last ? encodeCursor(last.last_at, last.id) : null };
}

export async function findDecision(db: Kysely<DB>, contactId: string) {
  return db.selectFrom('retention_decisions').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
}

export async function saveDecision(db: Kysely<DB>, d: { contactId: string; decision: 'keep' | 'anonymise'; reason: string | null; untilDay: string | null; at: string }): Promise<void> {
  const row = { contact_id: d.contactId, decision: d.decision, reason: d.reason, until_day: d.untilDay, decided_at: d.at };
  await db
    .insertInto('retention_decisions')
    .values(row)
    .onConflict((oc) => oc.column('contact_id').doUpdateSet({ decision: row.decision, reason: row.reason, until_day: row.until_day, decided_at: row.decided_at }))
    .execute();
}

export async function findContactForRetention(db: Kysely<DB>, id: string) {
  return db.selectFrom('contacts').select(['id', 'kind', 'company_id', 'display_name']).where('id', '=', id).executeTakeFirst();
}

/**
 * Replaces a contact's personal data in its row (call inside a transaction). The FTS triggers (0001) re-index the
 * name, details, job title, tags and notes; the tag and match-key triggers follow the tags, emails and phones. Kind,
 * company link, lead source and everything the jobs hold stay, so reports and revenue stay true. The undo records
 * that hold the old values of this contact lose them (their undo already skips a contact changed since), and the
 * duplicate pairs whose reasons quote them go (the next scan finds none: nothing is left to match on).
 */
export async function anonymiseContact(db: Kysely<DB>, id: string, names: { first: string; last: string }, now: string): Promise<void> {
  const display = `${names.first} ${names.last}`;
  await db
    .updateTable('contacts')
    .set({
      first_name: names.first,
      last_name: names.last,
      display_name: display,
      sort_name: foldForSort(display),
      sort_last: foldForSort(`${names.last} ${names.first}`),
      emails: '[]',
      phones: '[]',
      search_details: '',
      addresses: '[]',
      job_title: null,
      website: null,
      birthday: null,
      tags: '[]',
      notes: null,
      email_opt_in: 0,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('custom_values').where('record_id', '=', id).execute();
  await db.updateTable('import_items').set({ before: null }).where('entity', '=', 'contact').where('entity_id', '=', id).execute();
  await db.deleteFrom('contact_bulk_edit_items').where('contact_id', '=', id).execute();
  await db.deleteFrom('quality_fix_items').where('contact_id', '=', id).execute();
  await db.deleteFrom('duplicate_pairs').where('kind', '=', 'contact').where((eb) => eb.or([eb('a_id', '=', id), eb('b_id', '=', id)])).execute();
  // A merge journal keeps the person's records as they were, and its undo would bring them back: it goes (the merge
  // stays done). The consent ledger's words and evidence are theirs too; `erasing` lets its append-only triggers allow it.
  await sql`DELETE FROM merges WHERE ${mergesNaming(id)}`.execute(db);
  await markErasing(db, id, true);
  await db.deleteFrom('consent_events').where('contact_id', '=', id).execute();
  await db.deleteFrom('consent_tokens').where('contact_id', '=', id).execute();
  await markErasing(db, id, false);
}
