// Retention (issue #21) through the real dispatcher on a real SQLite file, the clock injected: who the default rules
// put on the review list and who they leave off, "keep" taking a person off until a day, anonymising leaving no
// name, email or phone in the row or in search while the job and its amount remain, and the rules' validation.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPrivacyLog } from '../../electron/db/privacy-log.repo';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
const DAY = 24 * 3600_000;
const NOW = '2026-02-10T09:00:00.000Z';
/** `n` months before NOW, as an instant. */
const monthsAgo = (n: number) => {
  const d = new Date(NOW);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString();
};
let ids: Record<'frank' | 'olive' | 'pat' | 'nina' | 'tess' | 'ada' | 'tom' | 'lena', string>;
let paidJob = '';

beforeEach(async () => {
  // Seven years before NOW: Frank's only job was paid; Olive's was too, but she has another still open.
  t = await openTestCore({ start: '2019-01-10T09:00:00.000Z' });
  const stages = (await t.call('jobs.settings.get', {})).stages;
  const stage = (name: string) => stages.find((s) => s.name === name)!.id;
  const code = await t.call('fields.create', { recordType: 'contact', label: 'Gate code', type: 'text' } as never);
  const frank = await t.call('contacts.create', {
    firstName: 'Frank',
    lastName: 'Formerly',
    emails: [{ value: 'frank.formerly@example.com' }],
    phones: [{ value: '+44 7700 900321' }],
    addresses: [{ street: '12 Quarry Lane', city: 'Leeds' }],
    jobTitle: 'Quarrymaster',
    tags: ['Zebrafinch'],
    notes: 'Frank likes Wensleydale',
    birthday: '1970-05-04',
    website: 'https://frank.example',
    emailOptIn: true,
    custom: { [(code as { key: string }).key]: 'Gate 4417' },
  });
  paidJob = (await t.call('jobs.create', { title: 'Kitchen refit', contactId: frank.id, amountMinor: 1_250_000, stage: stage('Paid') })).id;
  const olive = await t.call('contacts.create', { firstName: 'Olive', lastName: 'Open' });
  await t.call('jobs.create', { title: 'Boiler', contactId: olive.id, stage: stage('Paid') });
  await t.call('jobs.create', { title: 'Loft', contactId: olive.id, stage: stage('Lead') });
  // Prospects: Pat last called 37 months before NOW, Nina 35; Tess, Ada and Tom untouched since 2019 but with an open
  // follow-up, an appointment to come, and in the Trash. Lena, a customer with no job, has no rule.
  const prospect = (firstName: string) => t.call('contacts.create', { firstName, lastName: 'Prospect', kind: 'prospect' });
  const [pat, nina, tess, ada, tom] = [await prospect('Pat'), await prospect('Nina'), await prospect('Tess'), await prospect('Ada'), await prospect('Tom')];
  const lena = await t.call('contacts.create', { firstName: 'Lena', lastName: 'Loyal', kind: 'customer' });
  await t.call('tasks.create', { title: 'Ring back', contactId: tess.id });
  await t.call('contacts.delete', { id: tom.id });
  t.clock.set(NOW);
  await t.call('activities.create', { contactId: pat.id, type: 'call', occurredAt: monthsAgo(37) });
  await t.call('activities.create', { contactId: nina.id, type: 'call', occurredAt: monthsAgo(35) });
  await t.call('appointments.create', { title: 'Visit', startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T11:00:00Z', contactId: ada.id });
  ids = { frank: frank.id, olive: olive.id, pat: pat.id, nina: nina.id, tess: tess.id, ada: ada.id, tom: tom.id, lena: lena.id };
});
afterEach(() => t.destroy());

const listed = async () => (await t.call('retention.review', { limit: 100 })).items;
const listedIds = async () => (await listed()).map((i) => i.contactId);

describe('retention.review', () => {
  it('lists the people past a rule, with the reason in words, and leaves off the rest', async () => {
    const items = await listed();
    // Oldest counted date first: Frank's job closed in January 2019, Pat was last called in January 2023.
    expect(items.map((i) => [i.displayName, i.reason])).toEqual([
      ['Frank Formerly', 'Former client, last job closed 10 Jan 2019 (rule: 72 months)'],
      ['Pat Prospect', 'Prospect, not contacted since 10 Jan 2023 (rule: 36 months)'],
    ]);
    expect(items[1]!.lastActivityAt).toBe(monthsAgo(37));
    const rules = (await t.call('retention.rules.get', {})).rules;
    expect(items.map((i) => i.ruleId)).toEqual([rules[1]!.id, rules[0]!.id]);
    // Tess's follow-up done and Ada's visit over: nothing holds them any more.
    await sql`UPDATE tasks SET completed_at = ${NOW}`.execute(t.core.store.db);
    t.clock.set('2026-03-02T09:00:00.000Z');
    const later = await listedIds();
    expect(later).toEqual(expect.arrayContaining([ids.tess, ids.ada]));
    expect(later).not.toContain(ids.nina); // 35 months then, under 36 still
    expect(later).not.toContain(ids.olive);
    expect(later).not.toContain(ids.tom);
    expect(later).not.toContain(ids.lena);
  });

  it('pages with a cursor, each person once, the total on every page', async () => {
    await sql`UPDATE tasks SET completed_at = ${NOW}`.execute(t.core.store.db);
    t.clock.set('2026-03-02T09:00:00.000Z');
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await t.call('retention.review', { limit: 1, ...(cursor ? { cursor } : {}) });
      expect(result.total).toBe(4);
      seen.push(...result.items.map((i) => i.contactId));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set([ids.frank, ids.pat, ids.tess, ids.ada]));
    expect(await t.fail('retention.review', { cursor: 'nonsense' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'cursor' }] });
  });

  it('a rule switched off or removed lists nobody', async () => {
    const rules = (await t.call('retention.rules.get', {})).rules;
    await t.call('retention.rules.update', { rules: [{ ...rules[0]!, enabled: false }, rules[1]!] });
    expect(await listedIds()).toEqual([ids.frank]);
    await t.call('retention.rules.update', { rules: [] });
    expect(await t.call('retention.review', {})).toEqual({ items: [], total: 0, nextCursor: null });
  });
});

