// Finding duplicates through the real core (issue #20): a scan's groups and their reasons, nicknames, initials and
// swapped names, "not a duplicate" remembered across scans, a cancelled scan leaving the last pairs, Trash, and the
// form's check ("same mobile") while typing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toContactColumns, type ContactWrite } from '../../electron/db/contacts.repo';
import { setSetting } from '../../electron/db/settings.repo';
import type { DuplicateGroup } from '../../shared/domain/duplicates';
import { openTestCore, type TestCore } from '../helpers/core';
import { fixture, importFile } from './import-export-helpers';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await setSetting(t.core.store.db, 'defaultCountry', 'GB');
});
afterEach(() => t.destroy());

const person = (firstName: string | null, lastName: string | null, more: { emails?: string[]; mobile?: string; phone?: string; companyId?: string } = {}) =>
  t.call('contacts.create', {
    firstName,
    lastName,
    emails: (more.emails ?? []).map((value) => ({ value })),
    phones: [...(more.mobile ? [{ value: more.mobile, label: 'mobile' }] : []), ...(more.phone ? [{ value: more.phone, label: 'work' }] : [])],
    companyId: more.companyId ?? null,
  });

const groupOf = (groups: DuplicateGroup[], id: string) => groups.find((g) => g.members.some((m) => m.id === id));
const reasonTexts = (group: DuplicateGroup | undefined) => group?.pairs.flatMap((p) => p.reasons.map((r) => r.text)) ?? [];

