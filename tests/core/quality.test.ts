// The Data quality page's backend (issue #20) through the real dispatcher on a real SQLite file: each count on a
// planted set, the problem lines behind them, and each bulk fix previewed, applied and undone (an edit made after
// the fix survives its Undo).
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain/contact';
import { titleCaseName } from '../../electron/core/quality/checks';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let john: Contact, mary: Contact, ada: Contact, tom: Contact, bad: Contact, nobody: Contact;
const YEAR = 365.25 * 24 * 3600_000;

beforeEach(async () => {
  t = await openTestCore({ start: '2022-01-10T09:00:00.000Z' });
  const busy = await t.call('companies.create', { name: 'Busy Ltd' });
  await t.call('companies.create', { name: 'Empty Ltd' });
  john = await t.call('contacts.create', { firstName: 'JOHN', lastName: 'SMITH', phones: [{ value: '07700 900123' }], emails: [{ value: 'john@example.com' }] });
  mary = await t.call('contacts.create', { firstName: 'mary', lastName: "o'neil", phones: [{ value: '+44 7700 900456' }] });
  ada = await t.call('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', companyId: busy.id, phones: [{ value: '+447700900789' }], emails: [{ value: 'ada@example.com' }] });
  await t.call('contacts.create', { firstName: 'Angus', lastName: 'McDonald', addresses: [{ city: 'Inverness' }] });
  await t.call('contacts.create', { firstName: 'Pieter', lastName: 'van der Berg', emails: [{ value: 'pieter@example.nl' }] });
  tom = await t.call('contacts.create', { firstName: 'Tom', lastName: 'Jones', jobTitle: 'Chief  Engineer', emails: [{ value: 'tom@example.com' }] });
  bad = await t.call('contacts.create', { firstName: 'Bad', lastName: 'Phone', phones: [{ value: '12' }] });
  nobody = await t.call('contacts.create', { firstName: 'Nobody', lastName: 'Here' });
  // What only an import brings: an address with spaces around it and one that is no address.
  const emails = JSON.stringify([{ value: ' tom@example.com ' }, { value: 'tom(at)example' }]);
  await sql`UPDATE contacts SET emails = ${emails} WHERE id = ${tom.id}`.execute(t.core.store.db);
  // Four years on, Ada was called today: everyone else has not been touched for two years.
  t.clock.advance(4 * YEAR);
  await t.call('activities.create', { contactId: ada.id, type: 'call' });
  t.clock.advance(60_000);
});
afterEach(() => t.destroy());

const get = (c: Contact) => t.call('contacts.get', { id: c.id });

describe('quality.summary', () => {
  it('counts each check over the live contacts and companies', async () => {
    const summary = await t.call('quality.summary', { untouchedYears: 2 });
    expect(summary).toEqual({
      counts: { unreachable: 1, invalidPhone: 1, unnormalisedPhone: 2, invalidEmail: 1, nameCase: 2, extraSpaces: 1, companyNoPeople: 1, untouched: 7 },
      contacts: 8,
      companies: 2,
      defaultCountry: 'GB',
    });
    // Five years back, everyone was created after: nobody is untouched.
    expect((await t.call('quality.summary', { untouchedYears: 5 })).counts.untouched).toBe(0);
    // Read as American numbers, "07700 900123" is no number at all.
    const us = await t.call('quality.summary', { defaultCountry: 'US' });
    expect([us.counts.invalidPhone, us.counts.unnormalisedPhone, us.defaultCountry]).toEqual([2, 1, 'US']);
    // Two capitals that name no country are refused, in words, on the field.
    expect(await t.fail('quality.summary', { defaultCountry: 'ZZ' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'defaultCountry', message: 'Choose a country from the list' }] });
    // Trash is not counted.
    await t.call('contacts.delete', { id: nobody.id });
    expect((await t.call('quality.summary', {})).counts.unreachable).toBe(0);
  });
});

