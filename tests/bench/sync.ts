// BENCH=sync (issue #24 item 9): sync against a local Radicale, each case with the server's own share (the time
// Radicale spent answering, measured by a loopback proxy in front of it). One JSON line per case on stdout.
//
// Radicale 3.1.8 checks every new item's UID against every item already in the collection (put.py: has_uid) and
// sweeps its cache folder on each upload, so an upload of n new items costs it O(n²): a PUT takes 13 ms into an empty
// address book and 103 ms once it holds 1,000 cards. A first push of 30,000 items would take the server hours, so the
// first push is timed at BENCH_SYNC_PUSH_CONTACTS + BENCH_SYNC_PUSH_EVENTS (1,000 + 2,000; 0 skips it), and the
// full-size cases start from a server that already holds the 10,000 cards and 20,000 events, byte for byte what
// Rapport would have sent (written into Radicale's folder, then listed once so Radicale builds the cache an upload
// builds): the first sync then finds them with one listing and fetches them 100 at a time (a reconnect after a
// reinstall), a second, empty Rapport pulls all 30,000, and the incremental sync (10 changes on each side, target
// under 2 s end to end) runs at full size.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openCore, type Core } from '../../electron/core/app';
import { createDavTransport, itemHref } from '../../electron/core/sync/dav-transport';
import { localChanges } from '../../electron/core/sync/push';
import { accountRow, collectionRows } from '../../electron/db/sync.repo';
import { harnessPlatform } from '../../electron/harness/platform';
import { startDavServer, type DavServer } from '../helpers/dav-servers';
import { tempDir } from '../helpers/core';
import { startFlakyProxy } from '../helpers/flaky-proxy';
import { call } from './call';
import { seed } from './seed';
import { seedAppointments } from './seed-appointments';

const CONTACTS = Number(process.env.BENCH_SYNC_CONTACTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 20_000);
const PUSH_CONTACTS = Number(process.env.BENCH_SYNC_PUSH_CONTACTS ?? 1_000);
const PUSH_EVENTS = Number(process.env.BENCH_SYNC_PUSH_EVENTS ?? 2_000);
const TARGET_INCREMENTAL_MS = 2_000;

type Logger = Parameters<typeof openCore>[0]['logger'];

async function seededCore(prefix: string, contacts: number, events: number, logger: Logger): Promise<Core> {
  const dir = tempDir(prefix);
  if (contacts > 0) {
    const seeded = await seed(dir, { contacts, companies: 200, ...(logger ? { logger } : {}) });
    seedAppointments(seeded.file, events);
  }
  return openCore({ dataDir: dir, platform: harnessPlatform(dir), startReminders: false, ...(logger ? { logger } : {}) });
}

/** Writes what Rapport would send for each record into Radicale's own folder, at the href Rapport would use. */
async function fillServer(core: Core, accountId: string, server: DavServer): Promise<number> {
  const account = (await accountRow(core.store.db, accountId))!;
  let written = 0;
  for (const collection of await collectionRows(core.store.db, accountId)) {
    const folder = join(server.storage, 'collections', 'collection-root', decodeURIComponent(collection.href));
    if (!existsSync(join(folder, '.Radicale.props'))) throw new Error(`not Radicale's folder for ${collection.href}: ${folder}`);
    const changes = await localChanges({ collection, objects: new Map(), mappers: core.modules.sync.engine.mappersFor(collection), account });
    for (const { record, text } of changes.created) {
      writeFileSync(join(folder, decodeURIComponent(basename(itemHref(collection.href, record.uid, collection.kind)))), text);
      written += 1;
    }
  }
  // Radicale builds its per-item cache when an item is PUT; these were written behind its back, so one listing with
  // no time limit builds it now (untimed), as an upload would have.
  // curl, not fetch: reading 20,000 uncached events takes Radicale longer than undici's 300 s answer limit.
  const started = performance.now();
  for (const collection of await collectionRows(core.store.db, accountId)) {
    execFileSync('curl', ['-sf', '-o', '/dev/null', '-X', 'PROPFIND', '-H', 'Depth: 1', '-u', `${server.credentials.username}:${server.credentials.password}`, new URL(collection.href, server.url).href]);
  }
  console.error(`sync bench: Radicale read the ${written} items written into its folder in ${Math.round((performance.now() - started) / 1000)} s`);
  return written;
}

