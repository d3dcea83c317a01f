// The job form's values and their contract input: the amount is typed in major units of the chosen currency and
// sent as integer minor units (so JPY has none and BHD three), and the checks the form makes before main does.
import { describe, expect, it } from 'vitest';
import type { JobRow } from '../../renderer/src/api/jobs';
import { emptyJobValues, fieldForPath, jobToValues, jobValuesToInput, validateJobValues } from '../../renderer/src/features/jobs/job-form-values';

const job: JobRow = {
  id: 'j1',
  title: 'Kitchen refit',
  contactId: 'c1',
  contactName: 'Maya Jones',
  companyId: null,
  companyName: null,
  stageId: 's1',
  stageName: 'Lead',
  category: 'open',
  amountMinor: 125_050,
  currency: 'GBP',
  dueDate: '2026-12-01',
  probability: 40,
  notes: null,
  lostReason: null,
  stageChangedAt: '2026-01-01T00:00:00.000Z',
  custom: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
};

describe('job form values', () => {
  it('starts empty in the default currency, with any prefill', () => {
    expect(emptyJobValues('EUR', { contactId: 'c1' })).toMatchObject({ title: '', amount: '', currency: 'EUR', contactId: 'c1', stage: null });
  });

  it('loads the amount as major units in the job’s currency', () => {
    expect(jobToValues(job)).toMatchObject({ amount: '1250.50', probability: '40', stage: 's1', dueDate: '2026-12-01', notes: '' });
    expect(jobToValues({ ...job, amountMinor: 5000, currency: 'JPY' }).amount).toBe('5000');
    expect(jobToValues({ ...job, amountMinor: 1500, currency: 'BHD' }).amount).toBe('1.500');
    expect(jobToValues({ ...job, amountMinor: null }).amount).toBe('');
  });

  it('sends minor units of the typed currency, upper-cased', () => {
    const values = { ...jobToValues(job), amount: '1,250.5', currency: ' jpy ' };
    expect(validateJobValues({ ...values, amount: '5,000' })).toEqual({});
    expect(jobValuesToInput({ ...values, amount: '5,000' })).toMatchObject({ amountMinor: 5000, currency: 'JPY' });
    expect(jobValuesToInput({ ...values, amount: '1.25', currency: 'BHD' }).amountMinor).toBe(1250);
    expect(jobValuesToInput({ ...values, amount: '', currency: 'GBP' }).amountMinor).toBeNull();
  });

  it('round-trips a loaded job', () => {
    expect(jobValuesToInput(jobToValues(job))).toEqual({
      title: 'Kitchen refit',
      contactId: 'c1',
      companyId: null,
      stage: 's1',
      amountMinor: 125_050,
      currency: 'GBP',
      dueDate: '2026-12-01',
      probability: 40,
      notes: '',
      lostReason: '',
    });
  });

  it('checks title, currency, amount and probability in the user’s terms', () => {
    const values = jobToValues(job);
    expect(validateJobValues(values)).toEqual({});
    expect(validateJobValues({ ...values, title: '  ', currency: 'pounds', probability: '101' })).toEqual({
      title: 'Give the job a title',
      currency: 'Use a three-letter code, e.g. GBP',
      probability: 'A whole number from 0 to 100',
    });
    expect(validateJobValues({ ...values, amount: '12.345' }).amount).toBe('Type an amount like 1,250.50');
    expect(validateJobValues({ ...values, amount: '50.5', currency: 'JPY' }).amount).toBe('Type an amount like 1,250.50');
    expect(validateJobValues({ ...values, amount: 'ten' }).amount).toBe('Type an amount like 1,250.50');
  });

  it('names main’s amountMinor field as the form’s amount', () => {
    expect([fieldForPath('amountMinor'), fieldForPath('title')]).toEqual(['amount', 'title']);
  });
});
