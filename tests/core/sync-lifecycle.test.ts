// What happens to synced records around sync on a real Radicale (issue #24): a card Rapport cannot hold stays on the
// server and the status says why; a phone's edit of a contact merged away here lands on the survivor and the old card
// goes (one card on the phone, up to date); erasing a person deletes their card from the server; and the scheduler
// runs a few seconds after a change, and again after a failure on a backoff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDavTransport, type DavTransport } from '../../electron/core/sync/dav-transport';
import { LIST_BEFORE_CREATING } from '../../electron/core/sync/push';
import { AFTER_CHANGE_MS, createSyncLoop } from '../../electron/core/sync/scheduler';
import { openTestCore, type TestCore } from '../helpers/core';
import { startDavServer, type DavServer } from '../helpers/dav-servers';
import { startFlakyProxy, type FlakyProxy } from '../helpers/flaky-proxy';

let server: DavServer;
let proxy: FlakyProxy;
let phone: DavTransport;
let t: TestCore;
let account = '';
let book = '';

const syncNow = async () => (await t.call('sync.now', { accountId: account })).reports[0]!;
const cardOf = async (name: string) => {
  const refs = await phone.list(book);
  return (await phone.multiget(book, refs.map((r) => r.href), 'addressbook')).items.filter((c) => c.data.includes(`FN:${name}\r\n`));
};
const idOf = (name: string) => (t.core.store.sqlite.prepare('SELECT id FROM contacts WHERE display_name = ? AND deleted_at IS NULL').get(name) as { id: string }).id;

beforeAll(async () => {
  server = await startDavServer('radicale');
  proxy = await startFlakyProxy(server.url);
  phone = createDavTransport({ serverUrl: server.url, credentials: server.credentials, timeoutMs: 10_000 });
  t = await openTestCore();
  const added = await t.call('sync.accounts.add', { serverUrl: proxy.url, ...server.credentials, addressBook: null, createAddressBook: 'Contacts', eventsCalendar: null, tasksCalendar: null, calendars: [] });
  account = added.id;
  book = added.addressBook!.href;
}, 60_000);
afterAll(async () => {
  t?.destroy();
  await proxy?.close();
  await server?.stop();
});

