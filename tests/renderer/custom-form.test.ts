// How record forms hold and send custom values (issue #19): a new record starts with the defaults and sends every
// live field (a cleared default stays cleared), an existing one sends only what changed and never an archived
// field's value, and the contract's own checks become errors on `custom.<key>`, the inputs main's issues land on.
import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../shared/domain/custom-fields';
import { customDefaults, customErrors, customErrorsByKey, customInput, formShowsError, withCustomValue } from '../../renderer/src/features/fields/custom-form';
import { companyValuesToInput, emptyCompanyValues } from '../../renderer/src/features/companies/company-form-values';
import { emptyContactValues, valuesToInput } from '../../renderer/src/features/contacts/contact-form-values';
import { emptyJobValues, jobValuesToInput } from '../../renderer/src/features/jobs/job-form-values';
import { errorsFromIssues } from '../../renderer/src/ui/form-errors';

let position = 0;
function field(key: string, label: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return {
    id: `f-${key}`,
    recordType: 'contact',
    key,
    label,
    type,
    currency: type === 'money' ? 'GBP' : null,
    required: false,
    defaultValue: null,
    help: null,
    section: null,
    position: position++,
    options: [],
    archived: false,
    deletedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    valueCount: 0,
    ...extra,
  };
}

const gate = field('gateCode', 'Gate code', 'text', { required: true });
const boiler = field('boilerInstalled', 'Boiler installed', 'date');
const area = field('area', 'Area', 'choice', { defaultValue: 'north', options: [{ id: 'north', label: 'North', archived: false }, { id: 'south', label: 'South', archived: false }] });
const old = field('oldCode', 'Old code', 'text', { archived: true, defaultValue: 'x' });
const defs = [gate, boiler, area, old];

describe('custom values in record forms', () => {
  it('starts a new record with the live fields’ defaults only', () => {
    expect(customDefaults(defs)).toEqual({ area: 'north' });
  });

  it('drops an emptied value, so typing and deleting leaves the form as it was', () => {
    expect(withCustomValue({ gateCode: '1234' }, 'gateCode', '')).toEqual({});
    expect(withCustomValue({}, 'area', [])).toEqual({});
    expect(withCustomValue({}, 'boilerInstalled', '2019-05-14')).toEqual({ boilerInstalled: '2019-05-14' });
  });

  it('sends every live field of a new record, null for an empty one, and never an archived one', () => {
    expect(customInput(defs, { gateCode: '1234' }, null)).toEqual({ gateCode: '1234', boilerInstalled: null, area: null });
  });

  it('sends only what changed on an existing record, keeping archived values and untouched ones', () => {
    const loaded = { gateCode: '1234', area: 'north', oldCode: 'kept' };
    expect(customInput(defs, loaded, loaded)).toEqual({});
    expect(customInput(defs, { ...loaded, gateCode: '9999' }, loaded)).toEqual({ gateCode: '9999' });
    const { area: _cleared, ...rest } = loaded;
    expect(customInput(defs, { ...rest, oldCode: 'changed?' }, loaded)).toEqual({ area: null });
  });

  it('checks as main does: required and typed values, errors on custom.<key>', () => {
    expect(customErrors(defs, customInput(defs, {}, null), { partial: false })).toEqual({ 'custom.gateCode': 'Gate code: fill this in' });
    expect(customErrors(defs, { gateCode: 'A1', boilerInstalled: '2019-02-30' }, { partial: false })).toEqual({
      'custom.boilerInstalled': 'Boiler installed: enter a date (year-month-day)',
    });
    // An update checks only what it sends: an untouched empty required field does not block it, emptying one does.
    expect(customErrors(defs, {}, { partial: true })).toEqual({});
    expect(customErrors(defs, { gateCode: null }, { partial: true })).toEqual({ 'custom.gateCode': 'Gate code: fill this in' });
  });

  it('hands the inputs their errors by field key, and knows which of main’s issues no input shows', () => {
    expect(customErrorsByKey({ firstName: 'Enter a name', 'custom.gateCode': 'Gate code: fill this in' })).toEqual({ gateCode: 'Gate code: fill this in' });
    // Main's VALIDATION issue (core/fields/record-custom.ts names `custom.<key>`) reaches the same input.
    const fromMain = errorsFromIssues([{ path: 'custom.gateCode', message: 'Gate code: fill this in' }], { emails: [1] });
    expect(customErrorsByKey(fromMain)).toEqual({ gateCode: 'Gate code: fill this in' });
    const values = emptyContactValues();
    expect(formShowsError(defs, values, 'custom.gateCode')).toBe(true);
    expect(formShowsError(defs, values, 'emails.0.value')).toBe(true);
    expect(formShowsError(defs, values, 'custom.oldCode')).toBe(false);
    expect(formShowsError(defs, values, 'custom.noSuchField')).toBe(false);
  });

  it('puts custom values into each record’s input only when there are some to send', () => {
    const contact = { ...emptyContactValues(), firstName: 'Maya', custom: { gateCode: '1234' } };
    expect(valuesToInput(contact).input).not.toHaveProperty('custom');
    expect(valuesToInput(contact, {}).input).not.toHaveProperty('custom');
    expect(valuesToInput(contact, { gateCode: '1234' }).input.custom).toEqual({ gateCode: '1234' });
    expect(companyValuesToInput({ ...emptyCompanyValues(), name: 'Acme' }, { area: 'south' }).custom).toEqual({ area: 'south' });
    expect(companyValuesToInput({ ...emptyCompanyValues(), name: 'Acme' })).not.toHaveProperty('custom');
    expect(jobValuesToInput({ ...emptyJobValues('GBP'), title: 'Boiler service' }, { boilerInstalled: null }).custom).toEqual({ boilerInstalled: null });
  });
});
