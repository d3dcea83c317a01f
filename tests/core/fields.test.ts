// Custom fields (issue #19) on a real store through the core: definitions, every type's round trip through the
// repo, the list filter and sort fragments run against real contacts, renames, type changes and Trash.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomFilter, CustomValue, FieldDefinition, FieldType } from '../../shared/domain/custom-fields';
import { deleteCustomForRecords, purgeFields, readCustom, writeCustom } from '../../electron/db/fields.repo';
import { customFilterSql, customOrderBy, customSortedPage, customSortSql } from '../../electron/db/fields.query.repo';
import { parseCustom, saveCustom } from '../../electron/core/fields/record-custom';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const db = () => t.core.store.db;
const field = (label: string, type: FieldType, extra: Record<string, unknown> = {}) => t.call('fields.create', { recordType: 'contact', label, type, ...extra } as never);
const contact = async (firstName: string) => (await t.call('contacts.create', { firstName })).id;
const defs = async () => (await t.call('fields.list', { recordType: 'contact', includeArchived: true })).items;

async function matching(def: FieldDefinition, filter: CustomFilter): Promise<string[]> {
  const rows = await sql<{ first_name: string }>`SELECT c.first_name FROM contacts c WHERE c.deleted_at IS NULL AND ${customFilterSql(def, filter, 'c.id')} ORDER BY c.first_name`.execute(db());
  return rows.rows.map((r) => r.first_name);
}

describe('field definitions', () => {
  it('makes a stable camelCase key from the label, unique per record type, kept when the label changes', async () => {
    const a = await field('Gate code', 'text');
    const b = await field('Gate code', 'text');
    const company = await t.call('fields.create', { recordType: 'company', label: 'Gate code', type: 'text' });
    expect([a.key, b.key, company.key]).toEqual(['gateCode', 'gateCode2', 'gateCode']);
    const renamed = await t.call('fields.update', { id: a.id, label: 'Door code' });
    expect(renamed.field).toMatchObject({ key: 'gateCode', label: 'Door code' });
  });

  it('refuses a money field without a currency and a choice field without choices, in the app words', async () => {
    expect((await t.fail('fields.create', { recordType: 'contact', label: 'Budget', type: 'money' })).issues).toEqual([{ path: 'currency', message: 'Choose the currency for this money field' }]);
    expect((await t.fail('fields.create', { recordType: 'contact', label: 'Size', type: 'choice' })).issues?.[0]?.path).toBe('options');
    expect((await t.fail('fields.create', { recordType: 'contact', label: 'Age', type: 'number', defaultValue: 'old' })).issues).toEqual([{ path: 'defaultValue', message: 'enter a number' }]);
  });

  it('reorders, archives and lists archived only when asked', async () => {
    const a = await field('A', 'text');
    const b = await field('B', 'text');
    const c = await field('C', 'text');
    expect((await t.call('fields.reorder', { recordType: 'contact', ids: [c.id, a.id] })).items.map((f) => f.label)).toEqual(['C', 'A', 'B']);
    await t.call('fields.archive', { id: b.id, archived: true });
    expect((await t.call('fields.list', { recordType: 'contact' })).items.map((f) => f.label)).toEqual(['C', 'A']);
    expect((await defs()).map((f) => f.label)).toEqual(['C', 'A', 'B']);
  });
});

