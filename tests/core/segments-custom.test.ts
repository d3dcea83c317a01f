// Custom fields in saved segments and in Trash (issue #19): a segment with a custom condition counts and lists the
// contacts it should, a stale one (its field deleted) counts nobody instead of breaking the list; a record deleted
// for good takes its custom values (and links to it) with it, one restored from Trash keeps them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { expectStoreConsistent } from './trash-helpers';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const valuesOf = (recordId: string) => t.core.store.db.selectFrom('custom_values').select(['field_id', 'text_value', 'num_value']).where('record_id', '=', recordId).execute();

describe('segments with custom conditions', () => {
  it('count and list the contacts matching them, with the built-in conditions', async () => {
    await t.call('fields.create', { recordType: 'contact', label: 'Boiler', type: 'choice', options: [{ label: 'Combi' }, { label: 'System' }] });
    const serviced = await t.call('fields.create', { recordType: 'contact', label: 'Last service', type: 'date' });
    const people = [
      { firstName: 'Ann', emailOptIn: true, custom: { boiler: 'Combi', lastService: '2025-03-01' } },
      { firstName: 'Bob', emailOptIn: false, custom: { boiler: 'Combi', lastService: '2026-09-01' } },
      { firstName: 'Cy', emailOptIn: true, custom: { boiler: 'System', lastService: '2024-01-10' } },
      { firstName: 'Di', emailOptIn: true },
    ];
    const ids: Record<string, string> = {};
    for (const p of people) ids[p.firstName] = (await t.call('contacts.create', p)).id;
    const due = { custom: [{ key: 'boiler', op: 'anyOf' as const, values: ['Combi'] }, { key: 'lastService', op: 'between' as const, max: '2025-12-31' }] };
    const segment = await t.call('segments.create', { name: 'Combi service due', filter: due });
    expect(segment).toMatchObject({ count: 1, filter: due });
    expect(await t.call('segments.count', { filter: { custom: [{ key: 'boiler', op: 'notEmpty' }], emailOptIn: true } })).toEqual({ count: 2 });
    expect(await t.call('segments.count', { filter: { custom: [{ key: 'lastService', op: 'empty' }] } })).toEqual({ count: 1 });
    // The contacts list applies the saved filter as it is stored.
    const listed = await t.call('contacts.list', { ...segment.filter, limit: 10 });
    expect([listed.items.map((c) => c.firstName), listed.total]).toEqual([['Ann'], 1]);
    // Counts are live: a value changed moves a contact in or out.
    await t.call('contacts.update', { id: ids.Bob!, custom: { lastService: '2025-06-01' } });
    expect((await t.call('segments.list', {})).items.map((s) => [s.name, s.count])).toEqual([['Combi service due', 2]]);

    // A segment on an unknown field is refused when saved; one whose field went to Trash counts nobody.
    expect((await t.fail('segments.create', { name: 'Bad', filter: { custom: [{ key: 'colour', op: 'empty' }] } })).issues).toEqual([
      { path: 'custom.colour', message: 'No custom field called "colour"' },
    ]);
    await t.call('fields.delete', { id: serviced.id });
    expect((await t.call('segments.list', {})).items.map((s) => [s.name, s.count])).toEqual([['Combi service due', 0]]);
    await t.call('fields.restore', { id: serviced.id });
    expect((await t.call('segments.list', {})).items.map((s) => [s.name, s.count])).toEqual([['Combi service due', 2]]);
  });
});

describe('custom values in Trash', () => {
  it('stay with a contact restored from Trash and go with one deleted for good, links to it included', async () => {
    await t.call('fields.create', { recordType: 'contact', label: 'Gate code', type: 'text' });
    await t.call('fields.create', { recordType: 'contact', label: 'Referred by', type: 'contactLink' });
    await t.call('fields.create', { recordType: 'company', label: 'Main contact', type: 'contactLink' });
    const ann = await t.call('contacts.create', { firstName: 'Ann', custom: { gateCode: '1234' } });
    const bob = await t.call('contacts.create', { firstName: 'Bob', custom: { gateCode: '9', referredBy: ann.id } });
    const acme = await t.call('companies.create', { name: 'Acme', custom: { mainContact: ann.id } });

    await t.call('contacts.delete', { id: ann.id });
    expect((await t.call('contacts.restore', { id: ann.id })).custom).toEqual({ gateCode: '1234' });
    await t.call('contacts.delete', { id: ann.id });
    await t.call('trash.restoreAll', { kind: 'contact' });
    expect((await t.call('contacts.get', { id: ann.id })).custom).toEqual({ gateCode: '1234' });

    await t.call('contacts.delete', { id: ann.id });
    await t.call('trash.purge', { items: [{ kind: 'contact', id: ann.id }] });
    expect(await valuesOf(ann.id)).toEqual([]);
    // Bob keeps his own value; the links to Ann (a contact's and a company's) are gone with her.
    expect((await t.call('contacts.get', { id: bob.id })).custom).toEqual({ gateCode: '9' });
    expect((await t.call('companies.get', { id: acme.id })).custom).toEqual({});

    // Everything in Trash at once: a company's values go too.
    await t.call('companies.update', { id: acme.id, custom: { mainContact: bob.id } });
    await t.call('companies.delete', { id: acme.id });
    expect(await valuesOf(acme.id)).toHaveLength(1);
    await t.call('trash.purge', { all: true });
    expect(await valuesOf(acme.id)).toEqual([]);
    expect(await valuesOf(bob.id)).toHaveLength(1);
    expectStoreConsistent(t.core.store.sqlite);
  });
});
