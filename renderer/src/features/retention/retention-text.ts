// The words of retention (issue #21): who a rule is about and what its months are counted from.
import type { RetentionRule } from '../../../../shared/domain/retention';

export const APPLIES_LABELS: Record<RetentionRule['appliesTo'], string> = {
  prospect: 'Prospects',
  customer: 'Customers',
  formerClient: 'Former clients (all jobs closed)',
  partner: 'Partners',
  supplier: 'Suppliers',
  other: 'Others',
};

export const FROM_LABELS: Record<RetentionRule['from'], string> = {
  lastContacted: 'Last call, email, meeting or letter',
  lastJob: 'Last job closed',
};

export const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
