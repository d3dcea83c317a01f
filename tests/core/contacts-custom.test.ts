// Custom fields on contacts (issue #19) through the real dispatcher: every field type from contacts.create to get,
// update, a list filter and a sort; required fields and defaults; refusals naming the field; paging, Trash and
// archived fields; the definitions kept between calls following field changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomFilter, CustomValue, FieldDefinition, FieldType } from '../../shared/domain/custom-fields';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const field = (label: string, type: FieldType, extra: Record<string, unknown> = {}) => t.call('fields.create', { recordType: 'contact', label, type, ...extra } as never);
type ListInput = Parameters<typeof t.call<'contacts.list'>>[1];
const names = async (input: Partial<ListInput>) => (await t.call('contacts.list', { tag: 'T', limit: 50, ...input } as ListInput)).items.map((c) => c.firstName);

/** A condition without its key (the sample's field gives it). */
type Condition = CustomFilter extends infer F ? (F extends CustomFilter ? Omit<F, 'key'> : never) : never;

interface Sample {
  type: FieldType;
  extra?: Record<string, unknown>;
  /** What Ann and Bob are given (as a person or an import would type it). */
  a: unknown;
  b: unknown;
  /** What the wire gives back for a given value, when not the value itself. */
  wire?: (raw: unknown, def: FieldDefinition) => CustomValue;
  /** Conditions and who they match (Ann has `a`, Bob `b`, Cy nothing). */
  filters: [Condition, string[]][];
  /** Ascending order by the field, Cy (no value) last. */
  asc: string[];
}

const optionIds = (def: FieldDefinition, labels: string[]) => def.options.filter((o) => labels.some((l) => l.toLowerCase() === o.label.toLowerCase())).map((o) => o.id);

