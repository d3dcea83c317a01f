// Custom fields on companies (issue #19) through the real dispatcher: a few types from companies.create to get,
// update, a list filter and a sort; required fields, defaults and refusals naming the field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldType } from '../../shared/domain/custom-fields';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const field = (label: string, type: FieldType, extra: Record<string, unknown> = {}) => t.call('fields.create', { recordType: 'company', label, type, ...extra } as never);
type ListInput = Parameters<typeof t.call<'companies.list'>>[1];
const names = async (input: Partial<ListInput>) => (await t.call('companies.list', { limit: 50, ...input } as ListInput)).items.map((c) => c.name);

describe('custom fields on companies', () => {
  it('round-trip text, number, one choice and yes/no through create, get, update, filters and sorts', async () => {
    const vat = await field('VAT number', 'text');
    await field('Staff', 'number');
    const sector = await field('Sector', 'choice', { options: [{ label: 'Trade' }, { label: 'Retail' }] });
    await field('Trade account', 'boolean');
    const [trade, retail] = sector.options;

    const acme = await t.call('companies.create', { name: 'Acme', custom: { vatNumber: ' GB 123 ', staff: 12, sector: 'retail', tradeAccount: true } });
    expect(acme.custom).toEqual({ vatNumber: 'GB 123', staff: 12, sector: retail!.id, tradeAccount: true });
    expect((await t.call('companies.get', { id: acme.id })).custom).toEqual(acme.custom);
    const bolt = await t.call('companies.create', { name: 'Bolt' });
    expect(bolt.custom).toEqual({});
    const cog = await t.call('companies.create', { name: 'Cog', custom: { staff: 3 } });
    const updated = await t.call('companies.update', { id: bolt.id, custom: { staff: '40', sector: 'Trade' } });
    expect(updated.custom).toEqual({ staff: 40, sector: trade!.id });
    // Only the keys sent change; null clears; a plain update keeps them.
    expect((await t.call('companies.update', { id: cog.id, custom: { vatNumber: 'GB 999' } })).custom).toEqual({ vatNumber: 'GB 999', staff: 3 });
    expect((await t.call('companies.update', { id: cog.id, custom: { vatNumber: null } })).custom).toEqual({ staff: 3 });
    expect((await t.call('companies.update', { id: acme.id, notes: 'Pays on time' })).custom).toEqual(acme.custom);

    expect((await t.call('companies.list', { limit: 50 })).items.map((c) => [c.name, c.custom])).toEqual([
      ['Acme', acme.custom],
      ['Bolt', { staff: 40, sector: trade!.id }],
      ['Cog', { staff: 3 }],
    ]);
    const filtered = await t.call('companies.list', { limit: 50, custom: [{ key: 'staff', op: 'between', min: 10 }] });
    expect([filtered.items.map((c) => c.name), filtered.total]).toEqual([['Acme', 'Bolt'], 2]);
    expect(await names({ custom: [{ key: 'sector', op: 'anyOf', values: ['Trade'] }] })).toEqual(['Bolt']);
    expect(await names({ custom: [{ key: 'vatNumber', op: 'contains', value: 'gb' }] })).toEqual(['Acme']);
    expect(await names({ custom: [{ key: 'vatNumber', op: 'empty' }, { key: 'staff', op: 'between', max: 5 }] })).toEqual(['Cog']);
    expect(await names({ custom: [{ key: 'tradeAccount', op: 'equals', value: false }] })).toEqual(['Bolt', 'Cog']);
    expect(await names({ sortCustom: { key: 'staff', direction: 'desc' } })).toEqual(['Bolt', 'Acme', 'Cog']);
    expect(await names({ sortCustom: { key: 'sector', direction: 'asc' } })).toEqual(['Acme', 'Bolt', 'Cog']);
    // Pages of one follow the cursor to the end, the company without a value last.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.call('companies.list', { limit: 1, sortCustom: { key: 'vatNumber', direction: 'asc' }, cursor });
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(['Acme', 'Bolt', 'Cog']);
    // Trash keeps its own list; a company restored keeps its values.
    await t.call('companies.delete', { id: acme.id });
    expect(await names({ sortCustom: { key: 'staff', direction: 'asc' } })).toEqual(['Cog', 'Bolt']);
    expect(await names({ trashed: true, custom: [{ key: 'vatNumber', op: 'notEmpty' }] })).toEqual(['Acme']);
    expect((await t.call('companies.restore', { id: acme.id })).custom).toEqual(acme.custom);
    expect(vat.recordType).toBe('company');
  });

  it('fills defaults, demands required fields and names the field when refusing', async () => {
    await field('Account number', 'text', { required: true });
    await field('Terms (days)', 'number', { defaultValue: 30 });
    const missing = await t.fail('companies.create', { name: 'Acme' });
    expect(missing).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'custom.accountNumber', message: 'Account number: fill this in' }] });
    expect((await t.call('companies.list', { limit: 10 })).total).toBe(0);
    const acme = await t.call('companies.create', { name: 'Acme', custom: { accountNumber: 'A-1' } });
    expect(acme.custom).toEqual({ accountNumber: 'A-1', termsDays: 30 });
    expect((await t.fail('companies.update', { id: acme.id, custom: { termsDays: 'soon' } })).issues).toEqual([{ path: 'custom.termsDays', message: 'Terms (days): enter a number' }]);
    expect((await t.fail('companies.update', { id: acme.id, custom: { colour: 'red' } })).issues).toEqual([{ path: 'custom.colour', message: 'There is no field called "colour"' }]);
    expect((await t.fail('companies.list', { limit: 10, custom: [{ key: 'colour', op: 'empty' }] })).issues).toEqual([{ path: 'custom.colour', message: 'No custom field called "colour"' }]);
    // A contact field of the same key is not a company field.
    await t.call('fields.create', { recordType: 'contact', label: 'Colour', type: 'text' });
    expect((await t.fail('companies.create', { name: 'Bolt', custom: { accountNumber: 'B', colour: 'red' } })).issues).toEqual([{ path: 'custom.colour', message: 'There is no field called "colour"' }]);
  });
});