export async function benchSync(logger: Logger): Promise<void> {
  const server = await startDavServer('radicale', { timeoutMs: 20_000 });
  const proxy = await startFlakyProxy(server.url);
  const cores: Core[] = [];
  try {
    const login = { serverUrl: proxy.url, ...server.credentials };
    const run = async (core: Core, account: string) => {
      proxy.serverMs = 0;
      const started = performance.now();
      const [report] = (await call(core, 'sync.now', { accountId: account })).reports;
      if (report!.error) throw new Error(`sync failed: ${report!.error}`);
      return { ms: Math.round(performance.now() - started), serverMs: Math.round(proxy.serverMs), report: report! };
    };
    const line = (name: string, r: Awaited<ReturnType<typeof run>>, extra: object = {}) =>
      console.log(JSON.stringify({ case: name, ms: r.ms, serverMs: r.serverMs, serverShare: Math.round((r.serverMs / r.ms) * 100) / 100, sent: r.report.sent, received: r.report.received, ...extra }));

    if (PUSH_CONTACTS > 0) {
      const small = await seededCore('rapport-bench-sync-push-', PUSH_CONTACTS, PUSH_EVENTS, logger);
      cores.push(small);
      const pushed = await call(small, 'sync.accounts.add', { ...login, addressBook: null, createAddressBook: 'Push contacts', eventsCalendar: null, tasksCalendar: null, createCalendar: 'Push diary', calendars: [] });
      const r = await run(small, pushed.id);
      line(`sync: first push into an empty Radicale (${PUSH_CONTACTS} contacts, ${PUSH_EVENTS} appointments)`, r, { perItemMs: Math.round((r.ms / Math.max(1, r.report.sent)) * 10) / 10 });
    }

    const a = await seededCore('rapport-bench-sync-a-', CONTACTS, EVENTS, logger);
    cores.push(a);
    const added = await call(a, 'sync.accounts.add', { ...login, addressBook: null, createAddressBook: 'Bench contacts', eventsCalendar: null, tasksCalendar: null, createCalendar: 'Bench diary', calendars: [] });
    const onServer = await fillServer(a, added.id, server);
    line(`sync: first sync, the server already holding the same ${onServer} items`, await run(a, added.id), { contacts: CONTACTS, appointments: EVENTS });

    const b = await seededCore('rapport-bench-sync-b-', 0, 0, logger);
    cores.push(b);
    const addedB = await call(b, 'sync.accounts.add', { ...login, addressBook: added.addressBook!.href, eventsCalendar: added.eventsCalendar!.href, tasksCalendar: added.eventsCalendar!.href, calendars: [] });
    line('sync: first pull into an empty Rapport', await run(b, addedB.id));

    line('sync: nothing changed', await run(a, added.id));

    // 10 changes here, 10 on the server (a phone editing cards).
    const contacts = (await call(a, 'contacts.list', { limit: 40 })).items;
    for (const c of contacts.slice(0, 10)) await call(a, 'contacts.update', { id: c.id, notes: `Changed here ${c.id.slice(-4)}` });
    const phone = createDavTransport({ serverUrl: server.url, credentials: server.credentials });
    const refs = (await phone.list(added.addressBook!.href)).slice(0, 400);
    const cards = (await phone.multiget(added.addressBook!.href, refs.map((r) => r.href), 'addressbook')).items;
    const mine = new Set(contacts.slice(0, 10).map((c) => c.id));
    let edited = 0;
    for (const card of cards) {
      if (edited === 10 || [...mine].some((id) => card.data.includes(id))) continue;
      const put = await phone.put(card.href, card.data.replace(/END:VCARD/, 'NOTE:Changed on the phone\r\nEND:VCARD'), { ifMatch: card.etag! });
      if (put.kind === 'stored') edited += 1;
    }
    const incremental = await run(a, added.id);
    line('sync: incremental, 10 changes each side', incremental, { target: TARGET_INCREMENTAL_MS, met: incremental.ms < TARGET_INCREMENTAL_MS });
    if (incremental.report.sent !== 10 || incremental.report.received !== 10) throw new Error(`incremental sync sent ${incremental.report.sent} and received ${incremental.report.received}, not 10 and 10`);
    if (incremental.ms >= TARGET_INCREMENTAL_MS) console.error(`MISSED: incremental sync took ${incremental.ms} ms (target ${TARGET_INCREMENTAL_MS} ms)`);
  } finally {
    for (const core of cores) core.close();
    await proxy.close();
    await server.stop();
  }
}
