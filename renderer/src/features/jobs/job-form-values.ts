// The job form's values (all strings, as the inputs hold them) and their conversion to and from the channel
// input: the amount is typed in major units and saved as integer minor units of the chosen currency. Custom values
// are held as the wire has them; the save sends what the fields feature's customInput picks.
import type { CustomValues } from '../../../../shared/domain/custom-fields';
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
  /** The user's own fields (issue #19), by key. */
  custom: CustomValues;
}

export type JobFields = ChannelInput<'jobs.create'>;

export function emptyJobValues(currency: string, prefill: Partial<JobFormValues> = {}): JobFormValues {
  return { title: '', contactId: null, companyId: null, stage: null, amount: '', currency, dueDate: '', probability: '', notes: '', lostReason: '', custom: {}, ...prefill };
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
    custom: { ...job.custom },
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

/** The channel input; `custom` only when given and not empty. */
export function jobValuesToInput(values: JobFormValues, custom?: CustomValues): JobFields {
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
    ...(custom && Object.keys(custom).length > 0 ? { custom } : {}),
  };
}

/** The channel names the amount amountMinor; the form calls it amount. */
export const fieldForPath = (path: string) => (path === 'amountMinor' ? 'amount' : path);
