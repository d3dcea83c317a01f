// The fuzz run shared by tests/core/fuzz.test.ts (a short run in `npm test`) and tests/bench/fuzz.ts (a long one):
// a real core on a temp SQLite store with a few records and picked files, then requests for every channel made from
// its input JSON Schema, some fired together (two exports, two opens at once), answers counted by code.
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { contract, type Channel } from '../../shared/ipc/contract';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { lcg } from '../bench/random';
import { openTestCore, type TestCore } from '../helpers/core';
import { describe, KIND_OF_DOMAIN, pick, request, type FuzzWorld, type JsonSchema } from './fuzz-values';

export interface FuzzOptions {
  requests: number;
  seed: number;
  /** Longest a single request may take before it is counted as hung (it is left running). */
  timeoutMs?: number;
  progress?: (done: number) => void;
  /** Only channels whose name matches (to repeat a failure on one channel); all when absent. */
  only?: RegExp;
}

export interface FuzzFailure {
  channel: string;
  input: string;
  /** What main logged for it: the message and the top of the stack. */
  logged: string[];
}

export interface FuzzResult {
  seed: number;
  total: number;
  byCode: Record<string, number>;
  byChannel: Record<string, number>;
  internal: FuzzFailure[];
  hung: FuzzFailure[];
  seconds: number;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Files and paths the requests point at; the readable ones are picked with files.pick like a user would. */
async function filesFor(t: TestCore): Promise<Pick<FuzzWorld, 'pickedPaths' | 'hostilePaths'>> {
  const dir = join(t.dataDir, 'fuzz-files');
  mkdirSync(dir, { recursive: true });
  const sources = ['transfer/google.csv', 'transfer/outlook.csv', 'transfer/vcard-30-apple.vcf', 'ics/multi.ics', 'ics/single.ics', 'email/received.eml'];
  const picked = sources.map((source) => {
    const to = join(dir, basename(source));
    copyFileSync(join(FIXTURES, source), to);
    return to;
  });
  const note = join(dir, 'note.txt');
  writeFileSync(note, 'A short note kept as a document.\n');
  picked.push(note);
  writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify(picked));
  await t.call('files.pick', { purpose: 'document', multiple: true });
  const link = join(dir, 'link.csv');
  symlinkSync('/etc/passwd', link);
  const hostile = [
    'google.csv',
    './google.csv',
    join(dir, '..', basename(dir), 'google.csv'),
    `${dir}/../../../../../../etc/passwd`,
    link,
    '/etc/hostname',
    '/proc/self/status',
    t.dataDir,
    join(dir, 'missing.csv'),
    join(dir, `${'a'.repeat(300)}.csv`),
    join(dir, `${'é'.repeat(200)}.ics`),
    join(dir, 'a\u0000b.csv'),
    `/${'d/'.repeat(2040)}x`,
    '',
  ];
  return { pickedPaths: picked, hostilePaths: hostile };
}