describe('sync around the rest of Rapport', () => {
  it('counts the changes waiting to be sent only when asked: the sidebar badge asks after every edit and must stay cheap', async () => {
    expect((await syncNow()).error).toBeNull();
    await t.call('contacts.create', { firstName: 'Waiting', lastName: 'Tosend' });
    const [asked] = (await t.call('sync.status', { pending: true })).accounts;
    expect(asked!.pendingChanges).toBe(1);
    const [plain] = (await t.call('sync.status', {})).accounts;
    expect(plain!.pendingChanges).toBeNull();
    expect((await syncNow()).error).toBeNull();
    expect((await t.call('sync.status', { pending: true })).accounts[0]!.pendingChanges).toBe(0);
  });

  it('leaves a card it cannot hold on the server, and the status says which and why', async () => {
    const empty = ['BEGIN:VCARD', 'VERSION:4.0', 'UID:just-a-note', 'FN:', 'NOTE:Call back about the gate', 'END:VCARD', ''].join('\r\n');
    expect((await phone.put(`${book}just-a-note.vcf`, empty, { ifNoneMatch: '*' })).kind).toBe('stored');
    expect((await syncNow()).error).toBeNull();
    const [status] = (await t.call('sync.status', {})).accounts;
    expect(status!.unreadable).toEqual([{ item: 'just-a-note.vcf', reason: expect.stringMatching(/no name, company, email address or phone number/) }]);
    expect(status!.unreadable[0]!.reason).not.toMatch(/^firstName:/);
    expect(await phone.get(`${book}just-a-note.vcf`)).not.toBeNull();
  });

  it("puts a phone's edit of a merged-away contact onto the survivor and deletes the old card", async () => {
    await t.call('contacts.create', { firstName: 'Ann', lastName: 'Keep', emails: [{ value: 'ann@keep.test' }] });
    await t.call('contacts.create', { firstName: 'Ann', lastName: 'Twin', emails: [{ value: 'ann@twin.test' }] });
    await syncNow();
    const [twinCard] = await cardOf('Ann Twin');
    const edited = twinCard!.data.replace('END:VCARD', 'TITLE:Site manager\r\nEND:VCARD');
    expect((await phone.put(twinCard!.href, edited, { ifMatch: twinCard!.etag! })).kind).toBe('stored');
    await t.call('contacts.merge', { ids: [idOf('Ann Keep'), idOf('Ann Twin')], keep: idOf('Ann Keep') });
    expect((await syncNow()).error).toBeNull();
    expect(await cardOf('Ann Twin')).toEqual([]);
    expect((await t.call('contacts.get', { id: idOf('Ann Keep') })).jobTitle).toBe('Site manager');
    expect((await t.call('sync.conflicts.list', {})).conflicts).toEqual([]);
    // The next run sends the survivor with the phone's title: the phone ends with one card, up to date.
    await syncNow();
    expect((await cardOf('Ann Keep')).map((c) => /TITLE:(.*)\r\n/.exec(c.data)?.[1])).toEqual(['Site manager']);
  });

  it("deletes an erased person's card from the server at the next sync, even after a phone's edit", async () => {
    await t.call('contacts.create', { firstName: 'Erin', lastName: 'Gone', phones: [{ value: '07700 900555' }] });
    await syncNow();
    const [card] = await cardOf('Erin Gone');
    await phone.put(card!.href, card!.data.replace('END:VCARD', 'NOTE:Edited on the phone\r\nEND:VCARD'), { ifMatch: card!.etag! });
    await t.call('privacy.erase', { contactId: idOf('Erin Gone') });
    const leftovers = t.core.store.sqlite.prepare(`SELECT count(*) FROM sync_objects WHERE base_text LIKE '%Erin%'`).pluck().get();
    expect(leftovers).toBe(0);
    expect((await syncNow()).error).toBeNull();
    expect(await cardOf('Erin Gone')).toEqual([]);
    expect((await t.call('sync.conflicts.list', {})).conflicts).toEqual([]);
  });

  it('reconnected to a server that already holds its records, takes each as it is: one listing, no PUT, no second copy', async () => {
    for (let i = 0; i < LIST_BEFORE_CREATING + 5; i++) await t.call('contacts.create', { firstName: 'Rec', lastName: `Number ${i}`, emails: [{ value: `rec${i}@again.test` }] });
    expect((await syncNow()).error).toBeNull();
    // As after a reinstall restored from a backup: the account is added again and nothing says what is on the server.
    await t.call('sync.accounts.remove', { id: account });
    const again = await t.call('sync.accounts.add', { serverUrl: proxy.url, ...server.credentials, addressBook: book, eventsCalendar: null, tasksCalendar: null, calendars: [] });
    account = again.id;
    proxy.requests.length = 0;
    const report = await syncNow();
    expect(report).toMatchObject({ error: null, sent: 0 });
    expect(proxy.requests.filter((r) => r.startsWith('PUT ') || r.startsWith('GET '))).toEqual([]);
    // One listing (before creating); the pull takes sync-collection from no token as its listing, not a second one.
    expect(proxy.requests.filter((r) => r.startsWith('PROPFIND '))).toHaveLength(1);
    for (let i = 0; i < LIST_BEFORE_CREATING + 5; i++) expect(await cardOf(`Rec Number ${i}`)).toHaveLength(1);
    const pending = (await t.call('sync.status', { pending: true })).accounts[0]!;
    expect(pending).toMatchObject({ pendingChanges: 0, conflicts: 0 });
  });

  it('runs a few seconds after a change, and after a failure again on a backoff', async () => {
    const loop = createSyncLoop({ db: t.core.store.db, clock: t.clock, events: t.core.events, newId: () => crypto.randomUUID() }, t.core.modules.sync.engine);
    try {
      t.clock.advance(60_000);
      await syncNow();
      const lastSync = Date.parse((await t.call('sync.status', {})).accounts[0]!.lastSyncAt!);
      expect(await loop.run()).toBe(lastSync + 15 * 60_000); // nothing changed: next regular run
      await t.call('contacts.create', { firstName: 'Nia', lastName: 'Soon' });
      const changedAt = t.clock.now().getTime();
      expect(await loop.run()).toBe(changedAt + AFTER_CHANGE_MS);
      expect(await cardOf('Nia Soon')).toEqual([]);
      t.clock.advance(AFTER_CHANGE_MS);
      proxy.setOffline(true);
      await loop.run();
      const [offline] = (await t.call('sync.status', {})).accounts;
      expect(offline!.state).toBe('offline');
      expect(Date.parse(offline!.nextAttemptAt!)).toBe(t.clock.now().getTime() + 30_000);
      proxy.setOffline(false);
      t.clock.advance(30_000);
      await loop.run();
      expect(await cardOf('Nia Soon')).toHaveLength(1);
      expect((await t.call('sync.status', {})).accounts[0]!.nextAttemptAt).toBeNull();
    } finally {
      loop.dispose();
    }
  });
});
