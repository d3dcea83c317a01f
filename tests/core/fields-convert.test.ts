// Type changes of a custom field (issue #19), value by value: what converts and what is listed as not converting.
import { describe, expect, it } from 'vitest';
import type { FieldDefinition, FieldType } from '../../shared/domain/custom-fields';
import { convertValue, optionsFor } from '../../electron/core/fields/convert';

const OPTIONS = [{ id: 'o1', label: 'Kitchen', archived: false }, { id: 'o2', label: 'Bath', archived: false }];
const def = (type: FieldType, extra: Partial<FieldDefinition> = {}) => ({ key: 'f', label: 'F', type, options: [], currency: null, required: false, ...extra });
const conv = (from: ReturnType<typeof def>, to: ReturnType<typeof def>, value: Parameters<typeof convertValue>[2]) => {
  const r = convertValue(from, to, value);
  return r.ok ? r.value : 'FAILED';
};

describe('convertValue', () => {
  it('text to number, money, yes/no, date and date-time', () => {
    const text = def('text');
    expect(['12', '1,250.5', 'twelve'].map((v) => conv(text, def('number'), v))).toEqual([12, 1250.5, 'FAILED']);
    expect(['£1,250.50', '3', 'lots'].map((v) => conv(text, def('money', { currency: 'GBP' }), v))).toEqual([125050, 300, 'FAILED']);
    expect(['Yes', 'no', 'maybe'].map((v) => conv(text, def('boolean'), v))).toEqual([true, false, 'FAILED']);
    expect(['2026-06-01', '2026-06-01T10:00:00Z', '1 June'].map((v) => conv(text, def('date'), v))).toEqual(['2026-06-01', '2026-06-01', 'FAILED']);
    expect(conv(def('date'), def('dateTime'), '2026-06-01')).toBe('2026-06-01T00:00:00.000Z');
  });

  it('numbers, money and choices to text always; choices by label', () => {
    expect(conv(def('number'), def('text'), 12.5)).toBe('12.5');
    expect(conv(def('money', { currency: 'GBP' }), def('text'), 125050)).toBe('1250.50');
    expect(conv(def('boolean'), def('text'), true)).toBe('Yes');
    expect(conv(def('choice', { options: OPTIONS }), def('text'), 'o2')).toBe('Bath');
    expect(conv(def('choices', { options: OPTIONS }), def('longText'), ['o1', 'o2'])).toBe('Kitchen, Bath');
    expect(conv(def('text'), def('choices', { options: OPTIONS }), 'bath; kitchen')).toEqual(['o1', 'o2']);
    expect(conv(def('text'), def('choice', { options: OPTIONS }), 'Hall')).toBe('FAILED');
    expect(conv(def('number'), def('money', { currency: 'JPY' }), 1.5)).toBe('FAILED');
  });

  it('makes the missing options from the values for a change to choices', () => {
    let n = 0;
    const options = optionsFor(def('text'), ['Hall, Bath', 'Loft', null], OPTIONS, () => `n${++n}`, true);
    expect(options.map((o) => o.label)).toEqual(['Kitchen', 'Bath', 'Hall', 'Loft']);
    expect(optionsFor(def('text'), ['Hall, Bath'], [], () => 'x', false).map((o) => o.label)).toEqual(['Hall, Bath']);
  });
});
