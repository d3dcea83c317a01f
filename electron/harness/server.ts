// The web harness: the real dispatcher over HTTP, the built renderer, and events as SSE, on loopback
// only. For end-to-end tests and development on machines without an Electron binary; not a product mode.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normalize, resolve, sep } from 'node:path';
import { z } from 'zod';
import { contract } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/errors';
import type { Core } from '../core/app';
import { contentSecurityPolicy, contentTypeFor, newNonce, prepareIndexHtml } from '../main/renderer-page';
import { BRIDGE_PATH, BRIDGE_SCRIPT } from './bridge-script';

const STATUS: Record<ErrorCode, number> = { VALIDATION: 400, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503, INTERNAL: 500 };
const MAX_BODY = 5 * 1024 * 1024;

export interface Harness {
  server: Server;
  url: string;
  close(): Promise<void>;
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

export async function startHarnessServer(core: Core, options: { rendererDir: string; port: number }): Promise<Harness> {
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
    const result = await core.dispatch(channel, input);
    if (result.ok) send(res, 200, result.value);
    else send(res, STATUS[result.error.code], result.error);
  }

  const unsubscribe = core.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!isOwnRequest(req)) return send(res, 403, { code: 'VALIDATION', message: 'Requests must come from this harness itself (Host/Origin)' });
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
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
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