describe('every field type on a contact', () => {
  it('round-trips through create, get, update, a list filter and a sort', async () => {
    const one = await t.call('contacts.create', { firstName: 'Linked one' });
    const two = await t.call('contacts.create', { firstName: 'Linked two' });
    const acme = await t.call('companies.create', { name: 'Acme' });
    const zeta = await t.call('companies.create', { name: 'Zeta' });
    const byId = (x: string, y: string) => (x < y ? ['Ann', 'Bob'] : ['Bob', 'Ann']);
    const samples: Sample[] = [
      {
        type: 'text', a: ' Blue  door ', b: 'Red gate', wire: (raw) => String(raw).trim().replace(/\s+/g, ' '),
        filters: [[{ op: 'equals', value: 'blue DOOR' }, ['Ann']], [{ op: 'contains', value: 'gate' }, ['Bob']], [{ op: 'empty' }, ['Cy']]], asc: ['Ann', 'Bob'],
      },
      { type: 'longText', a: 'Line one\nLine two', b: 'Zebra notes', filters: [[{ op: 'contains', value: 'line two' }, ['Ann']], [{ op: 'notEmpty' }, ['Ann', 'Bob']]], asc: ['Ann', 'Bob'] },
      {
        type: 'number', a: 3, b: '1,000', wire: (raw) => (typeof raw === 'string' ? Number(raw.replace(/,/g, '')) : (raw as number)),
        filters: [[{ op: 'between', min: 4 }, ['Bob']], [{ op: 'equals', value: 3 }, ['Ann']]], asc: ['Ann', 'Bob'],
      },
      { type: 'money', extra: { currency: 'GBP' }, a: 5000, b: 250000, filters: [[{ op: 'between', min: 10000, max: 300000 }, ['Bob']]], asc: ['Ann', 'Bob'] },
      { type: 'date', a: '2027-01-15', b: '2026-06-01', filters: [[{ op: 'between', min: '2026-12-01' }, ['Ann']], [{ op: 'equals', value: '2026-06-01' }, ['Bob']]], asc: ['Bob', 'Ann'] },
      {
        type: 'dateTime', a: '2026-06-01T09:30:00.000Z', b: '2026-06-02T10:00:00+01:00', wire: (raw) => new Date(raw as string).toISOString(),
        filters: [[{ op: 'between', max: '2026-06-01' }, ['Ann']], [{ op: 'between', min: '2026-06-02' }, ['Bob']]], asc: ['Ann', 'Bob'],
      },
      { type: 'boolean', a: true, b: false, filters: [[{ op: 'equals', value: true }, ['Ann']], [{ op: 'equals', value: false }, ['Bob', 'Cy']]], asc: ['Bob', 'Ann'] },
      {
        type: 'choice', extra: { options: [{ label: 'Small' }, { label: 'Large' }] }, a: 'Large', b: 'small', wire: (raw, def) => optionIds(def, [raw as string])[0]!,
        filters: [[{ op: 'equals', value: 'large' }, ['Ann']], [{ op: 'anyOf', values: ['Small', 'Large'] }, ['Ann', 'Bob']]], asc: ['Ann', 'Bob'],
      },
      {
        // Several choices come back in the field's own option order.
        type: 'choices', extra: { options: [{ label: 'Kitchen' }, { label: 'Bath' }, { label: 'Hall' }] }, a: ['Hall', 'kitchen'], b: ['Bath'], wire: (raw, def) => optionIds(def, raw as string[]),
        filters: [[{ op: 'anyOf', values: ['Bath'] }, ['Bob']], [{ op: 'anyOf', values: ['Hall', 'Kitchen'] }, ['Ann']]], asc: ['Bob', 'Ann'],
      },
      {
        type: 'url', a: 'example.com/a', b: 'https://zeta.org', wire: (raw) => (String(raw).startsWith('https://') ? String(raw) : `https://${String(raw)}`),
        filters: [[{ op: 'contains', value: 'example' }, ['Ann']]], asc: ['Ann', 'Bob'],
      },
      { type: 'email', a: 'ann@example.com', b: 'bob@zeta.org', filters: [[{ op: 'equals', value: 'ANN@example.com' }, ['Ann']]], asc: ['Ann', 'Bob'] },
      { type: 'phone', a: '+44 7700 900123', b: '01632 960001', filters: [[{ op: 'contains', value: '7700' }, ['Ann']]], asc: ['Ann', 'Bob'] },
      { type: 'contactLink', a: one.id, b: two.id, filters: [[{ op: 'equals', value: two.id }, ['Bob']]], asc: byId(one.id, two.id) },
      { type: 'companyLink', a: acme.id, b: zeta.id, filters: [[{ op: 'equals', value: acme.id }, ['Ann']]], asc: byId(acme.id, zeta.id) },
    ];
    const defs: FieldDefinition[] = [];
    for (const s of samples) defs.push(await field(`My ${s.type}`, s.type, s.extra));
    const input = (pick: 'a' | 'b') => Object.fromEntries(samples.map((s, i) => [defs[i]!.key, s[pick]])) as Record<string, CustomValue>;
    const stored = (pick: 'a' | 'b') => Object.fromEntries(samples.map((s, i) => [defs[i]!.key, s.wire ? s.wire(s[pick], defs[i]!) : s[pick]]));

    const ann = await t.call('contacts.create', { firstName: 'Ann', tags: ['T'], custom: input('a') });
    expect(ann.custom).toEqual(stored('a'));
    expect((await t.call('contacts.get', { id: ann.id })).custom).toEqual(stored('a'));
    const bob = await t.call('contacts.create', { firstName: 'Bob', tags: ['T'] });
    expect(bob.custom).toEqual({});
    const cy = await t.call('contacts.create', { firstName: 'Cy', tags: ['T'] });
    const updated = await t.call('contacts.update', { id: bob.id, custom: input('b') });
    expect(updated.custom).toEqual(stored('b'));
    expect((await t.call('contacts.get', { id: bob.id })).custom).toEqual(stored('b'));
    expect((await t.call('contacts.get', { id: cy.id })).custom).toEqual({});

    const listed = await t.call('contacts.list', { tag: 'T', limit: 50 });
    expect(listed.items.map((c) => [c.firstName, c.custom])).toEqual([['Ann', stored('a')], ['Bob', stored('b')], ['Cy', {}]]);
    for (const [i, s] of samples.entries()) {
      const key = defs[i]!.key;
      for (const [filter, who] of s.filters) {
        const result = await t.call('contacts.list', { tag: 'T', limit: 50, custom: [{ ...filter, key } as CustomFilter] });
        expect([s.type, filter, result.items.map((c) => c.firstName), result.total]).toEqual([s.type, filter, who, who.length]);
      }
      expect([s.type, await names({ sortCustom: { key, direction: 'asc' } })]).toEqual([s.type, [...s.asc, 'Cy']]);
      expect([s.type, await names({ sortCustom: { key, direction: 'desc' } })]).toEqual([s.type, [...[...s.asc].reverse(), 'Cy']]);
    }

    // An update changes only the keys sent; null clears one; no `custom` leaves them all.
    const numberKey = defs[2]!.key;
    const textKey = defs[0]!.key;
    const partial = await t.call('contacts.update', { id: ann.id, custom: { [numberKey]: 7, [textKey]: null } });
    const { [textKey]: _cleared, ...rest } = stored('a');
    expect(partial.custom).toEqual({ ...rest, [numberKey]: 7 });
    expect((await t.call('contacts.update', { id: ann.id, jobTitle: 'Chef' })).custom).toEqual({ ...rest, [numberKey]: 7 });
  });
});

