// A real SMTP server on 127.0.0.1 for tests: smtp-server with AUTH (PLAIN/LOGIN) offered only after
// STARTTLS, on a self-signed certificate made with the openssl CLI at test time. Tests choose how it
// answers (accept, 451, 550, hang mid-message, store then drop the connection before answering, or drop it
// while the message is still coming) and read what it received, parsed with mailparser.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { tempDir } from './core';

export const SMTP_USER = 'trader@example.test';
export const SMTP_PASSWORD = 'correct horse battery staple';

/** drop: stores the message, then cuts the connection instead of answering 250. dropMidData: cuts it at the first chunk. */
export type Behaviour = 'accept' | 'tempfail' | 'reject' | 'hang' | 'drop' | 'dropMidData';

export interface Received {
  from: string;
  to: string[];
  raw: string;
  mail: ParsedMail;
}

let cert: { key: Buffer; cert: Buffer } | null = null;

/** A fresh self-signed certificate for 127.0.0.1 / localhost (made once per test process). */
export function selfSignedCert(): { key: Buffer; cert: Buffer } {
  if (cert) return cert;
  const dir = tempDir('rapport-cert-');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  cert = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  return cert;
}

export async function startSmtp(options: { port?: number } = {}) {
  const received: Received[] = [];
  /** pick, when set, chooses each session's behaviour instead of `behaviour` (drawn once, at its first recipient). */
  const state = { behaviour: 'accept' as Behaviour, pick: null as (() => Behaviour) | null, dataStarted: 0, authAttempts: 0 };
  const drawn = new Map<string, Behaviour>();
  const behaviourOf = (sessionId: string): Behaviour => {
    if (!state.pick) return state.behaviour;
    if (!drawn.has(sessionId)) drawn.set(sessionId, state.pick());
    return drawn.get(sessionId)!;
  };
  const { key, cert: certificate } = selfSignedCert();
  // smtp-server refuses new sessions once closed (421), so going "up" again makes a fresh instance.
  const create = (): SMTPServer => {
    // The session's socket, to cut it the way a crashing or overloaded server does.
    const cut = (sessionId: string) => [...instance.connections].find((c) => c.id === sessionId)?._socket.destroy();
    const instance: SMTPServer = new SMTPServer({
      key,
      cert: certificate,
      authMethods: ['PLAIN', 'LOGIN'],
      // AUTH only over TLS (the default): the client must do STARTTLS first.
      allowInsecureAuth: false,
      logger: false,
      onAuth(auth, _session, callback) {
        state.authAttempts++;
        if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
        const error = Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 });
        return callback(error);
      },
      onRcptTo(address, session, callback) {
        const behaviour = behaviourOf(session.id);
        if (behaviour === 'reject' || address.address.startsWith('nobody@')) {
          return callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
        }
        if (behaviour === 'tempfail') return callback(Object.assign(new Error('4.7.1 Greylisted, try again later'), { responseCode: 451 }));
        return callback();
      },
      onData(stream, session, callback) {
        state.dataStarted++;
        const behaviour = behaviourOf(session.id);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => {
          if (behaviour === 'dropMidData' && chunks.length === 0) cut(session.id);
          chunks.push(c);
        });
        stream.on('end', () => {
          if (behaviour === 'hang') return; // never answers: the client is left mid-send
          const raw = Buffer.concat(chunks).toString('utf8');
          void simpleParser(raw).then((mail) => {
            received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, mail });
            // Stored, and the connection goes before the 250 does.
            if (behaviour === 'drop') cut(session.id);
            else callback(null, 'Queued');
          });
        });
        stream.on('error', () => undefined);
      },
    });
    // Clients here are killed mid-session on purpose (kill -9, cut sockets): a reset connection is the case under
    // test, not a failure of the server, and an 'error' event with no listener would crash the test process.
    instance.on('error', () => undefined);
    return instance;
  };
  let server = create();
  const listen = (port: number) => new Promise<number>((resolve, reject) => {
    server = create();
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  let port = await listen(options.port ?? 0);
  return {
    get port() {
      return port;
    },
    received,
    state,
    /** Stops listening (connections refused) without forgetting what was received. */
    async down() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async up() {
      port = await listen(port);
    },
    /** Lets the test process exit with the server still listening (for suites without a teardown hook). */
    unref() {
      server.server.unref();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;

/**
 * One real SMTP server for a test file: started before its first test, closed after its last, and before each test
 * back to accepting with nothing received. Call at the top of the file; the server is there once tests run (the
 * returned object reads through to it, since it only exists after beforeAll).
 */
export function useSmtpServer(): TestSmtp {
  let server: TestSmtp | undefined;
  beforeAll(async () => {
    server = await startSmtp();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    if (!server) return;
    server.received.length = 0;
    Object.assign(server.state, { behaviour: 'accept', pick: null, authAttempts: 0 });
  });
  return new Proxy({} as TestSmtp, {
    get(_target, key) {
      if (!server) throw new Error('The test SMTP server starts in beforeAll: use it inside a test or a hook');
      return Reflect.get(server, key);
    },
  });
}

/** email.settings.update input pointing at a test server. */
export function smtpSettings(port: number, overrides: Record<string, unknown> = {}) {
  return {
    host: '127.0.0.1',
    port,
    security: 'starttls' as const,
    username: SMTP_USER,
    password: SMTP_PASSWORD,
    fromName: 'Sam Trader',
    fromAddress: 'sam@trader.test',
    allowUntrustedCertificate: true,
    ...overrides,
  };
}
