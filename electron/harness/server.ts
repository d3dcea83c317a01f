// The web harness: the real dispatcher over HTTP, the built renderer, and events as SSE, on loopback
// only. For end-to-end tests and development on machines without an Electron binary; not a product mode.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normalize, resolve, sep } from 'node:path';
import { z } from 'zod';
import { contract } from '../../shared/ipc/contract';
import { AppError, type ErrorCode } from '../../shared/ipc/errors';
import type { Core } from '../core/app';
import type { StartResult, StartupActionId, StartupScreen } from '../core/startup';
import { contentSecurityPolicy, contentTypeFor, newNonce, prepareIndexHtml } from '../main/renderer-page';
import { BRIDGE_PATH, BRIDGE_SCRIPT } from './bridge-script';

const STATUS: Record<ErrorCode, number> = { VALIDATION: 400, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503, STORAGE: 503, INTERNAL: 500 };
const MAX_BODY = 5 * 1024 * 1024;

export interface Harness {
  server: Server;
  url: string;
  /** The running core: null while the start-up screen is up. */
  core(): Core | null;
  close(): Promise<void>;
}

/** The data file could not be used at start: the harness shows this screen until one of its actions opens a core. */
export interface StartupGate {
  screen: StartupScreen;
  act(action: StartupActionId, screen: StartupScreen): Promise<StartResult | null>;
  /** The screen's Quit button. */
  quit(): void;
}

/** `{ channels: { name: { input: JSON Schema } } }`, computed once from the contract's zod schemas. */
function describeChannels() {
  const channels: Record<string, { input: unknown }> = {};
  for (const [name, spec] of Object.entries(contract)) {
    channels[name] = { input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) };
  }
  return { channels };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  send(res, STATUS[code], { code, message });
}