describe('required fields, defaults and refusals', () => {
  it('fills defaults and demands required fields on create; checks only the keys sent on update', async () => {
    await field('Gate code', 'text', { required: true });
    await field('Source', 'choice', { options: [{ label: 'Website' }, { label: 'Phone' }], defaultValue: 'Website' });
    const source = (await t.call('fields.list', { recordType: 'contact' })).items[1]!;
    const [website, phone] = source.options;

    const missing = await t.fail('contacts.create', { firstName: 'Ann' });
    expect(missing).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'custom.gateCode', message: 'Gate code: fill this in' }] });
    expect((await t.call('contacts.list', { limit: 10 })).total).toBe(0);

    const ann = await t.call('contacts.create', { firstName: 'Ann', custom: { gateCode: '1234' } });
    expect(ann.custom).toEqual({ gateCode: '1234', source: website!.id });
    expect((await t.call('contacts.update', { id: ann.id, custom: { source: 'phone' } })).custom).toEqual({ gateCode: '1234', source: phone!.id });
    expect((await t.call('contacts.update', { id: ann.id, lastName: 'Lee' })).custom).toEqual({ gateCode: '1234', source: phone!.id });
    expect((await t.fail('contacts.update', { id: ann.id, custom: { gateCode: '' } })).issues).toEqual([{ path: 'custom.gateCode', message: 'Gate code: fill this in' }]);
    // A refused update changes nothing, the built-in fields sent with it included.
    expect(await t.fail('contacts.update', { id: ann.id, firstName: 'Anne', custom: { gateCode: null } })).toMatchObject({ code: 'VALIDATION' });
    expect(await t.call('contacts.get', { id: ann.id })).toMatchObject({ firstName: 'Ann', custom: { gateCode: '1234' } });
  });

  it('refuses an unknown key and a wrong value, naming the field, in the app words', async () => {
    await field('Visits', 'number');
    await field('Wedding day', 'date');
    expect(await t.fail('contacts.create', { firstName: 'Ann', custom: { nope: 1 } })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'custom.nope', message: 'There is no field called "nope"' }],
    });
    const wrong = await t.fail('contacts.create', { firstName: 'Ann', custom: { visits: 'lots', weddingDay: '31/02/2026' } });
    expect(wrong.issues).toEqual([
      { path: 'custom.visits', message: 'Visits: enter a number' },
      { path: 'custom.weddingDay', message: 'Wedding day: enter a date (year-month-day)' },
    ]);
    const ann = await t.call('contacts.create', { firstName: 'Ann' });
    expect((await t.fail('contacts.update', { id: ann.id, custom: { visits: true } })).issues).toEqual([{ path: 'custom.visits', message: 'Visits: enter a number' }]);
    // The list's conditions and sort name the field too.
    expect((await t.fail('contacts.list', { limit: 10, custom: [{ key: 'gone', op: 'empty' }] })).issues).toEqual([{ path: 'custom.gone', message: 'No custom field called "gone"' }]);
    expect((await t.fail('contacts.list', { limit: 10, custom: [{ key: 'visits', op: 'contains', value: '1' }] })).issues).toEqual([
      { path: 'custom.visits', message: 'Visits: only text can be searched for words' },
    ]);
    expect((await t.fail('contacts.list', { limit: 10, sortCustom: { key: 'gone', direction: 'asc' } })).issues).toEqual([{ path: 'sortCustom.key', message: 'No custom field called "gone"' }]);
  });
});

