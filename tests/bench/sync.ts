// BENCH=sync (issue #24 item 9): a first sync of 10,000 contacts and 20,000 appointments to a local Radicale and from
// it into a second, empty Rapport, then an incremental sync with 10 changes on each side (target: under 2 s end to
// end) and a sync with nothing to do. The server's own share is the time Radicale spent answering (measured by a
// loopback proxy in front of it). One JSON line per case on stdout.
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/app';
import { createDavTransport } from '../../electron/core/sync/dav-transport';
import { harnessPlatform } from '../../electron/harness/platform';
import { startDavServer } from '../helpers/dav-servers';
import { tempDir } from '../helpers/core';
import { startFlakyProxy } from '../helpers/flaky-proxy';
import { call } from './call';
import { seed } from './seed';
import { seedAppointments } from './seed-appointments';

const CONTACTS = Number(process.env.BENCH_SYNC_CONTACTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 20_000);
const TARGET_INCREMENTAL_MS = 2_000;

export async function benchSync(logger: Parameters<typeof openCore>[0]['logger']): Promise<void> {
  const server = await startDavServer('radicale', { timeoutMs: 20_000 });
  const proxy = await startFlakyProxy(server.url);
  const cores: Core[] = [];
  try {
    const dirA = tempDir('rapport-bench-sync-a-');
    const seeded = await seed(dirA, { contacts: CONTACTS, companies: 200, ...(logger ? { logger } : {}) });
    seedAppointments(seeded.file, EVENTS);
    const a = await openCore({ dataDir: dirA, platform: harnessPlatform(dirA), startReminders: false, ...(logger ? { logger } : {}) });
    cores.push(a);
    const login = { serverUrl: proxy.url, ...server.credentials };
    const added = await call(a, 'sync.accounts.add', { ...login, addressBook: null, createAddressBook: 'Bench contacts', eventsCalendar: null, tasksCalendar: null, createCalendar: 'Bench diary', calendars: [] });
    const run = async (core: Core, account: string) => {
      proxy.serverMs = 0;
      const started = performance.now();
      const [report] = (await call(core, 'sync.now', { accountId: account })).reports;
      if (report!.error) throw new Error(`sync failed: ${report!.error}`);
      return { ms: Math.round(performance.now() - started), serverMs: Math.round(proxy.serverMs), report: report! };
    };
    const line = (name: string, r: Awaited<ReturnType<typeof run>>, extra: object = {}) =>
      console.log(JSON.stringify({ case: name, ms: r.ms, serverMs: r.serverMs, serverShare: Math.round((r.serverMs / r.ms) * 100) / 100, sent: r.report.sent, received: r.report.received, ...extra }));

    line('sync: first push (10,000 contacts, 20,000 appointments)', await run(a, added.id), { contacts: CONTACTS, appointments: EVENTS });

    const dirB = tempDir('rapport-bench-sync-b-');
    const b = await openCore({ dataDir: dirB, platform: harnessPlatform(dirB), startReminders: false, ...(logger ? { logger } : {}) });
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
    if (incremental.ms >= TARGET_INCREMENTAL_MS) console.error(`MISSED: incremental sync took ${incremental.ms} ms (target ${TARGET_INCREMENTAL_MS} ms)`);
    console.error(`sync bench data: ${join(dirA)} and ${dirB}`);
  } finally {
    for (const core of cores) core.close();
    await proxy.close();
    await server.stop();
  }
}
