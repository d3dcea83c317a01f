// The type a field made from the mapping screen gets from its column's values (issue #19), and how a cell's text is
// read as a field's value: the guesses the user sees before creating, and the reasons a refused cell is reported with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldShape } from '../../shared/domain/custom-fields';
import { customFromText, customHeaders, fieldForHeader, guessFieldType } from '../../shared/domain/import-custom';

describe('guessFieldType', () => {
  it.each([
    [['yes', 'No', 'YES'], { type: 'boolean' }],
    [['ja', 'nein'], { type: 'boolean' }],
    [['12', '3.5', '-4', '1,250'], { type: 'number' }],
    [['£1,250.00', '£30'], { type: 'money', currency: 'GBP' }],
    [['€12.50'], { type: 'money', currency: 'EUR' }],
    [['2024-02-29', '05.09.2008', '12/31/2020'], { type: 'date' }],
    [['2026-03-01T09:30:00Z', '2026-03-02 10:00'], { type: 'dateTime' }],
    [['a@example.com', 'b@example.org'], { type: 'email' }],
    [['https://example.com', 'www.example.org/x'], { type: 'url' }],
    [['+44 20 7946 0958', '06441-90720', '07700900123'], { type: 'phone' }],
    [['Gold', 'Silver', 'Gold', 'Bronze', 'Silver'], { type: 'choice', options: ['Gold', 'Silver', 'Bronze'] }],
    // Gate codes: a leading zero would be lost as a number, too few digits for a phone.
    [['4711', '0815'], { type: 'text' }],
    [['Left of the gate', 'Blue door', 'Ring twice'], { type: 'text' }],
    [['x'.repeat(201)], { type: 'longText' }],
    [['one\ntwo'], { type: 'longText' }],
    [['', '  '], { type: 'text' }],
    // A leading zero would be lost as a number; one value alone is not a choice.
    [['007'], { type: 'text' }],
  ])('%j -> %j', (cells, guess) => {
    expect(guessFieldType(cells)).toEqual(guess);
  });

  it("guesses the columns of a real CRM export (tine20's German Excel file)", () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/real/csv/tine20-crm-excel-semicolon.csv'), 'utf8');
    const [header, ...lines] = text.split('\n').filter((l) => l.trim() !== '').map((l) => l.split(';'));
    const column = (name: string) => lines.map((cells) => cells[header!.indexOf(name)] ?? '');
    expect(guessFieldType(column('Nummer')).type).toBe('number');
    expect(guessFieldType(column('Datum')).type).toBe('date');
    expect(guessFieldType(column('Termin gewünscht')).type).toBe('boolean');
    expect(guessFieldType(column('ANZMitarbeiter')).type).toBe('number');
    expect(guessFieldType(column('TelefonZentrale')).type).toBe('phone');
    expect(guessFieldType(column('Name1')).type).toBe('text');
  });
});

describe('customFromText', () => {
  const def = (type: FieldShape['type'], extra: Partial<FieldShape> = {}): FieldShape => ({ key: 'f', label: 'Boiler installed', type, required: false, options: [], currency: null, ...extra });
  const options = [{ id: 'o1', label: 'North', archived: false }, { id: 'o2', label: 'South, East', archived: false }, { id: 'o3', label: 'Yes, please', archived: false }];

  it('reads each type as other programs write it', () => {
    expect(customFromText(def('date'), '05.09.2008')).toEqual({ ok: true, value: '2008-09-05' });
    expect(customFromText(def('date'), '2024-02-29T10:00:00Z')).toEqual({ ok: true, value: '2024-02-29' });
    expect(customFromText(def('dateTime'), '2026-03-01 09:30')).toEqual({ ok: true, value: '2026-03-01T09:30:00.000Z' });
    expect(customFromText(def('number'), '1,250.5')).toEqual({ ok: true, value: 1250.5 });
    expect(customFromText(def('money', { currency: 'GBP' }), '£1,250.50')).toEqual({ ok: true, value: 125050 });
    expect(customFromText(def('money', { currency: 'GBP' }), '-12.00')).toEqual({ ok: true, value: -1200 });
    expect(customFromText(def('boolean'), 'Nein')).toEqual({ ok: true, value: false });
    expect(customFromText(def('choice', { options }), 'yes, PLEASE')).toEqual({ ok: true, value: 'o3' });
    expect(customFromText(def('choices', { options }), 'North, South, East')).toEqual({ ok: true, value: ['o1', 'o2'] });
    expect(customFromText(def('choices', { options }), 'South, East; North')).toEqual({ ok: true, value: ['o1', 'o2'] });
    expect(customFromText(def('url'), 'example.com')).toEqual({ ok: true, value: 'https://example.com' });
    expect(customFromText(def('text'), '   ')).toEqual({ ok: true, value: null });
  });

  it("refuses what the field would refuse, in the app's words", () => {
    expect(customFromText(def('date'), '31/02/2020')).toEqual({ ok: false, reason: 'not a date' });
    expect(customFromText(def('number'), 'twelve')).toEqual({ ok: false, reason: 'not a number' });
    expect(customFromText(def('money', { currency: 'GBP' }), '1.234')).toEqual({ ok: false, reason: 'not an amount (GBP has 2 decimal places)' });
    expect(customFromText(def('boolean'), 'maybe')).toEqual({ ok: false, reason: 'not yes or no' });
    expect(customFromText(def('choice', { options }), 'West')).toEqual({ ok: false, reason: 'not one of the choices' });
    expect(customFromText(def('choices', { options }), 'North, West')).toEqual({ ok: false, reason: '"West" is not one of the choices' });
    expect(customFromText(def('email'), 'nobody')).toEqual({ ok: false, reason: 'not an email address' });
    expect(customFromText(def('text'), 'x'.repeat(201))).toEqual({ ok: false, reason: 'longer than 200 characters' });
  });
});

describe('headers', () => {
  const fields = [{ key: 'gateCode', label: 'Gate code' }, { key: 'notes', label: 'Notes' }, { key: 'gatecode', label: 'Gate code' }];
  it('are labels, told apart by key where a column already has the name', () => {
    expect(customHeaders(fields, ['First Name', 'Notes'])).toEqual(['Gate code [gateCode]', 'Notes [notes]', 'Gate code [gatecode]']);
    expect(customHeaders([fields[0]!], ['Notes'])).toEqual(['Gate code']);
  });
  it('name a field by label, key or "<label> [<key>]"', () => {
    expect(fieldForHeader('gate CODE', fields)?.key).toBe('gateCode');
    expect(fieldForHeader('GATECODE', fields.slice(1))?.key).toBe('gatecode');
    expect(fieldForHeader('Gate code [gatecode]', fields)?.key).toBe('gatecode');
    expect(fieldForHeader('Nothing', fields)).toBeUndefined();
  });
});
