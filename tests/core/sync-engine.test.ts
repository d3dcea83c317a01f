// The sync engine end to end against two independent real servers (Radicale and Xandikos from Debian, on loopback):
// two Rapport stores and a plain DAV client (a phone) on the same address book and calendar. What the user relies
// on: one copy per record whatever fails, edits to different fields both kept, a real clash asked about (never
// dropped), deletions reaching the other side's Trash, and a phone's own fields surviving Rapport's edits.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDavTransport, type DavTransport } from '../../electron/core/sync/dav-transport';
import { icalFormat } from '../../electron/core/sync/ical-format';
import type { FieldFormat } from '../../electron/core/sync/mapping';
import { vcardFormat } from '../../electron/core/sync/vcard-format';
import { startDavServer, type DavServer, type DavServerName } from '../helpers/dav-servers';
import { openTestCore, type TestCore } from '../helpers/core';
import { startFlakyProxy, type FlakyProxy } from '../helpers/flaky-proxy';

const servers: DavServerName[] = ['radicale', 'xandikos'];

describe.each(servers)('sync engine against %s', (name) => {
  let server: DavServer;
  let proxy: FlakyProxy;
  let a: TestCore;
  let b: TestCore;
  let phone: DavTransport;
  let book: string;
  let calendar: string;
  let accountA: string;
  let accountB: string;

  const items = async (href: string) => phone.list(href);
  const cards = async () => (await phone.multiget(book, (await items(book)).map((r) => r.href), 'addressbook')).items;
  const syncA = async () => (await a.call('sync.now', { accountId: accountA })).reports[0]!;
  const syncB = async () => (await b.call('sync.now', { accountId: accountB })).reports[0]!;
  const contactsOf = async (t: TestCore) => (await t.call('contacts.list', {})).items;

  beforeAll(async () => {
    server = await startDavServer(name);
    proxy = await startFlakyProxy(server.url);
    phone = createDavTransport({ serverUrl: server.url, credentials: server.credentials, timeoutMs: 10_000 });
    a = await openTestCore();
    b = await openTestCore();
    const found = await a.call('sync.discover', { serverUrl: proxy.url, ...server.credentials });
    expect(found.canCreateAddressBook).toBe(true);
    const added = await a.call('sync.accounts.add', {
      serverUrl: proxy.url, ...server.credentials, addressBook: null, createAddressBook: 'Rapport contacts',
      eventsCalendar: null, tasksCalendar: null, createCalendar: 'Rapport diary', calendars: [],
    });
    accountA = added.id;
    book = added.addressBook!.href;
    calendar = added.eventsCalendar!.href;
    expect(added.tasksCalendar?.href).toBe(calendar);
    expect(added.hasPassword).toBe(true);
    accountB = (await b.call('sync.accounts.add', { serverUrl: server.url, ...server.credentials, addressBook: book, eventsCalendar: calendar, tasksCalendar: calendar, calendars: [] })).id;
  }, 60_000);

  afterAll(async () => {
    a?.destroy();
    b?.destroy();
    await proxy?.close();
    await server?.stop();
  });

  it('sends a new contact once and the other computer receives it', async () => {
    await a.call('contacts.create', { firstName: 'Amelia', lastName: 'Hart', emails: [{ value: 'amelia@example.test' }], phones: [{ value: '07700 900123' }] });
    const first = await syncA();
    expect(first).toMatchObject({ error: null, sent: 1 });
    expect(await cards()).toHaveLength(1);
    const received = await syncB();
    expect(received).toMatchObject({ error: null, received: 1 });
    expect((await contactsOf(b)).map((c) => c.displayName)).toEqual(['Amelia Hart']);
    // Nothing changed: a second run sends and receives nothing.
    expect(await syncA()).toMatchObject({ sent: 0, received: 0, conflicts: 0 });
  });

  it('keeps edits to different fields from both computers', async () => {
    const [ca] = await contactsOf(a);
    const [cb] = await contactsOf(b);
    await a.call('contacts.update', { id: ca!.id, jobTitle: 'Kitchen designer' });
    await b.call('contacts.update', { id: cb!.id, notes: 'Gate code 4471' });
    await syncA();
    const report = await syncB();
    expect(report.conflicts).toBe(0);
    await syncA();
    for (const t of [a, b]) {
      const [c] = await contactsOf(t);
      const full = await t.call('contacts.get', { id: c!.id });
      expect(full).toMatchObject({ jobTitle: 'Kitchen designer', notes: 'Gate code 4471' });
    }
  });

  it('asks about a real clash, and the chosen value ends up on both sides and the server', async () => {
    const [ca] = await contactsOf(a);
    const [cb] = await contactsOf(b);
    await a.call('contacts.update', { id: ca!.id, jobTitle: 'Head designer' });
    await b.call('contacts.update', { id: cb!.id, jobTitle: 'Owner' });
    await syncA();
    const report = await syncB();
    expect(report.conflicts).toBe(1);
    const { conflicts } = await b.call('sync.conflicts.list', {});
    expect(conflicts).toHaveLength(1);
    const card = conflicts[0]!;
    expect(card).toMatchObject({ kind: 'bothEdited', title: 'Amelia Hart' });
    const titleField = card.fields.find((f) => /job title/i.test(f.label));
    expect(titleField).toMatchObject({ local: expect.stringContaining('Owner'), remote: expect.stringContaining('Head designer') });
    expect((await b.call('sync.status', {})).accounts[0]!.conflicts).toBe(1);
    const missing = await b.fail('sync.conflicts.resolve', { id: card.id, choices: {} });
    expect(missing.code).toBe('VALIDATION');
    await b.call('sync.conflicts.resolve', { id: card.id, choices: Object.fromEntries(card.fields.map((f) => [f.key, 'local' as const])) });
    await syncA();
    for (const t of [a, b]) expect((await t.call('contacts.get', { id: (await contactsOf(t))[0]!.id })).jobTitle).toBe('Owner');
    expect((await cards())[0]!.data).toMatch(/TITLE:Owner/);
    expect((await b.call('sync.conflicts.list', {})).conflicts).toHaveLength(0);
  });

  it('never makes a second copy when the answer to an upload is lost, and retries after being offline', async () => {
    await a.call('contacts.create', { firstName: 'Bram', lastName: 'Visser' });
    proxy.dropAnswerOnce((method) => method === 'PUT');
    const lost = await syncA();
    expect(lost.error).toMatch(/did not answer/);
    expect(proxy.dropped).toBe(1);
    proxy.setOffline(true);
    const offline = await syncA();
    expect(offline.error).toMatch(/did not answer/);
    const status = (await a.call('sync.status', {})).accounts[0]!;
    expect(status).toMatchObject({ state: 'offline', lastError: expect.stringMatching(/did not answer/) });
    expect(status.nextAttemptAt).not.toBeNull();
    proxy.setOffline(false);
    expect((await syncA()).error).toBeNull();
    const names = (await cards()).map((c) => /^FN:(.*)$/m.exec(c.data)?.[1]);
    expect(names.filter((n) => n === 'Bram Visser')).toHaveLength(1);
    await syncB();
    expect((await contactsOf(b)).filter((c) => c.displayName === 'Bram Visser')).toHaveLength(1);
  });

  it('moves a contact deleted on one computer to the Trash of the other', async () => {
    const bram = (await contactsOf(a)).find((c) => c.displayName === 'Bram Visser')!;
    await a.call('contacts.delete', { id: bram.id });
    expect((await syncA()).deleted).toBe(1);
    expect((await syncB()).deleted).toBe(1);
    expect((await contactsOf(b)).map((c) => c.displayName)).not.toContain('Bram Visser');
    const trash = await b.call('trash.list', { kind: 'contact' } as never);
    expect(JSON.stringify(trash)).toContain('Bram Visser');
  });

  it("keeps a phone's own fields (photo, anniversary, instant messaging) through Rapport's edits", async () => {
    const original = readFileSync('tests/fixtures/real/vcard/tine20-ios5-addressbook.vcf', 'utf8').replace(/\r?\n/g, '\r\n');
    const withUid = /^UID:/m.test(original) ? original : original.replace('BEGIN:VCARD\r\n', 'BEGIN:VCARD\r\nUID:phone-ios-1\r\n');
    const href = `${book}phone-ios-1.vcf`;
    expect((await phone.put(href, withUid, { ifNoneMatch: '*' })).kind).toBe('stored');
    expect((await syncB()).received).toBe(1);
    const created = (await contactsOf(b)).find((c) => !['Amelia Hart'].includes(c.displayName))!;
    await b.call('contacts.update', { id: created.id, notes: 'Prefers texts' });
    expect((await syncB()).sent).toBe(1);
    const stored = (await phone.get(href))!.data.replace(/\r\n[ \t]/g, '');
    const unfolded = withUid.replace(/\r\n[ \t]/g, '');
    // Apple's grouped labels may be renumbered (item1 -> item4) when groups are joined; the label stays with its value.
    // Property names are case-insensitive (Radicale writes X-ABLabel as X-ABLABEL): compare names upper-cased.
    const ungrouped = (text: string) => text.replace(/^item\d+\./gim, 'itemN.').replace(/^[^:\r\n]+/gm, (name) => name.toUpperCase()).replace(/^ITEMN\./gm, 'itemN.');
    for (const line of unfolded.split('\r\n').filter((l) => /^(item\d+\.)?(X-|IMPP|PHOTO)/i.test(l))) expect(ungrouped(stored)).toContain(ungrouped(line));
    expect(stored).toMatch(/NOTE:Prefers texts/);
  });

  // Real files from phones and programs, written to the server by the plain client; Rapport receives each, the user
  // changes its notes, Rapport sends it back: every other field must be as the server had it (Rapport's own fields by
  // meaning, everything else line for line; Apple's item numbers and the case of property names may differ).
  const REAL = [
    // (The iPhone card is the test above: the same UID twice would be a second copy.)
    ['vcard', 'radicale-davx5-android.vcf'], ['vcard', 'tine20-sogo-connector.vcf'],
    ['ics', 'radicale-davx5-daily-exdates-exceptions.ics'], ['ics', 'tine20-lightning-weekly-exception.ics'], ['ics', 'tine20-iphone-ical3.ics'],
  ] as const;
  it.each(REAL)("a real %s file (%s) survives Rapport's round trip field for field", async (dir, file) => {
    const card = dir === 'vcard';
    const raw = readFileSync(`tests/fixtures/real/${dir}/${file}`, 'utf8').replace(/\r?\n/g, '\r\n');
    const uid = /^UID:(.*)$/m.exec(raw)?.[1]?.trim() ?? `real-${file}`;
    const text = /^UID:/m.test(raw) ? raw : raw.replace('BEGIN:VCARD\r\n', `BEGIN:VCARD\r\nUID:${uid}\r\n`);
    const href = `${card ? book : calendar}real-${file}`;
    expect((await phone.put(href, text, { ifNoneMatch: '*' })).kind).toBe('stored');
    const before = (await phone.get(href))!.data;
    expect((await syncB()).received).toBeGreaterThanOrEqual(1);
    const sqlite = b.core.store.sqlite;
    const local = sqlite.prepare('SELECT local_id FROM sync_objects WHERE href = ?').get(href) as { local_id: string };
    if (card) await b.call('contacts.update', { id: local.local_id, notes: 'Changed in Rapport' });
    else await b.call('appointments.update', { id: local.local_id, notes: 'Changed in Rapport' });
    expect((await syncB()).sent).toBe(1);
    const after = (await phone.get(href))!.data;
    const format: FieldFormat = card ? vcardFormat : icalFormat;
    const edited = card ? 'NOTE' : 'DESCRIPTION';
    const [was, now] = [format.split(before), format.split(after)];
    expect(format.show(now.get(edited))).toMatch(/Changed in Rapport/);
    const plain = (lines: readonly string[] | undefined) => (lines ?? []).map((l) => l.replace(/^item\d+\./i, 'itemN.').replace(/^[^:;]+/, (n) => n.toUpperCase())).sort();
    for (const [key, lines] of was) {
      if (key === edited) continue;
      if (format.owns(key)) expect(format.same(lines, now.get(key)), `${file}: ${key}`).toBe(true);
      else expect(plain(now.get(key)), `${file}: ${key}`).toEqual(plain(lines));
    }
  });

  it('falls back to a full listing when the sync token has expired, deleting nothing here', async () => {
    const before = (await contactsOf(a)).length;
    b.core.store.sqlite.prepare("UPDATE sync_collections SET sync_token = 'http://radicale.org/ns/sync/expired-token-0000', supports_sync = 1").run();
    a.core.store.sqlite.prepare("UPDATE sync_collections SET sync_token = 'http://radicale.org/ns/sync/expired-token-0000', supports_sync = 1").run();
    expect((await syncA()).error).toBeNull();
    expect((await contactsOf(a)).length).toBeGreaterThanOrEqual(before);
    expect((await syncB()).error).toBeNull();
    expect((await cards()).length).toBe((await contactsOf(b)).length);
  });

  it('syncs an appointment and a follow-up through the calendar both ways', async () => {
    const contact = (await contactsOf(a))[0]!;
    await a.call('appointments.create', { title: 'Survey at Hart house', startsAt: '2026-12-10T10:00:00.000Z', endsAt: '2026-12-10T11:00:00.000Z', contactId: contact.id } as never);
    await a.call('tasks.create', { title: 'Send the quote', dueAt: '2026-12-11T09:00:00.000Z' } as never);
    expect((await syncA()).sent).toBe(2);
    const objects = await phone.multiget(calendar, (await items(calendar)).map((r) => r.href), 'calendar');
    const ours = objects.items.filter((i) => /SUMMARY:(Survey at Hart house|Send the quote)/.test(i.data));
    expect(ours.map((i) => (/BEGIN:(VEVENT|VTODO)/.exec(i.data) ?? [])[1]).sort()).toEqual(['VEVENT', 'VTODO']);
    expect((await syncB()).received).toBe(2);
    expect(JSON.stringify(await b.call('appointments.list', { from: '2026-12-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' } as never))).toContain('Survey at Hart house');
  });
});