describe('values', () => {
  it('round-trips every type through write and read', async () => {
    const choice = await field('Size', 'choice', { options: [{ label: 'Small' }, { label: 'Large' }] });
    const choices = await field('Rooms', 'choices', { options: [{ label: 'Kitchen' }, { label: 'Bath' }, { label: 'Hall' }] });
    const other = await contact('Linked');
    const samples: [FieldType, CustomValue, Record<string, unknown>?][] = [
      ['text', 'Blue door'], ['longText', 'Line one\nLine two'], ['number', 12.5], ['money', 125050, { currency: 'GBP' }], ['date', '2026-06-01'],
      ['dateTime', '2026-06-01T09:30:00.000Z'], ['boolean', true], ['url', 'https://example.com/a'], ['email', 'a@example.com'], ['phone', '+44 7700 900123'],
      ['contactLink', other], ['companyLink', '0190a7e4-0000-7000-8000-000000000001'],
    ];
    const id = await contact('Ann');
    const expected: Record<string, CustomValue> = {};
    for (const [i, [type, value, extra]] of samples.entries()) {
      const def = await field(`Field ${i}`, type, extra);
      expected[def.key] = value;
    }
    expected[choice.key] = choice.options[1]!.id;
    expected[choices.key] = [choices.options[0]!.id, choices.options[2]!.id];
    const all = await defs();
    await db().transaction().execute((trx) => writeCustom(trx, all, id, expected));
    const read = (await readCustom(db(), 'contact', [id, other])).get(id);
    expect(read).toEqual(expected);
    expect((await readCustom(db(), 'contact', [other])).get(other)).toEqual({});
    // A label typed for a choice is stored as its option id (imports name choices by label).
    expect(parseCustom(all, { [choice.key]: 'small', [choices.key]: ['Hall', 'kitchen'] }, { partial: true })).toEqual({ [choice.key]: choice.options[0]!.id, [choices.key]: [choices.options[0]!.id, choices.options[2]!.id] });
  });

  it('applies defaults and checks required fields on create, only sent keys on update', async () => {
    const gate = await field('Gate code', 'text', { required: true });
    const source = await field('Source', 'text', { defaultValue: 'Website' });
    const all = await defs();
    expect(() => parseCustom(all, {}, { partial: false })).toThrow('Gate code: fill this in');
    expect(parseCustom(all, { gateCode: '1234' }, { partial: false })).toEqual({ [gate.key]: '1234', [source.key]: 'Website' });
    expect(parseCustom(all, { source: 'Phone' }, { partial: true })).toEqual({ source: 'Phone' });
    expect(() => parseCustom(all, { gateCode: '' }, { partial: true })).toThrow('Gate code: fill this in');
    expect(() => parseCustom(all, { nope: 1 }, { partial: true })).toThrow('There is no field called "nope"');
  });

  it('keeps values when the field is renamed and when an option is renamed; a removed option is archived, its values kept', async () => {
    const size = await field('Size', 'choice', { options: [{ label: 'Small' }, { label: 'Large' }] });
    const id = await contact('Ann');
    await db().transaction().execute((trx) => saveCustom(trx, 'contact', id, { size: 'Large' }, { partial: true }));
    const [small, large] = size.options;
    await t.call('fields.update', { id: size.id, label: 'Kitchen size', options: [{ id: large!.id, label: 'Huge' }] });
    const after = (await defs())[0]!;
    expect(after.options).toEqual([{ id: large!.id, label: 'Huge', archived: false }, { id: small!.id, label: 'Small', archived: true }]);
    expect((await readCustom(db(), 'contact', [id])).get(id)).toEqual({ size: large!.id });
    expect(await matching(after, { key: 'size', op: 'equals', value: 'huge' })).toEqual(['Ann']);
  });
});

