// Serves dist/renderer on the privileged app:// scheme: a real origin for the CSP and the sender check, no file://
// and no localhost server. Never serves a file outside the renderer folder. No runtime `electron` import: main.ts
// hands `protocol` in, so the handler is tested on plain Node with real files.
import { readFile } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { contentSecurityPolicy, contentTypeFor, newNonce, prepareIndexHtml } from './renderer-page';
import { APP_HOST, APP_SCHEME } from './policy';

/**
 * standard: real origin and relative URLs; secure: a secure context (crypto.subtle, no mixed-content quirks);
 * supportFetchAPI: the renderer may fetch its own assets; codeCache: faster start. No bypassCSP, no CORS, no
 * service workers.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export const INDEX_FILE = 'index.html';

export interface RendererTarget {
  /** Absolute path inside the renderer root. */
  file: string;
  /** The app's page; it (like any HTML) gets a fresh nonce and the CSP header. */
  isIndex: boolean;
}

/**
 * Maps an app:// URL to a file under `root` (the bare origin to index.html), or null when it must be refused:
 * another scheme or host, an undecodable path, or any segment that could climb out or switch drive after decoding
 * (`..`, `%2e%2e`, `..%2f`, `%5c`, `C:`).
 */
export function resolveRendererRequest(root: string, requestUrl: string): RendererTarget | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return null;
  }

  const rawSegments = url.pathname.replace(/^\//, '').split('/');
  const segments: string[] = [];
  for (const [i, raw] of rawSegments.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '') {
      // Only a trailing slash (or the bare root) may be empty; `//etc/passwd` is refused rather than guessed at.
      if (i === rawSegments.length - 1) continue;
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }

  // The renderer routes by hash (#/contacts/1), so only the bare origin means the page itself.
  const file = segments.length === 0 ? join(root, INDEX_FILE) : join(root, ...segments);

  // Belt and braces: whatever the rules above missed, the result must still sit inside root.
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return { file, isIndex: rel === INDEX_FILE };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

/** The protocol handler; `readFileImpl` exists only so the handler can be exercised on plain Node. */
export function createAppProtocolHandler(
  rendererRoot: string,
  readFileImpl: (path: string) => Promise<Buffer> = (path) => readFile(path),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const target = resolveRendererRequest(rendererRoot, request.url);
    if (target === null) return plain(404, 'Not found');

    let body: Buffer;
    try {
      body = await readFileImpl(target.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plain(404, 'Not found') : plain(500, 'Read error');
    }

    const headers: Record<string, string> = { 'content-type': contentTypeFor(target.file), 'x-content-type-options': 'nosniff' };
    let payload: Uint8Array = body;
    if (target.isIndex || headers['content-type']?.startsWith('text/html')) {
      // A fresh nonce per load of a page: the CSP only admits <style> tags carrying this load's value.
      const nonce = newNonce();
      payload = new TextEncoder().encode(prepareIndexHtml(body.toString('utf8'), nonce));
      headers['content-security-policy'] = contentSecurityPolicy(nonce);
      headers['cache-control'] = 'no-store';
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(payload), { status: 200, headers });
  };
}

/** Must run before app 'ready' (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
}

/** After 'ready': serve dist/renderer on app://. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}