/** A few records of every kind, so ids in requests often name something real. */
async function seed(t: TestCore, world: FuzzWorld): Promise<void> {
  const add = (kind: string, id: string) => world.ids.set(kind, [...(world.ids.get(kind) ?? []), id]);
  const companyId = (await t.call('companies.create', { name: 'Fuzz Co', tags: ['trade'] })).id;
  add('company', companyId);
  for (const [firstName, email] of [['Ann', 'ann'], ['Bob', 'bob'], ['Émile', 'emile']] as const) {
    add('contact', (await t.call('contacts.create', { firstName, companyId, emails: [{ value: `${email}@example.com` }], tags: ['vip'] })).id);
  }
  const contactId = world.ids.get('contact')![0]!;
  add('activity', (await t.call('activities.create', { contactId, type: 'call', notes: 'first call' })).id);
  add('task', (await t.call('tasks.create', { title: 'Call back', contactId, dueAt: '2026-11-20T09:00:00Z' })).id);
  for (const stage of (await t.call('jobs.settings.get', {})).stages) add('stage', stage.id);
  add('job', (await t.call('jobs.create', { title: 'Kitchen refit', contactId, amountMinor: 450_000, currency: 'GBP' })).id);
  add('appointment', (await t.call('appointments.create', { title: 'Visit', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', contactId })).id);
  add('appointment', (await t.call('appointments.create', { title: 'Daily', startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T09:30:00Z', recurrence: { freq: 'daily', count: 10 } })).id);
  add('template', (await t.call('templates.create', { name: 'Hello', subject: 'Hi {{firstName|there}}', body: 'Hello {{firstName|there}}, about {{job.title|your job}}' })).id);
  add('segment', (await t.call('segments.create', { name: 'VIPs', filter: { tag: 'vip' } })).id);
  const note = world.pickedPaths.find((p) => p.endsWith('note.txt'))!;
  add('document', (await t.call('documents.attach', { path: note, contactId })).id);
  const csv = world.pickedPaths.find((p) => p.endsWith('google.csv'))!;
  add('import', (await t.call('import.run', { path: csv, duplicates: 'skip' })).importId);
  await t.call('email.settings.update', { host: '127.0.0.1', port: world.closedPort, security: 'none', fromName: 'Fuzz', fromAddress: 'fuzz@example.com' });
}

function remember(world: FuzzWorld, channel: string, value: unknown): void {
  const domain = channel.split('.')[0]!;
  const out = value as { id?: unknown; importId?: unknown; exportId?: unknown };
  const kind = KIND_OF_DOMAIN[domain];
  const add = (k: string, id: unknown) => {
    if (typeof id !== 'string') return;
    const pool = world.ids.get(k) ?? [];
    if (pool.includes(id)) return;
    pool.push(id);
    if (pool.length > 200) pool.splice(0, pool.length - 200);
    world.ids.set(k, pool);
  };
  if (kind) add(kind, out?.id);
  add('import', out?.importId);
  add('export', out?.exportId);
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const rng = lcg(options.seed);
  const t = await openTestCore();
  const world: FuzzWorld = { ids: new Map(), pickedPaths: [], hostilePaths: [], closedPort: await closedPort() };
  Object.assign(world, await filesFor(t));
  await seed(t, world).catch((error: unknown) => {
    throw new Error(`seeding failed: ${String(error)}\n${loggedFor(t, '').join('\n')}`);
  });
  const channels = (Object.keys(contract) as Channel[]).filter((c) => !options.only || options.only.test(c));
  const schemas = new Map(channels.map((c) => [c, z.toJSONSchema(contract[c].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema]));
  const result: FuzzResult = { seed: options.seed, total: 0, byCode: {}, byChannel: {}, internal: [], hung: [], seconds: 0 };
  const timeoutMs = options.timeoutMs ?? 30_000;
  let order: Channel[] = [];
  const nextChannel = () => {
    if (!order.length) order = [...channels].sort(() => rng() - 0.5); // every channel once per cycle
    return order.pop()!;
  };

  try {
    while (result.total < options.requests) {
      const size = Math.min(pick(rng, [1, 1, 1, 2, 3, 8]), options.requests - result.total);
      const same = rng() < 0.3 ? nextChannel() : null; // the same channel several times at once: races
      const batch = Array.from({ length: size }, () => {
        const channel = same ?? nextChannel();
        return { channel, input: request(rng, world, schemas.get(channel)!, channel) };
      });
      if (rng() < 0.02) writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify(world.pickedPaths)); // the next files.pick answers
      t.logger.lines.length = 0;
      await Promise.all(
        batch.map(async ({ channel, input }) => {
          let timer: NodeJS.Timeout | undefined;
          const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), timeoutMs)));
          const answer = await Promise.race([t.core.dispatch(channel, input), hung]);
          clearTimeout(timer);
          result.byChannel[channel] = (result.byChannel[channel] ?? 0) + 1;
          const code = answer === 'hung' ? 'HUNG' : answer.ok ? 'OK' : answer.error.code;
          result.byCode[code] = (result.byCode[code] ?? 0) + 1;
          if (answer === 'hung') result.hung.push({ channel, input: describe(input), logged: [] });
          else if (answer.ok) remember(world, channel, answer.value);
          else if (answer.error.code === 'INTERNAL') result.internal.push({ channel, input: describe(input), logged: loggedFor(t, channel) });
        }),
      );
      result.total += batch.length;
      t.events.length = 0;
      options.progress?.(result.total);
    }
  } finally {
    result.seconds = Math.round((performance.now() - started) / 100) / 10;
    t.destroy();
  }
  return result;
}

/** What main logged about a channel's failure: its message and the first frames of the error's stack. */
function loggedFor(t: TestCore, channel: string): string[] {
  return t.logger.lines
    .filter((line) => line.level === 'error' && line.message.startsWith(channel))
    .flatMap((line) => {
      const details = line.details instanceof Error ? (line.details.stack ?? String(line.details)).split('\n').slice(0, 5) : [JSON.stringify(line.details)?.slice(0, 500) ?? ''];
      return [line.message, ...details];
    });
}
