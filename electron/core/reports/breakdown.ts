// "Jobs by Job type" (issue #19): jobs added in the period, grouped by the options of one of the user's choice fields
// on jobs, with their count and value per currency, and the jobs behind each group (reports.records' fieldJobs).
// Archived options still show while jobs hold them; "None" gathers the jobs without a value. No SQL, no `electron`.
import type { Kysely } from 'kysely';
import { CHOICE_TYPES, type FieldDefinition } from '../../../shared/domain/custom-fields';
import type { Breakdown, BreakdownInput } from '../../../shared/domain/report';
import { AppError } from '../../../shared/ipc/errors';
import { findField } from '../../db/fields.repo';
import { breakdownJobs, breakdownRows } from '../../db/reports.breakdown.repo';
import type { JobRecord } from '../../db/reports.records.repo';
import type { DB } from '../../db/schema';
import { period } from './period';

type Money = { currency: string; amountMinor: number }[];

/** The field a breakdown is by: a live one-choice or several-choices field on jobs (archived fields keep their data). */
export async function choiceField(db: Kysely<DB>, fieldId: string | undefined): Promise<FieldDefinition> {
  if (!fieldId) throw AppError.validation('fieldId', 'Choose the field to break jobs down by');
  const field = await findField(db, fieldId);
  if (!field || field.deletedAt) throw AppError.validation('fieldId', 'This field no longer exists (it may have been deleted)');
  if (field.recordType !== 'job' || !CHOICE_TYPES.has(field.type)) throw AppError.validation('fieldId', `${field.label} is not a choice field on jobs`);
  return field;
}

function add(list: Money, currency: string, amount: number) {
  const entry = list.find((m) => m.currency === currency);
  if (entry) entry.amountMinor += amount;
  else list.push({ currency, amountMinor: amount });
}

export async function jobBreakdown(db: Kysely<DB>, input: BreakdownInput): Promise<Breakdown> {
  const field = await choiceField(db, input.fieldId);
  const { rows, jobs } = await breakdownRows(db, field.id, period(input.from, input.to).current, input.currency);
  const groups = new Map<string | null, Breakdown['rows'][number]>();
  const group = (optionId: string | null) => {
    let g = groups.get(optionId);
    if (!g) {
      const option = field.options.find((o) => o.id === optionId);
      // A value whose option is gone from the list entirely (never expected: options are archived, not dropped) shows by its id.
      g = { optionId, label: optionId === null ? 'None' : (option?.label ?? optionId), archived: option?.archived ?? false, jobs: 0, totals: [], won: 0, wonTotals: [] };
      groups.set(optionId, g);
    }
    return g;
  };
  for (const o of field.options) if (!o.archived) group(o.id);
  for (const r of rows) {
    const g = group(r.optionId);
    g.jobs += r.jobs;
    g.won += r.won;
    // A currency shows once it has a job, even when none of them has an amount yet.
    add(g.totals, r.currency, r.total);
    if (r.won > 0) add(g.wonTotals, r.currency, r.wonTotal);
  }
  const order = (id: string | null) => {
    const at = field.options.findIndex((o) => o.id === id);
    return id === null ? field.options.length + 1 : at === -1 ? field.options.length : at;
  };
  const listed = [...groups.values()].sort((a, b) => order(a.optionId) - order(b.optionId));
  for (const g of listed) for (const list of [g.totals, g.wonTotals]) list.sort((a, b) => a.currency.localeCompare(b.currency));
  return {
    from: input.from,
    to: input.to,
    field: { id: field.id, key: field.key, label: field.label, type: field.type as 'choice' | 'choices' },
    jobs,
    rows: listed,
  };
}

/** reports.records' fieldJobs: the jobs behind one row of the breakdown, and the table's title. */
export async function breakdownRecords(
  db: Kysely<DB>,
  input: { from: string; to: string; currency?: string | undefined; fieldId?: string | undefined; option?: string | undefined },
  limit: number,
): Promise<{ title: string; rows: JobRecord[] }> {
  const field = await choiceField(db, input.fieldId);
  const option = input.option ?? '';
  const chosen = field.options.find((o) => o.id === option);
  if (option !== '' && !chosen) throw AppError.validation('option', `This is not one of the choices of ${field.label}`);
  const rows = await breakdownJobs(db, field, option, period(input.from, input.to).current, input.currency, limit);
  return { title: `Jobs by ${field.label}: ${chosen ? chosen.label : 'None'}`, rows };
}
