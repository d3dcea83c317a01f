// How the renderer's index.html is served, by the desktop app (app:// protocol) and by the web harness
// alike: one Content-Security-Policy and one per-load style nonce. Pure functions, no `electron` import,
// so the harness and tests use exactly what the app uses.
import { randomBytes } from 'node:crypto';
import { STYLE_NONCE_META } from '../../shared/ipc/bridge';

export { STYLE_NONCE_META };

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * Strict CSP: scripts only from the app itself (no inline, no eval), styles from the app or <style> tags
 * carrying this load's nonce (Mantine's CSS variables), no plugins, forms or foreign connections, and frames only
 * for the blob: PDFs the documents preview makes.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    // Only blob: URLs the app itself made from a stored PDF (documents preview); no remote or data: frames.
    "frame-src blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Adds the nonce meta tag (and any extra classic scripts, for the harness bridge) before the app's own scripts. */
export function prepareIndexHtml(html: string, nonce: string, extraScripts: readonly string[] = []): string {
  const tags =
    `<meta name="${STYLE_NONCE_META}" content="${nonce}">` + extraScripts.map((src) => `<script src="${src}"></script>`).join('');
  const at = html.indexOf('<script');
  if (at >= 0) return html.slice(0, at) + tags + html.slice(at);
  return html.replace('</head>', `${tags}</head>`);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && CONTENT_TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
