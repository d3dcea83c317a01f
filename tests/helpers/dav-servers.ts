// Real CardDAV/CalDAV servers on 127.0.0.1 for the sync tests: Debian's Radicale (with htpasswd auth) and
// Xandikos, each on a free port with its own temp storage. A missing binary fails the test; it never skips.
// Xandikos has no authentication of its own (it expects a reverse proxy), so it runs open on loopback and
// the wrong-password test runs against Radicale only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './core';

export const DAV_USER = 'trader';
export const DAV_PASSWORD = 'correct horse battery staple';

export type DavServerName = 'radicale' | 'xandikos';

export interface DavServer {
  name: DavServerName;
  /** What a user would type as the server address. */
  url: string;
  port: number;
  storage: string;
  /** Whether the server checks the user name and password (Radicale does, Xandikos has no auth of its own). */
  checksPassword: boolean;
  credentials: { username: string; password: string };
  /** Milliseconds from spawn until the server answered. */
  startedInMs: number;
  /** The server's own output so far (its log), for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const BINARIES: Record<DavServerName, string> = { radicale: '/usr/bin/radicale', xandikos: '/usr/bin/xandikos' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function spawnFor(name: DavServerName, port: number, storage: string): ChildProcess {
  if (name === 'radicale') {
    const users = join(storage, 'users');
    writeFileSync(users, `${DAV_USER}:${DAV_PASSWORD}\n`);
    const config = join(storage, 'radicale.conf');
    writeFileSync(config, [
      '[server]', `hosts = 127.0.0.1:${port}`,
      '[auth]', 'type = htpasswd', `htpasswd_filename = ${users}`, 'htpasswd_encryption = plain', 'delay = 0',
      '[rights]', 'type = owner_only',
      '[storage]', `filesystem_folder = ${join(storage, 'collections')}`,
      '[web]', 'type = none',
      '[logging]', 'level = warning', 'mask_passwords = True',
      '',
    ].join('\n'));
    return spawn(BINARIES.radicale, ['--config', config], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  // --autocreate makes the principal /user/ with its calendars/ and contacts/ home sets on first request.
  return spawn(BINARIES.xandikos, ['-d', storage, '-l', '127.0.0.1', '-p', String(port), '--autocreate', '--current-user-principal', `/${DAV_USER}/`],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts one server and resolves once it answers HTTP (any status: 401 from Radicale is an answer). */
export async function startDavServer(name: DavServerName, options: { timeoutMs?: number } = {}): Promise<DavServer> {
  const binary = BINARIES[name];
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: the sync tests need Debian's ${name} (apt-get install -y ${name}; .ci/run does this).`);
  }
  const storage = tempDir(`rapport-${name}-`);
  const port = await freePort();
  const started = performance.now();
  const child = spawnFor(name, port, storage);
  let log = '';
  child.stdout?.on('data', (c: Buffer) => { log += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { log += c.toString(); });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => { exited = code; resolve(); }));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = started + (options.timeoutMs ?? 10_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`${name} exited (code ${exited}) before answering:\n${log}`);
    try {
      await fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(500) });
      break;
    } catch {
      if (performance.now() > deadline) {
        killGroup(child);
        throw new Error(`${name} did not answer on ${url} within ${options.timeoutMs ?? 10_000} ms:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const startedInMs = Math.round(performance.now() - started);
  return {
    name,
    url,
    port,
    storage,
    checksPassword: name === 'radicale',
    credentials: { username: DAV_USER, password: DAV_PASSWORD },
    startedInMs,
    output: () => log,
    async stop() {
      if (exited !== undefined) return rmSync(storage, { recursive: true, force: true });
      killGroup(child);
      await Promise.race([exit, new Promise((r) => setTimeout(r, 3000))]);
      rmSync(storage, { recursive: true, force: true });
    },
  };
}

function killGroup(child: ChildProcess): void {
  // detached: the server leads its own process group, so a negative pid reaches any worker it started.
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