describe('quality.list', () => {
  it('lists the records behind a count by name, each with its problem in words', async () => {
    const list = (check: Parameters<typeof t.call<'quality.list'>>[1]['check']) => t.call('quality.list', { check }).then((l) => l.items.map((i) => `${i.displayName}: ${i.problem}`));
    expect(await list('unnormalisedPhone')).toEqual(['JOHN SMITH: phone 07700 900123 is not in international form', "mary o'neil: phone +44 7700 900456 is not in international form"]);
    expect(await list('invalidPhone')).toEqual(['Bad Phone: phone 12 is not a phone number']);
    expect(await list('nameCase')).toEqual(['JOHN SMITH: name in capitals: JOHN SMITH', "mary o'neil: name in lower case: mary o'neil"]);
    expect(await list('unreachable')).toEqual(['Nobody Here: no email, phone or address']);
    expect(await list('invalidEmail')).toEqual(['Tom Jones: email tom(at)example is not an email address']);
    expect(await list('extraSpaces')).toEqual(['Tom Jones: extra spaces in email “ tom@example.com ”, and 1 more']);
    expect(await list('companyNoPeople')).toEqual(['Empty Ltd: no people at this company']);
    const untouched = await t.call('quality.list', { check: 'untouched' });
    expect(untouched.total).toBe(7);
    expect(untouched.items[0]).toMatchObject({ displayName: 'Angus McDonald', kind: 'contact', problem: 'never contacted; added 10 January 2022' });
  });

  it('pages by cursor, for SQL checks and code checks alike', async () => {
    for (const check of ['untouched', 'nameCase'] as const) {
      const all = await t.call('quality.list', { check });
      const seen: string[] = [];
      for (let cursor: string | undefined, n = 0; n < 20; n++) {
        const page = await t.call('quality.list', { check, limit: 1, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(all.total);
        seen.push(...page.items.map((i) => i.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(all.items.map((i) => i.id));
    }
  });
});

describe('quality.fix and quality.undo', () => {
  it('title-cases names: preview changes nothing, apply keeps the display name and search right, undo spares a later edit', async () => {
    const preview = await t.call('quality.fix', { fix: 'titleCaseNames' });
    expect(preview).toEqual({
      count: 2,
      skipped: 0,
      undoId: null,
      samples: [
        { id: john.id, displayName: 'JOHN SMITH', before: 'JOHN SMITH', after: 'John Smith' },
        { id: mary.id, displayName: "mary o'neil", before: "mary o'neil", after: "Mary O'Neil" },
      ],
    });
    expect((await get(john)).displayName).toBe('JOHN SMITH');
    const done = await t.call('quality.fix', { fix: 'titleCaseNames', preview: false });
    expect(done.count).toBe(2);
    expect(t.events.some((e) => e.name === 'data.changed' && JSON.stringify(e.payload).includes(john.id))).toBe(true);
    expect((await get(john)).displayName).toBe('John Smith');
    expect((await t.call('contacts.list', { query: 'Smith' })).items.map((c) => c.displayName)).toEqual(['John Smith']);
    expect((await t.call('quality.summary', {})).counts.nameCase).toBe(0);
    t.clock.advance(1000);
    await t.call('contacts.update', { id: mary.id, jobTitle: 'Buyer' });
    t.clock.advance(1000);
    expect(await t.call('quality.undo', { undoId: done.undoId! })).toEqual({ count: 1, changedSince: 1 });
    expect((await get(john)).displayName).toBe('JOHN SMITH');
    expect(await get(mary)).toMatchObject({ displayName: "Mary O'Neil", jobTitle: 'Buyer' });
    expect((await t.fail('quality.undo', { undoId: done.undoId })).code).toBe('CONFLICT');
    expect((await t.fail('quality.undo', { undoId: '0190a7e4-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });

  it('rewrites valid phones in E.164 with the chosen country, skips the invalid ones, and undoes', async () => {
    const preview = await t.call('quality.fix', { fix: 'phonesE164' });
    expect(preview.count).toBe(2);
    expect(preview.skipped).toBe(1);
    expect(preview.samples.map((s) => [s.before, s.after])).toEqual([
      ['07700 900123', '+447700900123'],
      ['+44 7700 900456', '+447700900456'],
    ]);
    const done = await t.call('quality.fix', { fix: 'phonesE164', preview: false, ids: [john.id, bad.id] });
    expect([done.count, done.skipped]).toEqual([1, 1]);
    expect((await get(john)).phones).toEqual([{ value: '+447700900123' }]);
    expect((await get(mary)).phones).toEqual([{ value: '+44 7700 900456' }]);
    // Search finds him by the number as now written.
    expect((await t.call('contacts.list', { query: '+447700900123' })).items.map((c) => c.id)).toEqual([john.id]);
    t.clock.advance(1000);
    expect(await t.call('quality.undo', { undoId: done.undoId! })).toEqual({ count: 1, changedSince: 0 });
    expect((await get(john)).phones).toEqual([{ value: '07700 900123' }]);
    // Read as French, "07700 900123" is no number: nothing to rewrite for John, and his number is counted as skipped.
    const fr = await t.call('quality.fix', { fix: 'phonesE164', defaultCountry: 'FR' });
    expect(fr.samples.map((s) => s.id)).not.toContain(john.id);
  });

  it('trims spaces in names, emails, phones and job titles, and undoes', async () => {
    const preview = await t.call('quality.fix', { fix: 'trimSpaces' });
    expect(preview).toMatchObject({ count: 1, samples: [{ id: tom.id, before: '“Chief  Engineer”, “ tom@example.com ”', after: '“Chief Engineer”, “tom@example.com”' }] });
    const done = await t.call('quality.fix', { fix: 'trimSpaces', preview: false });
    expect(await get(tom)).toMatchObject({ jobTitle: 'Chief Engineer', emails: [{ value: 'tom@example.com' }, { value: 'tom(at)example' }] });
    expect((await t.call('quality.summary', {})).counts.extraSpaces).toBe(0);
    t.clock.advance(1000);
    expect(await t.call('quality.undo', { undoId: done.undoId! })).toEqual({ count: 1, changedSince: 0 });
    expect(await get(tom)).toMatchObject({ jobTitle: 'Chief  Engineer', emails: [{ value: ' tom@example.com ' }, { value: 'tom(at)example' }] });
  });

  it('title-cases the way names are written', () => {
    expect(['JOHN', 'o’brien', "O'NEIL", 'SMITH-JONES', 'MCDONALD', 'MACDONALD', 'VAN DER BERG', 'de la cruz', 'DE', 'jean-luc'].map(titleCaseName)).toEqual([
      'John',
      'O’Brien',
      "O'Neil",
      'Smith-Jones',
      'McDonald',
      'Macdonald',
      'van der Berg',
      'de la Cruz',
      'De',
      'Jean-Luc',
    ]);
  });
});