describe('lists by a custom field', () => {
  it('pages a sort with its cursor, counts the total, keeps Trash apart and still uses an archived field', async () => {
    const visits = await field('Visits', 'number');
    const values = [5, null, 2, 9, null, 2, 7];
    const ids: string[] = [];
    for (const [i, v] of values.entries()) {
      ids.push((await t.call('contacts.create', { firstName: `P${i}`, custom: v === null ? {} : { visits: v } })).id);
    }
    await t.call('contacts.delete', { id: ids[3]! });
    await t.call('fields.archive', { id: visits.id, archived: true });
    const walk = async (direction: 'asc' | 'desc', trashed = false) => {
      const seen: string[] = [];
      const totals = new Set<number>();
      let cursor: string | undefined;
      do {
        const page = await t.call('contacts.list', { limit: 2, sortCustom: { key: 'visits', direction }, trashed, cursor });
        seen.push(...page.items.map((c) => `${c.firstName}:${String(c.custom.visits ?? '-')}`));
        totals.add(page.total);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && seen.length < 20);
      return { seen, totals: [...totals] };
    };
    // Equal values in id order; those without one last, in id order (ascending) or reversed (descending).
    const noValue = [`P1:-`, `P4:-`];
    expect(await walk('asc')).toEqual({ seen: ['P2:2', 'P5:2', 'P0:5', 'P6:7', ...noValue], totals: [6] });
    expect((await walk('desc')).seen).toEqual(['P6:7', 'P0:5', 'P5:2', 'P2:2', ...[...noValue].reverse()]);
    expect(await walk('asc', true)).toEqual({ seen: ['P3:9'], totals: [1] });
    // A condition's total leaves out the contact in Trash that meets it.
    const withVisits = await t.call('contacts.list', { limit: 10, custom: [{ key: 'visits', op: 'notEmpty' }] });
    expect([withVisits.items.map((c) => c.firstName), withVisits.total]).toEqual([['P0', 'P2', 'P5', 'P6'], 4]);
    expect((await t.call('segments.count', { filter: { custom: [{ key: 'visits', op: 'between', min: 6 }] } })).count).toBe(1);
    // The scrolled list's random access lands on the same rows as the cursor walk.
    const at = await t.call('contacts.list', { limit: 2, sortCustom: { key: 'visits', direction: 'asc' }, offset: 3 });
    expect(at.items.map((c) => c.firstName)).toEqual(['P6', 'P1']);
    // Archived fields still filter, combined with the built-in filters.
    const filtered = await t.call('contacts.list', { limit: 10, query: 'P5', custom: [{ key: 'visits', op: 'between', max: 2 }] });
    expect([filtered.items.map((c) => c.firstName), filtered.total]).toEqual([['P5'], 1]);
  });

  it('follows field changes made after a list was read (the definitions kept between calls are dropped)', async () => {
    const ann = await t.call('contacts.create', { firstName: 'Ann' });
    expect((await t.call('contacts.list', { limit: 10 })).items[0]!.custom).toEqual({});
    await field('Gate code', 'text');
    expect((await t.call('contacts.update', { id: ann.id, custom: { gateCode: '1234' } })).custom).toEqual({ gateCode: '1234' });
    expect((await t.call('contacts.list', { limit: 10 })).items[0]!.custom).toEqual({ gateCode: '1234' });
    const [gate] = (await t.call('fields.list', { recordType: 'contact' })).items;
    await t.call('fields.delete', { id: gate!.id });
    expect((await t.call('contacts.list', { limit: 10 })).items[0]!.custom).toEqual({});
    expect((await t.call('contacts.get', { id: ann.id })).custom).toEqual({});
    expect((await t.fail('contacts.update', { id: ann.id, custom: { gateCode: '1' } })).issues).toEqual([{ path: 'custom.gateCode', message: 'There is no field called "gateCode"' }]);
  });
});
