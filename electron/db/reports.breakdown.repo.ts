// Report breakdowns by one of the user's choice fields on jobs (issue #19): live jobs added in a period, counted and
// summed per option and currency, and the jobs behind one option (or behind "None"). Options are matched by id in
// custom_values.text_value, so a renamed option keeps its jobs. Integers only; rows leave camelCase. Imports no core.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { FieldDefinition } from '../../shared/domain/custom-fields';
import { customFilterSql } from './fields.query.repo';
import type { JobRecord } from './reports.records.repo';
import { currencyIs, inRange, type Range } from './reports.repo';
import type { DB } from './schema';

type ChoiceField = Pick<FieldDefinition, 'id' | 'key' | 'label' | 'type' | 'options'>;

/** Live jobs added in the range, in one currency or all. */
const ADDED = (r: Range, currency: string | undefined) => sql<SqlBool>`j.deleted_at IS NULL AND ${inRange(sql`j.created_at`, r)} AND ${currencyIs(currency)}`;

export interface BreakdownRow {
  /** The option's id; null for jobs without a value. */
  optionId: string | null;
  currency: string;
  jobs: number;
  total: number;
  won: number;
  wonTotal: number;
}

/**
 * Per option and currency: how many jobs, their summed amounts, and how many of them (and what value) are now won or
 * paid. A job with several choices is one row per choice (the (field_id, record_id) key of custom_values answers the
 * join); a job without any is a row with a null option.
 */
export async function breakdownRows(db: Kysely<DB>, fieldId: string, r: Range, currency: string | undefined): Promise<{ rows: BreakdownRow[]; jobs: number }> {
  const { rows } = await sql<{ option: string | null; currency: string; jobs: number; total: number; won: number; won_total: number }>`
    SELECT v.text_value AS option, j.currency, count(*) AS jobs, coalesce(sum(j.amount_minor), 0) AS total,
      coalesce(sum(s.category IN ('won', 'paid')), 0) AS won,
      coalesce(sum(CASE WHEN s.category IN ('won', 'paid') THEN j.amount_minor END), 0) AS won_total
    FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
    LEFT JOIN custom_values v ON v.field_id = ${fieldId} AND v.record_id = j.id
    WHERE ${ADDED(r, currency)}
    GROUP BY v.text_value, j.currency ORDER BY j.currency`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM jobs j WHERE ${ADDED(r, currency)}`.execute(db);
  return {
    jobs: Number(count.rows[0]?.n ?? 0),
    rows: rows.map((row) => ({
      optionId: row.option,
      currency: row.currency,
      jobs: Number(row.jobs),
      total: Number(row.total),
      won: Number(row.won),
      wonTotal: Number(row.won_total),
    })),
  };
}

/** The jobs behind one row of a breakdown (an option's id, or '' for those without a value), newest first. */
export async function breakdownJobs(db: Kysely<DB>, field: ChoiceField, option: string, r: Range, currency: string | undefined, limit: number): Promise<JobRecord[]> {
  // The same conditions the list filters use: "empty" for None, "any of" this one option otherwise.
  const holds: RawBuilder<SqlBool> =
    option === '' ? customFilterSql(field, { key: field.key, op: 'empty' }, 'j.id') : customFilterSql(field, { key: field.key, op: 'anyOf', values: [option] }, 'j.id');
  const { rows } = await sql<JobRecord>`
    SELECT j.id, j.title, c.display_name AS client, s.name AS stage, j.amount_minor AS amount, j.currency, j.created_at AS at
    FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id LEFT JOIN contacts c ON c.id = j.contact_id
    WHERE ${ADDED(r, currency)} AND ${holds}
    ORDER BY j.created_at DESC, j.id LIMIT ${limit}`.execute(db);
  return rows;
}