describe('filters and sort', () => {
  it('return the right contacts for each operator', async () => {
    const code = await field('Gate code', 'text');
    const visits = await field('Visits', 'number');
    const budget = await field('Budget', 'money', { currency: 'GBP' });
    const wed = await field('Wedding', 'date');
    const vip = await field('VIP', 'boolean');
    const rooms = await field('Rooms', 'choices', { options: [{ label: 'Kitchen' }, { label: 'Bath' }] });
    const ids = { ann: await contact('Ann'), bob: await contact('Bob'), cy: await contact('Cy') };
    const save = (id: string, values: Record<string, unknown>) => db().transaction().execute((trx) => saveCustom(trx, 'contact', id, values, { partial: true }));
    await save(ids.ann, { gateCode: 'Blue Door 12', visits: 3, budget: 50000, wedding: '2026-06-01', vip: true, rooms: ['Kitchen', 'Bath'] });
    await save(ids.bob, { gateCode: 'Émile gate', visits: 10, budget: 250000, wedding: '2027-01-15', vip: false, rooms: ['Bath'] });
    expect(await matching(code, { key: 'gateCode', op: 'equals', value: 'blue door 12' })).toEqual(['Ann']);
    expect(await matching(code, { key: 'gateCode', op: 'contains', value: 'emile' })).toEqual(['Bob']);
    expect(await matching(code, { key: 'gateCode', op: 'contains', value: '%' })).toEqual([]);
    expect(await matching(code, { key: 'gateCode', op: 'empty' })).toEqual(['Cy']);
    expect(await matching(code, { key: 'gateCode', op: 'notEmpty' })).toEqual(['Ann', 'Bob']);
    expect(await matching(visits, { key: 'visits', op: 'between', min: 4 })).toEqual(['Bob']);
    expect(await matching(visits, { key: 'visits', op: 'equals', value: 3 })).toEqual(['Ann']);
    expect(await matching(budget, { key: 'budget', op: 'between', min: 10000, max: 100000 })).toEqual(['Ann']);
    expect(await matching(wed, { key: 'wedding', op: 'between', min: '2026-12-01' })).toEqual(['Bob']);
    expect(await matching(wed, { key: 'wedding', op: 'between', max: '2026-06-01' })).toEqual(['Ann']);
    expect(await matching(vip, { key: 'vip', op: 'equals', value: false })).toEqual(['Bob', 'Cy']);
    expect(await matching(rooms, { key: 'rooms', op: 'anyOf', values: ['Kitchen'] })).toEqual(['Ann']);
    expect(await matching(rooms, { key: 'rooms', op: 'anyOf', values: [rooms.options[1]!.id] })).toEqual(['Ann', 'Bob']);
    expect(() => customFilterSql(visits, { key: 'visits', op: 'contains', value: '1' }, 'c.id')).toThrow('Visits: only text can be searched for words');

    // Sort by visits, records without a value last in both directions: one statement, and keyset pages of one row.
    const sort = customSortSql(visits, 'c.id');
    for (const [direction, order] of [['asc', ['Ann', 'Bob', 'Cy']], ['desc', ['Bob', 'Ann', 'Cy']]] as const) {
      const whole = await sql<{ first_name: string }>`SELECT c.first_name FROM contacts c WHERE c.deleted_at IS NULL ORDER BY ${customOrderBy(sort, 'c.id', direction)}`.execute(db());
      expect(whole.rows.map((r) => r.first_name)).toEqual(order);
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page: { items: { id: string; first_name: string }[]; nextCursor: string | null } = await customSortedPage(db(), {
          def: visits, select: sql`c.id, c.first_name`, from: sql`contacts c`, recordRef: 'c.id', where: [sql`c.deleted_at IS NULL`], direction, limit: 1, cursor,
        });
        names.push(...page.items.map((r) => r.first_name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && names.length < 5);
      expect(names).toEqual(order);
      const two = await customSortedPage<{ id: string; first_name: string }>(db(), { def: code, select: sql`c.id, c.first_name`, from: sql`contacts c`, recordRef: 'c.id', where: [sql`c.deleted_at IS NULL`], direction, limit: 3 });
      expect(two.items.map((r) => r.first_name)).toEqual(direction === 'asc' ? ['Ann', 'Bob', 'Cy'] : ['Bob', 'Ann', 'Cy']);
    }
  });
});

describe('type changes and Trash', () => {
  it('text -> number previews, changes nothing without confirm, then converts "12" and keeps "twelve" in an archived field', async () => {
    const size = await field('Size', 'text');
    const a = await contact('Ann');
    const b = await contact('Bob');
    await db().transaction().execute(async (trx) => {
      await saveCustom(trx, 'contact', a, { size: '12' }, { partial: true });
      await saveCustom(trx, 'contact', b, { size: 'twelve' }, { partial: true });
    });
    const preview = await t.call('fields.update', { id: size.id, type: 'number' });
    expect(preview).toMatchObject({ applied: false, conversion: { converted: 1, failed: [{ recordId: b, value: 'twelve' }], keptIn: null } });
    expect((await defs())[0]!.type).toBe('text');
    const done = await t.call('fields.update', { id: size.id, type: 'number', confirm: true });
    expect(done).toMatchObject({ applied: true, field: { type: 'number', key: 'size' }, conversion: { converted: 1, keptIn: { label: 'Size (not converted)' } } });
    const values = await readCustom(db(), 'contact', [a, b]);
    expect(values.get(a)).toMatchObject({ size: 12 });
    expect(values.get(b)).toEqual({ sizeNotConverted: 'twelve' });
    expect((await t.call('backups.list', {})).items.map((x) => x.reason)).toContain('before-field-change');
  });

  it('number -> text always converts; text -> choice makes the options from the values', async () => {
    const n = await field('Visits', 'number');
    const s = await field('Colour', 'text');
    const a = await contact('Ann');
    await db().transaction().execute((trx) => saveCustom(trx, 'contact', a, { visits: 12.5, colour: 'Blue' }, { partial: true }));
    expect((await t.call('fields.update', { id: n.id, type: 'text', confirm: true })).conversion).toMatchObject({ converted: 1, failed: [] });
    const colour = (await t.call('fields.update', { id: s.id, type: 'choice', confirm: true })).field;
    expect(colour.options.map((o) => o.label)).toEqual(['Blue']);
    expect((await readCustom(db(), 'contact', [a])).get(a)).toEqual({ visits: '12.5', colour: colour.options[0]!.id });
  });

  it('delete sends the field to Trash with its values; restore brings both back; the key stays taken', async () => {
    const gate = await field('Gate code', 'text');
    const a = await contact('Ann');
    await db().transaction().execute((trx) => saveCustom(trx, 'contact', a, { gateCode: '1234' }, { partial: true }));
    const deleted = await t.call('fields.delete', { id: gate.id });
    expect(deleted).toMatchObject({ valueCount: 1, deletedAt: expect.any(String) });
    expect(await defs()).toEqual([]);
    expect((await t.call('fields.list', { recordType: 'contact', trashed: true })).items.map((f) => f.label)).toEqual(['Gate code']);
    expect((await readCustom(db(), 'contact', [a])).get(a)).toEqual({});
    expect((await field('Gate code', 'text')).key).toBe('gateCode2');
    await t.call('fields.restore', { id: gate.id });
    expect((await readCustom(db(), 'contact', [a])).get(a)).toMatchObject({ gateCode: '1234' });
    // Deleting for good only takes fields in Trash, and takes their values; a record deleted for good takes its own.
    expect(await purgeFields(db(), [gate.id])).toBe(0);
    await t.call('fields.delete', { id: gate.id });
    expect(await purgeFields(db(), [gate.id])).toBe(1);
    expect(await db().selectFrom('custom_values').select('record_id').where('field_id', '=', gate.id).execute()).toEqual([]);
    const other = await field('Colour', 'text');
    await db().transaction().execute((trx) => saveCustom(trx, 'contact', a, { colour: 'Red' }, { partial: true }));
    expect(await deleteCustomForRecords(db(), [a])).toBe(1);
    expect((await readCustom(db(), 'contact', [a], [other])).get(a)).toEqual({});
  });
});