describe('retention.decide', () => {
  it('keep with a reason takes a person off the list until the day, then they are back', async () => {
    expect(await t.fail('retention.decide', { contactId: ids.pat, decision: 'keep' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'reason', message: 'Say why they are kept' }] });
    expect(await t.fail('retention.decide', { contactId: ids.pat, decision: 'keep', reason: 'Warranty', until: '2026-02-10' })).toMatchObject({ issues: [{ path: 'until', message: 'Choose a day after today' }] });
    await t.call('retention.decide', { contactId: ids.pat, decision: 'keep', reason: 'Warranty claim open' });
    expect(await listedIds()).toEqual([ids.frank]);
    const decision = await t.core.store.db.selectFrom('retention_decisions').selectAll().where('contact_id', '=', ids.pat).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ decision: 'keep', reason: 'Warranty claim open', until_day: '2027-02-10' });
    t.clock.set('2027-02-09T23:00:00.000Z');
    expect(await listedIds()).not.toContain(ids.pat);
    t.clock.set('2027-02-10T08:00:00.000Z');
    expect(await listedIds()).toContain(ids.pat);
    // A chosen day, and the log says what was done without the name or the reason.
    await t.call('retention.decide', { contactId: ids.frank, decision: 'keep', reason: 'Frank asked us to', until: '2027-03-01' });
    expect(await listedIds()).not.toContain(ids.frank);
    t.clock.advance(20 * DAY);
    expect(await listedIds()).toContain(ids.frank);
    const log = (await listPrivacyLog(t.core.store.db, 50, undefined)).items.filter((e) => e.kind === 'retention');
    expect(log.map((e) => e.summary)).toEqual(['Retention review: kept until 1 Mar 2027', 'Retention review: kept until 10 Feb 2027']);
    expect(log.every((e) => e.subject && !e.subject.includes(ids.frank))).toBe(true);
    expect(t.events.filter((e) => e.name === 'data.changed' && (e.payload as { entity: string }).entity === 'retention')).toHaveLength(2);
    expect(await t.fail('retention.decide', { contactId: '01930000-0000-7000-8000-000000000000', decision: 'anonymise' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('anonymise leaves no name, email or phone in the row or in search; the job and its amount stay', async () => {
    const before = await t.call('search.global', { query: 'Frank' });
    expect(before.items.some((h) => h.id === ids.frank)).toBe(true);
    await t.call('retention.decide', { contactId: ids.frank, decision: 'anonymise' });

    const contact = await t.call('contacts.get', { id: ids.frank });
    expect(contact).toMatchObject({ firstName: 'Anonymised', emails: [], phones: [], addresses: [], jobTitle: null, tags: [], notes: null, birthday: null, website: null, emailOptIn: false, custom: {}, kind: 'customer' });
    expect(contact.lastName).toMatch(/^contact [0-9a-f]{6}$/);
    const row = await sql<Record<string, unknown>>`SELECT * FROM contacts WHERE id = ${ids.frank}`.execute(t.core.store.db);
    const text = JSON.stringify(row.rows[0]);
    for (const gone of ['Frank', 'Formerly', 'frank.formerly', '900321', '7700', 'Quarry', 'Zebrafinch', 'Wensleydale', '1970', 'frank.example']) expect(text).not.toContain(gone);
    expect((await sql`SELECT 1 FROM custom_values WHERE record_id = ${ids.frank}`.execute(t.core.store.db)).rows).toHaveLength(0);
    for (const query of ['Frank', 'Formerly', 'frank.formerly@example.com', '07700900321', 'Zebrafinch', 'Wensleydale', 'Quarrymaster', 'Gate 4417']) {
      const hits = (await t.call('search.global', { query })).items;
      expect(hits.filter((h) => h.id === ids.frank || JSON.stringify(h).includes('Frank')), query).toEqual([]);
    }
    expect((await t.call('search.global', { query: 'Anonymised' })).items.map((h) => h.id)).toContain(ids.frank);
    // The FTS index agrees with its content: no token of the old row is left behind.
    await sql`INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('integrity-check', 1)`.execute(t.core.store.db);

    const job = await t.call('jobs.get', { id: paidJob });
    expect([job.contactId, job.amountMinor, job.title]).toEqual([ids.frank, 1_250_000, 'Kitchen refit']);
    expect(await listedIds()).not.toContain(ids.frank);
    expect(await t.fail('retention.decide', { contactId: ids.frank, decision: 'keep', reason: 'x' })).toMatchObject({ issues: [{ path: 'contactId', message: 'This contact is already anonymised' }] });
    const changed = t.events.filter((e) => e.name === 'data.changed').map((e) => (e.payload as { entity: string }).entity);
    expect(changed).toEqual(expect.arrayContaining(['retention', 'contact']));
    const log = (await listPrivacyLog(t.core.store.db, 50, undefined)).items;
    expect(log[0]).toMatchObject({ kind: 'retention', summary: 'Retention review: contact anonymised' });
    expect(JSON.stringify(log)).not.toMatch(/Frank|Formerly|900321/);
  });

  it('an earlier data quality fix cannot bring the old name back', async () => {
    const mary = await t.call('contacts.create', { firstName: 'mary', lastName: 'quarrington' });
    const fix = await t.call('quality.fix', { fix: 'titleCaseNames', ids: [mary.id], preview: false });
    t.clock.advance(60_000);
    await t.call('retention.decide', { contactId: mary.id, decision: 'anonymise' });
    await t.call('quality.undo', { undoId: fix.undoId! });
    expect((await t.call('contacts.get', { id: mary.id })).firstName).toBe('Anonymised');
    const journal = await sql<{ before: string }>`SELECT before FROM quality_fix_items`.execute(t.core.store.db);
    expect(JSON.stringify(journal.rows)).not.toMatch(/quarrington/i);
  });

  it('a merge journal and the consent ledger keep nothing of an anonymised person; the merge cannot be undone into them', async () => {
    const older = await t.call('contacts.create', { firstName: 'Ottoline', lastName: 'Vanstone', emails: [{ value: 'ottoline@vanstone.example' }], emailOptIn: true });
    const twin = await t.call('contacts.create', { firstName: 'Ottie', lastName: 'Vanstone', phones: [{ value: '+44 7700 900789' }] });
    const merged = await t.call('contacts.merge', { ids: [older.id, twin.id], keep: older.id });
    expect((await t.call('consent.history', { contactId: older.id })).events.length).toBeGreaterThan(0);
    t.clock.advance(60_000);
    await t.call('retention.decide', { contactId: older.id, decision: 'anonymise' });
    const db = t.core.store.db;
    const journals = await sql`SELECT * FROM merges, merge_losers, record_aliases`.execute(db);
    const ledger = await sql`SELECT * FROM consent_events WHERE contact_id IN (${older.id}, ${twin.id})`.execute(db);
    expect(JSON.stringify([journals.rows, ledger.rows])).not.toMatch(/Vanstone|Ottoline|Ottie|900789/i);
    expect(await t.fail('merges.undo', { mergeId: merged.mergeId })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.call('consent.history', { contactId: older.id })).events).toEqual([]);
  });
});

describe('retention.rules', () => {
  it('starts with the two rules the issue names, and the whole list replaces the old', async () => {
    const { rules } = await t.call('retention.rules.get', {});
    expect(rules.map((r) => [r.appliesTo, r.from, r.months, r.enabled])).toEqual([['prospect', 'lastContacted', 36, true], ['formerClient', 'lastJob', 72, true]]);
    const updated = await t.call('retention.rules.update', { rules: [{ appliesTo: 'supplier', from: 'lastContacted', months: 24 }, { ...rules[1]!, months: 84 }] });
    expect(updated.rules[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(updated.rules[1]).toEqual({ ...rules[1]!, months: 84 });
    expect(await t.call('retention.rules.get', {})).toEqual(updated);
    const log = (await listPrivacyLog(t.core.store.db, 10, undefined)).items;
    expect(log[0]).toMatchObject({ kind: 'retention', subject: null, summary: 'Retention rules changed: Suppliers not contacted for 24 months; Former clients 84 months after the last job' });
    // 84 months: Frank's job closed 85 months ago, still past it.
    expect(await listedIds()).toEqual([ids.frank]);
  });

  it('refuses a second rule for the same people and date, naming the rule', async () => {
    const rule = { appliesTo: 'prospect', from: 'lastContacted', months: 36 } as const;
    expect(await t.fail('retention.rules.update', { rules: [rule, { ...rule, appliesTo: 'customer' }, { ...rule, months: 12 }] })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'rules.2.appliesTo', message: 'There is already a rule for these people counted from that date' }],
    });
    expect(await t.fail('retention.rules.update', { rules: [{ ...rule, months: 0 }] })).toMatchObject({ issues: [{ path: 'rules.0.months', message: 'Enter 1 to 240 months' }] });
    expect(await t.fail('retention.rules.update', { rules: [{ ...rule, appliesTo: 'friends' }] })).toMatchObject({ issues: [{ path: 'rules.0.appliesTo' }] });
    // Nothing was changed by a refused list.
    expect((await t.call('retention.rules.get', {})).rules).toHaveLength(2);
  });
});
