// The retention feature's words and dates (issue #21): what a rule says, why a person is on the review list, and the
// calendar arithmetic behind "36 months before today". UTC days throughout, as the rest of the store keeps them.
import type { StoredRule } from '../../db/retention.repo';
import { formatDay } from '../day-words';

/** The same day `months` later (negative: earlier), the day clamped to the month's end: 31 Mar less 1 month is 28/29 Feb. */
export function addMonths(at: Date, months: number): Date {
  const out = new Date(at);
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

const WHO: Record<StoredRule['appliesTo'], { one: string; many: string }> = {
  prospect: { one: 'Prospect', many: 'Prospects' },
  customer: { one: 'Customer', many: 'Customers' },
  partner: { one: 'Partner', many: 'Partners' },
  supplier: { one: 'Supplier', many: 'Suppliers' },
  other: { one: 'Contact', many: 'Other contacts' },
  formerClient: { one: 'Former client', many: 'Former clients' },
};

const monthsText = (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`;

/** "Prospects not contacted for 36 months", "Former clients 72 months after the last job": for the privacy log. */
export function ruleText(rule: Pick<StoredRule, 'appliesTo' | 'from' | 'months' | 'enabled'>): string {
  const who = WHO[rule.appliesTo].many;
  const what = rule.from === 'lastJob' ? `${who} ${monthsText(rule.months)} after the last job` : `${who} not contacted for ${monthsText(rule.months)}`;
  return rule.enabled ? what : `${what} (off)`;
}

/** "Prospect, not contacted since 3 Mar 2022 (rule: 36 months)": why this person is on the list. */
export function reasonText(rule: Pick<StoredRule, 'appliesTo' | 'from' | 'months'>, row: { last_at: string; last_contacted_at: string }): string {
  const who = WHO[rule.appliesTo].one;
  const since =
    rule.from === 'lastJob' ? `last job closed ${formatDay(row.last_at)}`
    : row.last_contacted_at === '' ? `never contacted, added ${formatDay(row.last_at)}`
    : `not contacted since ${formatDay(row.last_at)}`;
  return `${who}, ${since} (rule: ${monthsText(rule.months)})`;
}
