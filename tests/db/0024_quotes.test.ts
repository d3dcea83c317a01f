// Migration 0024 on a file written at 0023 with a follow-up: the old follow-up keeps its data and belongs to no quote
// or invoice; the seeded tax rates are the defaults of shared/domain/tax-rates.ts (key, rate, kind, country), only
// the UK ones and the EU reverse charge active; CHECK constraints refuse a rate over 100 %, an unknown kind and a
// product code twice; a line belongs to exactly one quote or one invoice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TAX_RATES } from '../../shared/domain/tax-rates';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;
const NOW = '2026-12-01T10:00:00.000Z';

beforeAll(async () => {
  file = await openDbAt(23);
  file.insert('tasks', { id: 'chase', title: 'Chase', all_day: 0, priority: 'normal', created_at: NOW, updated_at: NOW });
  backupPath = (await file.migrateTo(24)).backupPath;
});
afterAll(() => file.close());

const rate = (id: string, extra: Record<string, unknown> = {}) =>
  file.insert('tax_rates', { id, name: id, rate_milli: 20000, kind: 'standard', position: 99, created_at: NOW, updated_at: NOW, ...extra });
const product = (id: string, extra: Record<string, unknown> = {}) =>
  file.insert('products', { id, name: id, unit_price_e4: 1, currency: 'GBP', created_at: NOW, updated_at: NOW, ...extra });
const doc = { currency: 'GBP', prices_include_tax: 0, rounding: 'line', created_at: NOW, updated_at: NOW };

describe('0024_quotes', () => {
  it('backs up the 0023 file; an existing follow-up belongs to no quote or invoice', () => {
    expect(backupPath).toMatch(/before-0024_quotes\.sqlite$/);
    expect(file.rows('tasks', { columns: ['id', 'title', 'quote_id', 'invoice_id'] })).toEqual([{ id: 'chase', title: 'Chase', quote_id: null, invoice_id: null }]);
  });

  it('seeds the default tax rates by key, rate, kind and country, in order, with only the UK and reverse charge active', () => {
    const seeded = file.rows('tax_rates', { columns: ['key', 'rate_milli', 'kind', 'country', 'name', 'valid_from', 'active'], orderBy: 'position' });
    expect(seeded.map(({ key, rate_milli, kind, country }) => ({ key, rate_milli, kind, country }))).toEqual(
      DEFAULT_TAX_RATES.map((d) => ({ key: d.id, rate_milli: d.rateMilli, kind: d.kind, country: d.country })),
    );
    expect(seeded.map((r) => [r.name, r.valid_from])).toEqual(DEFAULT_TAX_RATES.map((d) => [d.name, d.validFrom]));
    expect(seeded.filter((r) => r.active === 1).map((r) => r.key)).toEqual(['gb-standard', 'gb-reduced', 'gb-zero', 'gb-exempt', 'eu-reverse-charge']);
  });

  it('refuses a rate over 100% or below 0, an unknown kind, and a second seeded key', () => {
    expect(() => rate('over', { rate_milli: 100001 })).toThrow(/CHECK/);
    expect(() => rate('negative', { rate_milli: -1 })).toThrow(/CHECK/);
    expect(() => rate('odd', { kind: 'luxury' })).toThrow(/CHECK/);
    expect(() => rate('again', { key: 'gb-standard' })).toThrow(/UNIQUE/);
    rate('fine', { rate_milli: 100000 });
  });

  it('refuses a product code twice, an unknown repeat, and a rate that does not exist', () => {
    product('p1', { code: 'BS-1' });
    expect(() => product('p2', { code: 'BS-1' })).toThrow(/UNIQUE/);
    expect(() => product('p3', { recurrence: 'fortnightly' })).toThrow(/CHECK/);
    expect(() => product('p4', { tax_rate_id: 'nope' })).toThrow(/FOREIGN KEY/);
  });

  it('keeps each line on exactly one quote or one invoice', () => {
    file.insert('quotes', { id: 'q1', root_id: 'q1', status: 'draft', title: 'Quote', ...doc });
    file.insert('invoices', { id: 'i1', status: 'draft', title: 'Invoice', ...doc });
    const line = (id: string, owner: Record<string, unknown>) => file.insert('sale_lines', { id, position: 0, kind: 'item', ...owner });
    line('on-quote', { quote_id: 'q1' });
    line('on-invoice', { invoice_id: 'i1' });
    expect(() => line('on-both', { quote_id: 'q1', invoice_id: 'i1' })).toThrow(/CHECK/);
    expect(() => line('on-neither', {})).toThrow(/CHECK/);
    expect(() => line('bad-kind', { quote_id: 'q1', kind: 'note' })).toThrow(/CHECK/);
  });
});
