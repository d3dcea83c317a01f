// search.global finds contacts, companies and jobs by the values of their text-like custom fields (issue #19):
// "4417" finds the contact whose Gate code is "4417#", case and accents folded, after names that start with what
// was typed and before everything else; numbers, choices, archived and deleted fields and the Trash are left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldRecordType } from '../../shared/domain/custom-fields';
import { saveCustom } from '../../electron/core/fields/record-custom';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const field = (recordType: FieldRecordType, label: string, type: string) => t.call('fields.create', { recordType, label, type } as never);
/** Values written the way the record channels write them (their own tests cover those channels). */
const give = (recordType: FieldRecordType, id: string, values: Record<string, unknown>) =>
  t.core.store.db.transaction().execute((trx) => saveCustom(trx, recordType, id, values, { partial: true }));
const search = async (query: string) => (await t.call('search.global', { query })).items;

describe('search.global and custom fields', () => {
  it('finds a contact, a company and a job by a fragment of a text-like value, naming the field', async () => {
    await field('contact', 'Gate code', 'text');
    await field('company', 'VAT number', 'text');
    await field('job', 'Site notes', 'longText');
    const maya = await t.call('contacts.create', { firstName: 'Maya' });
    const co = await t.call('companies.create', { name: 'Okafor Kitchens' });
    const job = await t.call('jobs.create', { title: 'Refit', contactId: maya.id });
    await give('contact', maya.id, { gateCode: '4417#' });
    await give('company', co.id, { vatNumber: 'GB 123 4417 00' });
    await give('job', job.id, { siteNotes: 'Side gate, code changes to 4417 in May' });

    const hits = await search('4417');
    expect(hits.map((h) => [h.type, h.title, h.subtitle])).toEqual([
      ['contact', 'Maya', 'Gate code: 4417#'], // the value starts with it
      ['company', 'Okafor Kitchens', 'VAT number: GB 123 4417 00'],
      ['job', 'Refit', 'Site notes: Side gate, code changes to 4417 in May'],
    ]);
    expect(hits[2]!.contactId).toBe(maya.id);
    expect((await search('gb 123')).map((h) => h.title)).toEqual(['Okafor Kitchens']);
  });

  it('folds case and accents, and keeps names that start with the query first', async () => {
    await field('contact', 'Referred by', 'text');
    const ann = await t.call('contacts.create', { firstName: 'Ann' });
    const zoe = await t.call('contacts.create', { firstName: 'Zoë', lastName: 'Renée' });
    await give('contact', ann.id, { referredBy: 'ZOË at the café' });
    expect((await search('zoe')).map((h) => h.title)).toEqual(['Zoë Renée', 'Ann']);
    expect((await search('CAFE')).map((h) => [h.title, h.subtitle])).toEqual([['Ann', 'Referred by: ZOË at the café']]);
    await give('contact', zoe.id, { referredBy: 'Zoë herself' });
    expect((await search('zoe')).map((h) => h.title)).toEqual(['Zoë Renée', 'Ann']); // one hit per record
  });

  it('leaves out numbers, choices, archived and deleted fields, and records in the Trash', async () => {
    await field('contact', 'Gate code', 'text');
    const visits = await field('contact', 'Visits', 'number');
    const old = await field('contact', 'Old code', 'text');
    const gone = await field('contact', 'Gone code', 'text');
    const a = await t.call('contacts.create', { firstName: 'Ann' });
    const b = await t.call('contacts.create', { firstName: 'Bob' });
    await give('contact', a.id, { visits: 4417, oldCode: '4417', goneCode: '4417' });
    await give('contact', b.id, { gateCode: '4417' });
    expect(visits.type).toBe('number');
    await t.call('fields.archive', { id: old.id, archived: true });
    await t.call('fields.delete', { id: gone.id });
    expect((await search('4417')).map((h) => h.title)).toEqual(['Bob']);
    await t.call('contacts.delete', { id: b.id });
    expect(await search('4417')).toEqual([]);
  });

  it('treats what was typed as text: % and _ match only themselves', async () => {
    await field('contact', 'Gate code', 'text');
    const a = await t.call('contacts.create', { firstName: 'Ann' });
    const b = await t.call('contacts.create', { firstName: 'Bob' });
    await give('contact', a.id, { gateCode: '50% off_now' });
    await give('contact', b.id, { gateCode: '500 offXnow' });
    expect((await search('50% off_')).map((h) => h.title)).toEqual(['Ann']);
  });
});