describe('duplicates.scan and duplicates.list', () => {
  it('groups a nickname with a shared mobile and says why, in the user words', async () => {
    const bob = await person('Bob', 'Smith', { mobile: '07700 900123', emails: ['bob@smith.example'] });
    const robert = await person('Robert', 'Smith', { mobile: '+44 7700 900123' });
    const other = await person('Alice', 'Jones', { mobile: '+44 7700 900999' });
    const result = await t.call('duplicates.scan', { kind: 'contact' });
    expect(result).toMatchObject({ kind: 'contact', scanned: 3, groups: 1, cancelled: false });

    const list = await t.call('duplicates.list', { kind: 'contact' });
    expect(list.scannedAt).toBe('2026-11-22T09:00:00.000Z');
    expect(list.threshold).toBe(0.7);
    expect(list.groups).toHaveLength(1);
    const group = list.groups[0]!;
    expect(group.members.map((m) => m.id).sort()).toEqual([bob.id, robert.id].sort());
    expect(group.members.find((m) => m.id === bob.id)).toEqual({ id: bob.id, displayName: 'Bob Smith', detail: 'bob@smith.example' });
    expect(reasonTexts(group)).toEqual(expect.arrayContaining(['same mobile +44 7700 900123']));
    expect(reasonTexts(group).some((text) => text === 'names alike: Bob Smith / Robert Smith' || text === 'names alike: Robert Smith / Bob Smith')).toBe(true);
    expect(group.pairs[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['phone', 'nickname']));
    expect(groupOf(list.groups, other.id)).toBeUndefined();
  });

  it('finds initials, swapped names and a folded Gmail address; joins pairs into one group', async () => {
    const john = await person('John', 'Smith', { emails: ['john.smith@gmail.com'], mobile: '07700 900201' });
    const initial = await person('J.', 'Smith', { emails: ['JohnSmith+crm@googlemail.com'] });
    const swapped = await person('Smith', 'John', { mobile: '+447700900201' });
    await t.call('duplicates.scan', { kind: 'contact' });
    const { groups } = await t.call('duplicates.list', { kind: 'contact' });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => m.id).sort()).toEqual([john.id, initial.id, swapped.id].sort());
    const codes = groups[0]!.pairs.flatMap((p) => p.reasons.map((r) => r.code));
    expect(codes).toEqual(expect.arrayContaining(['initials', 'swapped', 'email', 'phone']));
    expect(reasonTexts(groups[0])).toEqual(expect.arrayContaining(['same email john.smith@gmail.com']));
    // Best first: the group's score is its best pair's.
    expect(groups[0]!.score).toBe(Math.max(...groups[0]!.pairs.map((p) => p.score)));
  });

  it('keeps look-alikes apart: colleagues on one switchboard, father and son, namesakes', async () => {
    const company = await t.call('companies.create', { name: 'Acme Widgets Ltd' });
    for (const [first, last] of [['Ann', 'Lee'], ['Raj', 'Patel'], ['Mei', 'Chen'], ['Tom', 'Hardy']] as const) await person(first, last, { phone: '020 7946 0000', companyId: company.id });
    await t.call('contacts.create', { firstName: 'John', lastName: 'Smith Sr', emails: [{ value: 'john@home.example' }], phones: [{ value: '0161 496 0000', label: 'home' }] });
    await t.call('contacts.create', { firstName: 'John', lastName: 'Smith Jr', emails: [{ value: 'johnny@uni.example' }], phones: [{ value: '0161 496 0000', label: 'home' }] });
    await person('Maria', 'Garcia', { emails: ['maria@one.example'] });
    await person('Maria', 'Garcia', { emails: ['mgarcia@two.example'] });
    await t.call('duplicates.scan', { kind: 'contact' });
    expect((await t.call('duplicates.list', { kind: 'contact' })).groups).toEqual([]);
  });

  it('does not list records in Trash, and a lower threshold shows weaker pairs', async () => {
    const a = await person('Ann', 'Lee', { emails: ['ann@lee.example'] });
    const b = await person('Ann', 'Lee', { emails: ['Ann@Lee.example'] });
    await t.call('duplicates.scan', { kind: 'contact' });
    expect((await t.call('duplicates.list', { kind: 'contact' })).groups).toHaveLength(1);
    await t.call('contacts.delete', { id: b.id });
    expect((await t.call('duplicates.list', { kind: 'contact' })).groups).toEqual([]);
    await t.call('contacts.restore', { id: b.id });
    const back = await t.call('duplicates.list', { kind: 'contact', threshold: 0.99 });
    expect(back.groups).toEqual([]);
    expect((await t.call('duplicates.list', { kind: 'contact', threshold: 0.5 })).groups[0]!.members.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('remembers "not a duplicate" across a new scan', async () => {
    const a = await person('Ann', 'Lee', { emails: ['ann@lee.example'] });
    const b = await person('Anne', 'Lee', { emails: ['ann@lee.example'] });
    const c = await person('Bob', 'Marsh', { mobile: '07700 900301' });
    const d = await person('Robert', 'Marsh', { mobile: '07700900301' });
    await t.call('duplicates.scan', { kind: 'contact' });
    expect((await t.call('duplicates.list', { kind: 'contact' })).groups).toHaveLength(2);
    expect(await t.call('duplicates.dismiss', { kind: 'contact', ids: [b.id, a.id] })).toEqual({ dismissed: 1 });
    expect((await t.call('duplicates.list', { kind: 'contact' })).groups.map((g) => g.members.map((m) => m.id).sort())).toEqual([[c.id, d.id].sort()]);
    // The new scan does not store the dismissed pair again.
    expect((await t.call('duplicates.scan', { kind: 'contact' })).pairs).toBe(1);
    const after = await t.call('duplicates.list', { kind: 'contact' });
    expect(after.groups).toHaveLength(1);
    expect(groupOf(after.groups, a.id)).toBeUndefined();
    // Dismissing again changes nothing.
    expect(await t.call('duplicates.dismiss', { kind: 'contact', ids: [a.id, b.id] })).toEqual({ dismissed: 0 });
  });

  it('scans companies: legal forms and punctuation do not make two firms', async () => {
    const a = await t.call('companies.create', { name: 'Smith & Sons Ltd', website: 'https://www.smithandsons.co.uk/' });
    const b = await t.call('companies.create', { name: 'SMITH AND SONS LIMITED', website: 'smithandsons.co.uk' });
    await t.call('companies.create', { name: 'Smith Electrical', website: 'smith-electrical.com' });
    await t.call('duplicates.scan', { kind: 'company' });
    const { groups } = await t.call('duplicates.list', { kind: 'company' });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(reasonTexts(groups[0])).toEqual(expect.arrayContaining(['same website smithandsons.co.uk']));
  });
});

describe('a scan in steps', () => {
  /** Many contacts written straight to the file (through the app's column mapping and the schema's triggers). */
  function seedMany(count: number) {
    const sqlite = t.core.store.sqlite;
    const insert = sqlite.prepare(`INSERT INTO contacts (id, first_name, last_name, display_name, sort_name, sort_last, emails, phones, search_details, addresses,
      job_title, company_id, website, birthday, tags, notes, kind, lead_source, email_opt_in, created_at, updated_at, deleted_at)
      VALUES (@id, @first_name, @last_name, @display_name, @sort_name, @sort_last, @emails, @phones, @search_details, @addresses, @job_title, @company_id,
      @website, @birthday, @tags, @notes, @kind, @lead_source, @email_opt_in, @created_at, @updated_at, NULL)`);
    sqlite.transaction(() => {
      for (let i = 0; i < count; i++) {
        const fields: ContactWrite = {
          firstName: `Given${i % 97}`, lastName: `Family${i % 89}`, emails: [{ value: `person${i}@gmail.com` }], phones: [{ value: `+44 7700 ${String(100000 + i)}` }],
          addresses: [], jobTitle: null, companyId: null, website: null, birthday: null, tags: [], notes: null, kind: 'customer', leadSource: null, emailOptIn: false,
        };
        insert.run({ ...toContactColumns(fields, null), id: `0190a7e4-0000-7000-8000-${String(i).padStart(12, '0')}`, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });
      }
    })();
  }

  it('sends progress about every 5 % and ends at the total', async () => {
    seedMany(3000);
    // The event loop gets turns while it runs (a chain of setImmediate advances once per turn; none without).
    let turns = 0;
    let running = true;
    let longest = 0;
    let last = performance.now();
    const tick = () => {
      if (!running) return;
      turns++;
      longest = Math.max(longest, performance.now() - last);
      last = performance.now();
      setImmediate(tick);
    };
    setImmediate(tick);
    const result = await t.call('duplicates.scan', { kind: 'contact' });
    running = false;
    console.log(`scan of 3000 in ${result.tookMs} ms: ${turns} turns of the event loop, the longest wait ${Math.round(longest)} ms`);
    // At least one turn before the end (none when the scan never yields); how many depends on the machine's speed
    // (a fast run of 3,000 finishes in four or five 20 ms steps, two of them before the first database await).
    expect(turns).toBeGreaterThan(0);
    expect(result.scanned).toBe(3000);
    const progress = t.events.filter((e) => e.name === 'duplicates.progress').map((e) => e.payload as { done: number; total: number });
    expect(progress[0]).toEqual({ kind: 'contact', done: 0, total: 3000 });
    expect(progress.at(-1)).toEqual({ kind: 'contact', done: 3000, total: 3000 });
    for (let i = 1; i < progress.length - 1; i++) expect(progress[i]!.done - progress[i - 1]!.done).toBeGreaterThanOrEqual(150);
  });

  it('a cancelled scan writes nothing: the last scan pairs stay', async () => {
    const a = await person('Ann', 'Lee', { emails: ['ann@lee.example'] });
    const b = await person('Ann', 'Lee', { emails: ['ann@lee.example'] });
    await t.call('duplicates.scan', { kind: 'contact' });
    const before = await t.call('duplicates.list', { kind: 'contact' });
    expect(before.groups).toHaveLength(1);
    // A new pair the cancelled scan would have found.
    await person('Zed', 'Quill', { mobile: '07700 900777' });
    await person('Zed', 'Quill', { mobile: '+44 7700 900777' });
    seedMany(12_000);
    t.clock.set('2026-11-23T09:00:00.000Z');
    let asked = false;
    const off = t.core.events.subscribe((name) => {
      if (name === 'duplicates.progress' && !asked) {
        asked = true;
        void t.core.dispatch('duplicates.cancel', {});
      }
    });
    const from = t.events.length;
    const result = await t.call('duplicates.scan', { kind: 'contact' });
    off();
    expect(result.cancelled).toBe(true);
    // It stopped at its next step, not at the end.
    const told = t.events.slice(from).filter((e) => e.name === 'duplicates.progress').map((e) => e.payload as { done: number; total: number });
    expect(Math.max(...told.map((p) => p.done))).toBeLessThan(told[0]!.total * 0.3);
    const after = await t.call('duplicates.list', { kind: 'contact' });
    expect(after).toEqual(before);
    expect(after.groups[0]!.members.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(await t.call('duplicates.cancel', {})).toEqual({ cancelled: false });
  });
});

describe('duplicates.check while typing', () => {
  it('finds "same mobile" as the number is typed, best first, never the record itself', async () => {
    const robert = await person('Robert', 'Smith', { mobile: '+44 7700 900123', emails: ['rob@smith.example'] });
    await person('Alice', 'Jones', { mobile: '+44 7700 900999' });
    const typing = await t.call('duplicates.check', { kind: 'contact', fields: { firstName: 'Bob', lastName: 'Smith', phones: [{ value: '07700 900123', label: 'mobile' }] } });
    expect(typing.matches).toHaveLength(1);
    expect(typing.matches[0]).toMatchObject({ id: robert.id, displayName: 'Robert Smith' });
    expect(typing.matches[0]!.reasons.map((r) => r.text)).toEqual(expect.arrayContaining(['same mobile +44 7700 900123', 'names alike: Bob Smith / Robert Smith']));
    // The number finds him though the family name is typed otherwise (no name look-up would).
    const typo = await t.call('duplicates.check', { kind: 'contact', fields: { firstName: 'Bob', lastName: 'Smyth', phones: [{ value: '07700900123' }] } });
    expect(typo.matches.map((m) => m.id)).toEqual([robert.id]);
    // Editing Robert himself: he is not his own duplicate.
    expect((await t.call('duplicates.check', { kind: 'contact', id: robert.id, fields: { firstName: 'Robert', lastName: 'Smith', phones: [{ value: '+44 7700 900123' }] } })).matches).toEqual([]);
    // A name alone is not enough.
    expect((await t.call('duplicates.check', { kind: 'contact', fields: { firstName: 'Robert', lastName: 'Smith' } })).matches).toEqual([]);
    // An email typed in other case, and a trashed record is never offered.
    expect((await t.call('duplicates.check', { kind: 'contact', fields: { name: 'Rob Smith', emails: [{ value: ' ROB@Smith.example' }] } })).matches.map((m) => m.id)).toEqual([robert.id]);
    // A changed number is found by its new digits, no longer by the old ones (the index follows every write).
    await t.call('contacts.update', { id: robert.id, firstName: 'Robert', lastName: 'Smith', phones: [{ value: '+44 7700 900555', label: 'mobile' }], emails: [{ value: 'rob@smith.example' }] });
    expect((await t.call('duplicates.check', { kind: 'contact', fields: { firstName: 'Bob', lastName: 'Smyth', phones: [{ value: '07700 900123' }] } })).matches).toEqual([]);
    expect((await t.call('duplicates.check', { kind: 'contact', fields: { firstName: 'Bob', lastName: 'Smyth', phones: [{ value: '07700 900555' }] } })).matches.map((m) => m.id)).toEqual([robert.id]);
    await t.call('contacts.delete', { id: robert.id });
    expect((await t.call('duplicates.check', { kind: 'contact', fields: { firstName: 'Bob', lastName: 'Smith', phones: [{ value: '07700 900555' }] } })).matches).toEqual([]);
  });

  it('checks a company by its name without legal form', async () => {
    const acme = await t.call('companies.create', { name: 'Acme Widgets Ltd', website: 'acme-widgets.co.uk' });
    const { matches } = await t.call('duplicates.check', { kind: 'company', fields: { name: 'ACME Widgets Limited', website: 'https://acme-widgets.co.uk' } });
    expect(matches.map((m) => m.id)).toEqual([acme.id]);
  });
});

describe('contacts an import adds', () => {
  it('are found by the check: the import fills their email and phone keys as the trigger would', async () => {
    const report = await importFile(t, fixture('google.csv'));
    expect(report.created).toBeGreaterThan(0);
    const keys = () => t.core.store.sqlite.prepare('SELECT key, record_id FROM contact_match_keys ORDER BY key, record_id').all();
    const imported = keys();
    expect(imported.length).toBeGreaterThan(0);
    // Rewriting every contact's emails fires the update trigger: it recomputes each one's keys from scratch.
    t.core.store.sqlite.exec('UPDATE contacts SET emails = emails');
    expect(keys()).toEqual(imported);
    // Ada Lovelace (the Google export's first row) is found by her work email typed in capitals.
    const found = await t.call('duplicates.check', { kind: 'contact', fields: { firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ADA@Engines.example' }] } });
    expect(found.matches.map((m) => m.displayName)).toEqual(['Ada King Lovelace']);
  });
});
