// The job form's values (all strings, as the inputs hold them) and their conversion to and from the channel
// input: the amount is typed in major units and saved as integer minor units of the chosen currency.
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { JobRow } from '../../api/jobs';
import { isCurrencyCode, minorToDecimal, parseMoney } from '../../../../shared/domain/money';

export interface JobFormValues {
  title: string;
  contactId: string | null;
  companyId: string | null;
  stage: string | null;
  amount: string;
  currency: string;
  dueDate: string;
  probability: string;
  notes: string;
  lostReason: string;
}

export type JobFields = ChannelInput<'jobs.create'>;

export function emptyJobValues(currency: string, prefill: Partial<JobFormValues> = {}): JobFormValues {
  return { title: '', contactId: null, companyId: null, stage: null, amount: '', currency, dueDate: '', probability: '', notes: '', lostReason: '', ...prefill };
}

export function jobToValues(job: JobRow): JobFormValues {
  return {
    title: job.title,
    contactId: job.contactId,
    companyId: job.companyId,
    stage: job.stageId,
    amount: job.amountMinor === null ? '' : minorToDecimal(job.amountMinor, job.currency),
    currency: job.currency,
    dueDate: job.dueDate ?? '',
    probability: job.probability === null ? '' : String(job.probability),
    notes: job.notes ?? '',
    lostReason: job.lostReason ?? '',
  };
}

/** Field errors the channel would not give in the user's terms (the amount is checked here, in major units). */
export function validateJobValues(values: JobFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = 'Give the job a title';
  if (!isCurrencyCode(values.currency)) errors.currency = 'Use a three-letter code, e.g. GBP';
  else if (!parseMoney(values.amount, values.currency.trim().toUpperCase()).ok) errors.amount = 'Type an amount like 1,250.50';
  const p = values.probability.trim();
  if (p && (!/^\d+$/.test(p) || Number(p) > 100)) errors.probability = 'A whole number from 0 to 100';
  return errors;
}

export function jobValuesToInput(values: JobFormValues): JobFields {
  const currency = values.currency.trim().toUpperCase();
  const p = values.probability.trim();
  const amount = parseMoney(values.amount, currency);
  return {
    title: values.title.trim(),
    contactId: values.contactId,
    companyId: values.companyId,
    ...(values.stage ? { stage: values.stage } : {}),
    amountMinor: amount.ok ? amount.minor : null,
    currency,
    dueDate: values.dueDate || null,
    probability: p ? Number(p) : null,
    notes: values.notes,
    lostReason: values.lostReason,
  };
}

/** The channel names the amount amountMinor; the form calls it amount. */
export const fieldForPath = (path: string) => (path === 'amountMinor' ? 'amount' : path);
