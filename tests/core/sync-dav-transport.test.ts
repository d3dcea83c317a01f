// The DAV transport against two independent real servers from Debian (Radicale and Xandikos) on loopback:
// discovery, collections, no duplicate on a retried create, 412 on a stale ETag, sync tokens, multiget, listing.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDavTransport, DavError, MULTIGET_BATCH, restoreLineEnds, type DavCollection, type DavTransport } from '../../electron/core/sync/dav-transport';
import { freePort, startDavServer, type DavServer, type DavServerName } from '../helpers/dav-servers';

const warnings: { message: string; details: unknown }[] = [];
const log = { warn: (message: string, details?: unknown) => { warnings.push({ message, details }); } };

function vcard(uid: string, name: string, extra = ''): string {
  return ['BEGIN:VCARD', 'VERSION:4.0', `UID:${uid}`, `FN:${name}`, `N:${name};;;;`, 'EMAIL;TYPE=work:ann@example.test', 'TEL;TYPE=cell:+44 7700 900123', ...(extra ? [extra] : []), 'END:VCARD', ''].join('\r\n');
}

function vevent(uid: string, summary: string): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Tests//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261122T090000Z',
    'DTSTART;TZID=Europe/London:20261201T100000', 'DTEND;TZID=Europe/London:20261201T110000', `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

function vtodo(uid: string, summary: string): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Tests//EN', 'BEGIN:VTODO', `UID:${uid}`, 'DTSTAMP:20261122T090000Z',
    'DUE;VALUE=DATE:20261203', `SUMMARY:${summary}`, 'END:VTODO', 'END:VCALENDAR', ''].join('\r\n');
}

/** What the server changed in text we put: lines removed and lines added (order-insensitive). */
function normalisation(sent: string, stored: string): { removed: string[]; added: string[] } {
  const a = sent.split('\r\n').filter(Boolean);
  const b = stored.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

const servers: DavServerName[] = ['radicale', 'xandikos'];

describe.each(servers)('DAV transport against %s', (name) => {
  let server: DavServer;
  let dav: DavTransport;
  let book: DavCollection;
  let calendar: DavCollection;

  beforeAll(async () => {
    server = await startDavServer(name);
    dav = createDavTransport({ serverUrl: server.url, credentials: server.credentials, timeoutMs: 10_000, log });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('starts quickly', () => {
    console.info(`${name} answered after ${server.startedInMs} ms`);
    // A quiet machine starts either in well under a second; the bound leaves room for a loaded CI runner.
    expect(server.startedInMs).toBeLessThan(10_000);
  });

  it('discovers the principal and home sets, creates an address book and a calendar, and finds them again', async () => {
    const first = await dav.discover();
    // Radicale keeps both kinds in the principal's own collection; Xandikos has one home set for each.
    const homes = name === 'radicale'
      ? { principal: '/trader/', addressBookHome: '/trader/', calendarHome: '/trader/' }
      : { principal: '/trader/', addressBookHome: '/trader/contacts/', calendarHome: '/trader/calendars/' };
    expect(first).toMatchObject(homes);

    book = await dav.createCollection(first.addressBookHome!, { kind: 'addressbook', name: 'rapport-contacts', displayName: 'Rapport contacts' });
    calendar = await dav.createCollection(first.calendarHome!, { kind: 'calendar', name: 'rapport-schedule', displayName: 'Rapport schedule', components: ['VEVENT', 'VTODO'] });
    expect(book).toMatchObject({ kind: 'addressbook', displayName: 'Rapport contacts', supportsSync: true });
    expect(calendar).toMatchObject({ kind: 'calendar', displayName: 'Rapport schedule', supportsSync: true });
    expect(book.href.startsWith(first.addressBookHome!)).toBe(true);

    const again = await dav.discover();
    expect(again.addressBooks.map((c) => c.href)).toContain(book.href);
    expect(again.calendars.map((c) => c.href)).toContain(calendar.href);
    // Xandikos ignores the requested component set and reports VEVENT, VTODO and VJOURNAL.
    expect(again.calendars.find((c) => c.href === calendar.href)!.components).toEqual(expect.arrayContaining(['VEVENT', 'VTODO']));
    expect(again.addressBooks.every((c) => c.kind === 'addressbook')).toBe(true);
  });

  it('a retried create (If-None-Match: *) is refused and the server holds exactly one copy', async () => {
    const href = dav.itemHref(book.href, 'retry-1', 'addressbook');
    expect(href).toBe(`${book.href}retry-1.vcf`);
    const first = await dav.put(href, vcard('retry-1', 'Ann Archer'), { ifNoneMatch: '*' });
    expect(first).toMatchObject({ kind: 'stored', created: true });
    const retry = await dav.put(href, vcard('retry-1', 'Ann Archer (retried)'), { ifNoneMatch: '*' });
    expect(retry).toEqual({ kind: 'preconditionFailed', message: 'The server refused the change because it changed there too.' });
    const listed = (await dav.list(book.href)).filter((i) => i.href.includes('retry-1'));
    expect(listed).toHaveLength(1);
    expect((await dav.get(href))!.data).toContain('FN:Ann Archer\r\n');
  });

  it('an update or delete with a stale ETag gets 412 and changes nothing', async () => {
    const href = dav.itemHref(book.href, 'stale-1', 'addressbook');
    const created = await dav.put(href, vcard('stale-1', 'Bea Baker'), { ifNoneMatch: '*' });
    if (created.kind !== 'stored') throw new Error('not stored');
    const etag1 = created.etag ?? (await dav.get(href))!.etag!;
    const updated = await dav.put(href, vcard('stale-1', 'Bea Baker-Brown'), { ifMatch: etag1 });
    expect(updated.kind).toBe('stored');
    const etag2 = (await dav.get(href))!.etag!;
    expect(etag2).not.toBe(etag1);

    expect((await dav.put(href, vcard('stale-1', 'Lost edit'), { ifMatch: etag1 })).kind).toBe('preconditionFailed');
    expect((await dav.remove(href, etag1)).kind).toBe('preconditionFailed');
    expect((await dav.get(href))!.data).toContain('FN:Bea Baker-Brown\r\n');
    expect(await dav.remove(href, etag2)).toEqual({ kind: 'removed' });
    expect(await dav.get(href)).toBeNull();
    expect(await dav.remove(href, etag2)).toEqual({ kind: 'notFound' });
  });

  it('lists, syncs and fetches an item whose UID has an @ (every Rapport appointment) at the very href it was put at', async () => {
    // Radicale lists `a%40b.ics` for a PUT to `a@b.ics`: stored hrefs are compared as strings, so one spelling or
    // every first sync fetches each appointment again as if it were new.
    const href = dav.itemHref(calendar.href, 'spelled@rapport', 'calendar');
    const put = await dav.put(href, vevent('spelled@rapport', 'One spelling'), { ifNoneMatch: '*' });
    expect(put.kind).toBe('stored');
    expect((await dav.list(calendar.href)).map((r) => r.href)).toContain(href);
    const changes = await dav.syncChanges(calendar.href, null);
    if (changes.kind !== 'changes') throw new Error('no sync');
    expect(changes.changed.map((r) => r.href)).toContain(href);
    expect((await dav.multiget(calendar.href, [href], 'calendar')).items.map((i) => i.href)).toEqual([href]);
    expect((await dav.get(href))!.href).toBe(href);
  });

  it('sync-collection returns exactly the changed and deleted hrefs since a token, and nothing after the new one', async () => {
    for (const collection of [book, calendar]) {
      const kind = collection.kind;
      const body = (uid: string, text: string) => (kind === 'addressbook' ? vcard(uid, text) : uid.startsWith('t') ? vtodo(uid, text) : vevent(uid, text));
      const put = async (uid: string, text: string) => {
        const href = dav.itemHref(collection.href, uid, kind);
        const r = await dav.put(href, body(uid, text), { ifNoneMatch: '*' });
        if (r.kind !== 'stored') throw new Error(`${uid} not stored`);
        return { href, etag: r.etag ?? (await dav.get(href))!.etag! };
      };
      const keep = await put('e-keep', 'Unchanged');
      const edit = await put('e-edit', 'Before');
      const gone = await put('t-gone', 'Deleted soon');

      const start = await dav.syncChanges(collection.href, null);
      if (start.kind !== 'changes') throw new Error('no token');
      expect(start.changed.map((c) => c.href)).toEqual(expect.arrayContaining([keep.href, edit.href, gone.href]));
      expect(start.more).toBe(false);

      const added = await put('t-new', 'Added');
      expect((await dav.put(edit.href, body('e-edit', 'After'), { ifMatch: edit.etag })).kind).toBe('stored');
      expect((await dav.remove(gone.href, gone.etag)).kind).toBe('removed');

      const next = await dav.syncChanges(collection.href, start.token);
      if (next.kind !== 'changes') throw new Error('token refused');
      expect(next.changed.map((c) => c.href).sort()).toEqual([added.href, edit.href].sort());
      expect(next.deleted).toEqual([gone.href]);
      expect(next.token).not.toBe(start.token);

      const quiet = await dav.syncChanges(collection.href, next.token);
      expect(quiet).toMatchObject({ kind: 'changes', changed: [], deleted: [] });
    }
  });

  it('an unknown sync token is reported as tokenExpired, not as an error', async () => {
    const start = await dav.syncChanges(book.href, null);
    if (start.kind !== 'changes') throw new Error('no token');
    // Same shape as a real token, but the server never issued it.
    const forged = start.token.replace(/[0-9a-f]{8}$/i, '00000000');
    expect(forged).not.toBe(start.token);
    expect(await dav.syncChanges(book.href, forged)).toEqual({ kind: 'tokenExpired' });
  });

  it('multiget in batches returns every item with its ETag, and the data as put (modulo the server normalisation)', async () => {
    expect(MULTIGET_BATCH).toBe(100);
    // Batches of 20 here keep the test short (each PUT is a disk sync on Radicale, a git commit on Xandikos).
    let reports = 0;
    const counting: typeof fetch = (input, init) => {
      if (init?.method === 'REPORT') reports++;
      return fetch(input, init);
    };
    const batched = createDavTransport({ serverUrl: server.url, credentials: server.credentials, log, multigetBatch: 20, fetch: counting });
    const count = 45;
    const sent = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      const uid = `bulk-${String(i).padStart(4, '0')}`;
      const href = dav.itemHref(book.href, uid, 'addressbook');
      const data = vcard(uid, `Person ${i}`, i % 2 ? 'NOTE:Line one\\nline two\\, with a comma\\, and a semicolon\\;' : 'X-PHONE-APP-FIELD;X-KEEP=yes:kept as is');
      expect((await dav.put(href, data, { ifNoneMatch: '*' })).kind).toBe('stored');
      sent.set(href, data);
    }
    const hrefs = [...sent.keys()];
    const { items, missing } = await batched.multiget(book.href, [...hrefs, `${book.href}never-there.vcf`], 'addressbook');
    expect(reports).toBe(3);
    expect(missing).toEqual([`${book.href}never-there.vcf`]);
    expect(items.map((i) => i.href).sort()).toEqual(hrefs.sort());

    const listed = new Map((await dav.list(book.href)).map((i) => [i.href, i.etag]));
    const changes = new Set<string>();
    for (const item of items) {
      expect(item.etag).toBe(listed.get(item.href));
      // The multiget text equals what a plain GET returns, byte for byte.
      expect(item.data).toBe((await dav.get(item.href))!.data);
      const diff = normalisation(sent.get(item.href)!, item.data);
      for (const line of diff.removed) changes.add(`- ${line.replace(/bulk-\d+|Person \d+/g, '…')}`);
      for (const line of diff.added) changes.add(`+ ${line.replace(/bulk-\d+|Person \d+/g, '…')}`);
    }
    console.info(`${name} normalisation of vCards:`, changes.size ? [...changes] : 'none (stored byte for byte)');
    // Every line Rapport cares about survives (the server may only reformat, never drop or rewrite these).
    for (const item of items) {
      expect(item.data).toContain(`UID:${item.href.replace(/^.*\/|\.vcf$/g, '')}\r\n`);
      expect(item.data).toMatch(/X-PHONE-APP-FIELD;X-KEEP=yes:kept as is|NOTE:Line one\\nline two\\, with a comma\\, and a semicolon\\;/);
    }

    const ev = dav.itemHref(calendar.href, 'multi-ev', 'calendar');
    const td = dav.itemHref(calendar.href, 'multi-td', 'calendar');
    await dav.put(ev, vevent('multi-ev', 'Site visit'), { ifNoneMatch: '*' });
    await dav.put(td, vtodo('multi-td', 'Send the quote'), { ifNoneMatch: '*' });
    const cal = await dav.multiget(calendar.href, [ev, td], 'calendar');
    expect(cal.items).toHaveLength(2);
    const calChanges = cal.items.flatMap((i) => {
      const d = normalisation(i.href === ev ? vevent('multi-ev', 'Site visit') : vtodo('multi-td', 'Send the quote'), i.data);
      return [...d.removed.map((l) => `- ${l}`), ...d.added.map((l) => `+ ${l}`)];
    });
    console.info(`${name} normalisation of iCalendar:`, calChanges.length ? calChanges : 'none (stored byte for byte)');
    expect(cal.items.find((i) => i.href === ev)!.data).toContain('DTSTART;TZID=Europe/London:20261201T100000\r\n');
    expect(cal.items.find((i) => i.href === td)!.data).toContain('DUE;VALUE=DATE:20261203\r\n');
  });

  it('a second item with a UID the collection already holds: Radicale refuses it (uidConflict), Xandikos stores it', async () => {
    const first = dav.itemHref(book.href, 'twin-1', 'addressbook');
    const created = await dav.put(first, vcard('twin-1', 'Twin One'), { ifNoneMatch: '*' });
    expect(created.kind).toBe('stored');
    console.info(`${name} answers a create with ${created.kind === 'stored' && created.etag ? 'an ETag' : 'no ETag'}`);
    const other = await dav.put(`${book.href}somewhere-else.vcf`, vcard('twin-1', 'Twin One again'), { ifNoneMatch: '*' });
    const copies = (await dav.list(book.href)).filter((i) => /twin-1|somewhere-else/.test(i.href));
    if (name === 'radicale') {
      // 409 with <C:no-uid-conflict/> but without the existing item's href.
      expect(other).toEqual({ kind: 'uidConflict', existing: null, message: 'Another item on the server already has this UID.' });
      expect(copies).toHaveLength(1);
    } else {
      // Xandikos does not enforce one item per UID: only the engine's UID map and deterministic hrefs prevent twins.
      expect(other.kind).toBe('stored');
      expect(copies).toHaveLength(2);
    }
  });

  it('records what the server does to an unescaped comma in a text value (why the engine must escape)', async () => {
    const href = dav.itemHref(book.href, 'comma-1', 'addressbook');
    await dav.put(href, vcard('comma-1', 'Comma Test', 'NOTE:first part, second part'), { ifNoneMatch: '*' });
    const note = /\r\nNOTE:([^\r]*)\r\n/.exec((await dav.get(href))!.data)?.[1];
    console.info(`${name} stores "NOTE:first part, second part" as "NOTE:${note}"`);
    expect(note === 'first part, second part' || note === 'first part').toBe(true);
  });

  it('a UID that is not a safe file name still gets one deterministic href the server accepts', async () => {
    const uid = 'urn:uuid:Ünïcode/with spaces?&#';
    const href = dav.itemHref(book.href, uid, 'addressbook');
    expect(href).toBe(dav.itemHref(book.href, uid, 'addressbook'));
    expect(href).toMatch(/^[A-Za-z0-9@._/-]+\.vcf$/);
    expect((await dav.put(href, vcard(uid, 'Odd Uid'), { ifNoneMatch: '*' })).kind).toBe('stored');
    expect((await dav.put(href, vcard(uid, 'Odd Uid'), { ifNoneMatch: '*' })).kind).toBe('preconditionFailed');
  });

  it('a wrong password becomes the app words, never the library text or the password', async () => {
    const wrong = createDavTransport({ serverUrl: server.url, credentials: { username: server.credentials.username, password: 'not-the-password' }, log });
    if (!server.checksPassword) {
      // Xandikos has no authentication of its own (it expects a proxy in front): it accepts any password.
      await expect(wrong.list(book.href)).resolves.toBeInstanceOf(Array);
      return;
    }
    warnings.length = 0;
    const error = await wrong.discover().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DavError);
    expect((error as DavError).kind).toBe('auth');
    expect((error as DavError).message).toBe('The user name or password was refused by the server at ' + new URL(server.url).host + '. Check them in the sync settings (some servers need an app password).');
    expect(JSON.stringify(warnings)).not.toContain('not-the-password');
    expect(JSON.stringify(warnings)).not.toContain(Buffer.from(`${server.credentials.username}:not-the-password`).toString('base64'));
  });
});

describe('DAV transport failures without a DAV server', () => {
  let fake: Server | null = null;
  afterAll(() => new Promise<void>((resolve) => (fake ? fake.close(() => resolve()) : resolve())));

  it('a server that does not answer is "did not answer"', async () => {
    const port = await freePort();
    const dav = createDavTransport({ serverUrl: `http://127.0.0.1:${port}/`, credentials: { username: 'u', password: 'p' }, timeoutMs: 2000 });
    const error = await dav.list('/u/book/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DavError);
    expect((error as DavError).message).toBe(`The server at 127.0.0.1:${port} did not answer. Check the server address and your internet connection; Rapport will try again.`);
  });

  it('a truncated sync answer (507, RFC 6578 section 3.6) gives more: true; a web page instead of a listing is an error, not "empty"', async () => {
    // Neither Debian server truncates, so this one answer is a recorded RFC 6578 example served on loopback.
    fake = createServer((req, res) => {
      if (req.method === 'PROPFIND') {
        // A web page where a DAV collection should be: must not read as "the collection is empty".
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body>Welcome</body></html>');
        return;
      }
      res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' });
      res.end(`<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
  <d:response><d:href>/u/book/a.vcf</d:href><d:propstat><d:prop><d:getetag>"00012"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
  <d:response><d:href>/u/book/b.vcf</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>
  <d:response><d:href>${req.url}</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status><d:error><d:number-of-matches-within-limits/></d:error></d:response>
  <d:sync-token>http://example.test/sync/0001</d:sync-token>
</d:multistatus>`);
    });
    const port = await new Promise<number>((resolve) => fake!.listen(0, '127.0.0.1', () => resolve((fake!.address() as { port: number }).port)));
    const dav = createDavTransport({ serverUrl: `http://127.0.0.1:${port}/`, credentials: { username: 'u', password: 'p' } });
    expect(await dav.syncChanges('/u/book/', 'http://example.test/sync/0000')).toEqual({
      kind: 'changes', changed: [{ href: '/u/book/a.vcf', etag: '"00012"' }], deleted: ['/u/book/b.vcf'], token: 'http://example.test/sync/0001', more: true,
    });
    const notDav = await dav.list('/u/book/').catch((e: unknown) => e);
    expect(notDav).toBeInstanceOf(DavError);
    expect((notDav as DavError).kind).toBe('protocol');
  });

  it('gives a listing of a whole collection minutes, and one item seconds (a big collection is read before the answer)', async () => {
    // Radicale reads every item before it answers a listing: 20,000 events took it over 30 s, the one-item limit.
    const slow = createServer((req, res) => {
      setTimeout(() => {
        if (req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/vcard', ETag: '"1"' });
          res.end('BEGIN:VCARD\r\nEND:VCARD\r\n');
          return;
        }
        res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' });
        res.end(`<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/u/book/a.vcf</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`);
      }, 600);
    });
    const port = await new Promise<number>((resolve) => slow.listen(0, '127.0.0.1', () => resolve((slow.address() as { port: number }).port)));
    try {
      const dav = createDavTransport({ serverUrl: `http://127.0.0.1:${port}/`, credentials: { username: 'u', password: 'p' }, timeoutMs: 300, collectionTimeoutMs: 5_000 });
      expect(await dav.list('/u/book/')).toEqual([{ href: '/u/book/a.vcf', etag: '"1"' }]);
      expect((await dav.multiget('/u/book/', ['/u/book/a.vcf'], 'addressbook')).missing).toEqual(['/u/book/a.vcf']);
      expect(((await dav.get('/u/book/a.vcf').catch((e: unknown) => e)) as DavError).kind).toBe('unreachable');
    } finally {
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('puts CRLF line ends back after XML turned them into LF', () => {
    expect(restoreLineEnds('BEGIN:VCARD\nFN:A\nEND:VCARD')).toBe('BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n');
    expect(restoreLineEnds('BEGIN:VCARD\r\nEND:VCARD\r\n')).toBe('BEGIN:VCARD\r\nEND:VCARD\r\n');
  });
});
