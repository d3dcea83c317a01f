// The schema built from custom field definitions (issue #19): the one check of `custom` at the boundary and in the
// forms. Messages name the field's label; keys come from labels.
import { describe, expect, it } from 'vitest';
import { customValuesSchema, keyFromLabel, type FieldShape } from '../../shared/domain/custom-fields';
import { CustomOut } from '../../shared/domain/custom-record';

const defs: FieldShape[] = [
  { key: 'gateCode', label: 'Gate code', type: 'text', required: true, options: [], currency: null },
  { key: 'visits', label: 'Visits', type: 'number', required: false, options: [], currency: null, defaultValue: 0 },
  { key: 'wedding', label: 'Wedding date', type: 'date', required: false, options: [], currency: null },
  { key: 'site', label: 'Website', type: 'url', required: false, options: [], currency: null },
  { key: 'size', label: 'Size', type: 'choice', required: false, options: [{ id: 'o1', label: 'Small', archived: false }], currency: null },
];
const messages = (schema: ReturnType<typeof customValuesSchema>, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}=${i.message}`);
};

describe('customValuesSchema', () => {
  it('names the field label in every message', () => {
    const schema = customValuesSchema(defs, { partial: true });
    expect(messages(schema, { gateCode: 'x'.repeat(201), visits: 'many', wedding: '2026-02-30', site: 'not a site', size: 'Huge' })).toEqual([
      'gateCode=Gate code: enter at most 200 characters',
      'visits=Visits: enter a number',
      'wedding=Wedding date: enter a date (year-month-day)',
      'site=Website: enter a web address, such as example.com',
      'size=Size: choose one of the listed choices',
    ]);
    expect(messages(schema, { nope: 1 })).toEqual(['nope=There is no field called "nope"']);
  });

  it('requires and defaults on create, checks only the keys sent on update', () => {
    expect(messages(customValuesSchema(defs), {})).toEqual(['gateCode=Gate code: fill this in']);
    expect(customValuesSchema(defs).parse({ gateCode: ' 12  34 ' })).toEqual({ gateCode: '12 34', visits: 0 });
    expect(customValuesSchema(defs, { partial: true }).parse({ site: 'example.com', size: 'small' })).toEqual({ site: 'https://example.com', size: 'o1' });
    expect(messages(customValuesSchema(defs, { partial: true }), { gateCode: null })).toEqual(['gateCode=Gate code: fill this in']);
  });
});

describe('keyFromLabel', () => {
  it('makes camelCase keys', () => {
    expect(['Gate code', 'VAT number', 'Émile’s #2 field', '2nd phone', '!!!'].map(keyFromLabel)).toEqual(['gateCode', 'vatNumber', 'emiles2Field', 'field2ndPhone', 'field']);
  });
});

describe('CustomOut (the check of custom values on the way out)', () => {
  it('passes every value type a record holds, and stops anything else leaving main', () => {
    const good = { gateCode: '1234#', visits: 3, paid: false, extras: ['Ladder', 'Van'], wedding: null };
    expect(CustomOut.safeParse(good)).toEqual({ success: true, data: good });
    expect(CustomOut.safeParse({}).success).toBe(true);
    for (const bad of [null, [], 'text', { nested: { a: 1 } }, { numbers: [1, 2] }, { missing: undefined }]) expect(CustomOut.safeParse(bad).success).toBe(false);
  });
});