function redirectHome(res: ServerResponse): void {
  res.writeHead(303, { location: '/', 'cache-control': 'no-store' });
  res.end();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The start-up screen as a page of its own: no script, one form per action, so it works whatever the UI bundle does. */
export function startupPage(screen: StartupScreen): string {
  const buttons = screen.actions
    .map((a) => `<form method="post" action="/startup/${a.id}"><button type="submit" name="action" value="${a.id}">${escapeHtml(a.label)}</button></form>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport: ${escapeHtml(screen.title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}
.folder{color:#555;font-size:.9rem;word-break:break-all}.actions{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:1.5rem}
button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #888;background:#f4f4f4;cursor:pointer}
.actions form:first-child button{background:#1c7ed6;color:#fff;border-color:#1c7ed6}</style></head>
<body><main role="alert" data-reason="${screen.reason}"><h1>${escapeHtml(screen.title)}</h1><p>${escapeHtml(screen.message)}</p>
<p class="folder">Data folder: ${escapeHtml(screen.dataDir)}</p><div class="actions">${buttons}</div></main></body></html>`;
}

function serveStartupScreen(res: ServerResponse, screen: StartupScreen): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    // Under no-referrer a form POST says `Origin: null`, which the own-origin check rightly refuses.
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
  });
  res.end(startupPage(screen));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarnessServer(start: Core | StartupGate, options: { rendererDir: string; port: number }): Promise<Harness> {
  let core: Core | null = null;
  let gate: StartupGate | null = null;
  let unsubscribe = () => {};
  const rendererRoot = resolve(options.rendererDir);
  const channelsDescription = describeChannels();
  const sseClients = new Set<ServerResponse>();
  let port = options.port;

  /** Only our own origin may talk to us: defeats DNS rebinding and cross-site requests from other pages. */
  function isOwnRequest(req: IncomingMessage): boolean {
    const own = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!req.headers.host || !own.includes(req.headers.host)) return false;
    const origin = req.headers.origin;
    return origin === undefined || own.some((host) => origin === `http://${host}`);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === BRIDGE_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(BRIDGE_SCRIPT);
      return;
    }
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = resolve(rendererRoot, normalize(relative));
    if (file !== rendererRoot && !file.startsWith(rendererRoot + sep)) return sendError(res, 'NOT_FOUND', 'Not found');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return sendError(res, 'NOT_FOUND', 'Not found');
    }
    if (file.endsWith('index.html') && gate !== null) return serveStartupScreen(res, gate.screen);
    if (file.endsWith('index.html')) {
      const nonce = newNonce();
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': contentSecurityPolicy(nonce),
        'cache-control': 'no-store',
      });
      res.end(prepareIndexHtml(content.toString('utf8'), nonce, [BRIDGE_PATH]));
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeFor(file), 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      sseClients.delete(res);
    });
  }

  async function serveRpc(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 'VALIDATION', 'Send the input as JSON (content-type: application/json)');
    }
    const text = await readBody(req);
    if (text === null) return sendError(res, 'VALIDATION', 'The request body is too large');
    let input: unknown;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return sendError(res, 'VALIDATION', 'The request body is not valid JSON');
    }
    if (core === null) {
      // The window is showing the start-up screen; a stale page's calls get the same reason.
      const reason = gate?.screen.reason ?? 'unreachable';
      return send(res, STATUS.STORAGE, AppError.storage(reason).toEnvelope());
    }
    const started = performance.now();
    const result = await core.dispatch(channel, input);
    // The backend's own time, apart from the HTTP hop and the page's busy main thread (read by `npm run bench:ui`).
    res.setHeader('server-timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
    if (result.ok) send(res, 200, result.value);
    else send(res, STATUS[result.error.code], result.error);
  }

  function attach(opened: Core): void {
    core = opened;
    gate = null;
    unsubscribe = opened.events.subscribe((name, payload) => {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of sseClients) client.write(frame);
    });
  }
  if ('dispatch' in start) attach(start);
  else gate = start;

  /** A start-up screen button: a plain form POST, answered with a redirect to / (the app, or the screen again). */
  async function serveStartupAction(res: ServerResponse, action: string): Promise<void> {
    const current = gate;
    if (current === null) return redirectHome(res);
    const chosen = current.screen.actions.find((a) => a.id === action);
    if (chosen === undefined) return sendError(res, 'NOT_FOUND', `No start-up action ${action}`);
    if (chosen.id === 'quit') {
      send(res, 200, { quitting: true });
      current.quit();
      return;
    }
    try {
      const result = await current.act(chosen.id, current.screen);
      if (result?.ok) attach(result.core);
      else if (result) {
        const same = result.screen.reason === current.screen.reason;
        current.screen = same ? { ...result.screen, message: `${result.screen.message} It is still the case.` } : result.screen;
      }
    } catch (error) {
      console.error('[harness] start-up action failed', error);
      current.screen = { ...current.screen, message: `${current.screen.message} (The last attempt failed; details are in the log.)` };
    }
    redirectHome(res);
  }

  const server = createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!isOwnRequest(req)) return send(res, 403, { code: 'VALIDATION', message: 'Requests must come from this harness itself (Host/Origin)' });
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (pathname.startsWith('/startup/') && req.method === 'POST') return serveStartupAction(res, pathname.slice('/startup/'.length));
      if (pathname === '/startup' && req.method === 'GET') return send(res, 200, { screen: gate?.screen ?? null });
      if (pathname.startsWith('/rpc/') && req.method === 'POST') return serveRpc(req, res, decodeURIComponent(pathname.slice(5)));
      if (pathname === '/rpc' && req.method === 'GET') return send(res, 200, channelsDescription);
      if (pathname === '/events' && req.method === 'GET') return serveEvents(req, res);
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res, pathname);
      return sendError(res, 'NOT_FOUND', `No route for ${req.method} ${pathname}`);
    };
    handle().catch((error: unknown) => {
      console.error('[harness] request failed', error);
      if (!res.headersSent) sendError(res, 'INTERNAL', 'Something went wrong inside the harness');
      else res.end();
    });
  });
  server.headersTimeout = 10_000;

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', done);
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    core: () => core,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
