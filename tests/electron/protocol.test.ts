// app:// serves dist/renderer and nothing else; index.html gets a fresh nonce and the CSP on every load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_REGISTRATION, createAppProtocolHandler, resolveRendererRequest } from '../../electron/main/protocol';
import { contentSecurityPolicy, STYLE_NONCE_META } from '../../electron/main/renderer-page';

const root = join(tmpdir(), 'rapport-renderer-root');

describe('resolveRendererRequest', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveRendererRequest(root, 'app://rapport/assets/index-abc.js')).toEqual({ file: join(root, 'assets', 'index-abc.js'), isIndex: false });
    expect(resolveRendererRequest(root, 'app://rapport/index.html')).toEqual({ file: join(root, 'index.html'), isIndex: true });
    expect(resolveRendererRequest(root, 'app://rapport/fonts/Inter%20Var.woff2')).toEqual({ file: join(root, 'fonts', 'Inter Var.woff2'), isIndex: false });
  });

  it('serves index.html for the bare origin, ignoring query and hash (the renderer routes by hash)', () => {
    for (const url of ['app://rapport', 'app://rapport/', 'app://rapport/?x=1', 'app://rapport/#/contacts/0190f3b2-1c2d']) {
      expect(resolveRendererRequest(root, url)).toEqual({ file: join(root, 'index.html'), isIndex: true });
    }
  });

  it('does not invent pages for other paths', () => {
    expect(resolveRendererRequest(root, 'app://rapport/contacts')).toEqual({ file: join(root, 'contacts'), isIndex: false });
  });

  it.each([
    'app://rapport/../secret.txt',
    'app://rapport/assets/../../secret.txt',
    'app://rapport/%2e%2e/secret.txt',
    'app://rapport/%2E%2E/%2e%2e/etc/passwd',
    'app://rapport/.%2e/secret.txt',
  ])('never leaves the root for %s (the URL parser folds dot segments, the guard holds)', (url) => {
    const target = resolveRendererRequest(root, url);
    if (target !== null) expect(target.file.startsWith(root + sep)).toBe(true);
  });

  it.each([
    'app://rapport/..%2fsecret.txt',
    'app://rapport/assets/..%2F..%2Fsecret.txt',
    'app://rapport/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://rapport/..%5csecret.txt',
    'app://rapport/assets%5c..%5c..%5csecret.txt',
    'app://rapport/%2fetc%2fpasswd',
    'app://rapport//etc/passwd',
    'app://rapport/C:/Windows/win.ini',
    'app://rapport/C%3a%5cWindows%5cwin.ini',
    'app://rapport/%5c%5cserver%5cshare%5cx.js',
    'app://rapport/x%00.js',
    'app://rapport/%E0%A4%A.js',
    'app://rapport/./index.html%2f..',
  ])('refuses %s', (url) => {
    expect(resolveRendererRequest(root, url)).toBeNull();
  });

  it.each(['app://evil/index.html', 'app://rapport:1234/index.html', 'app://x@rapport/index.html', 'file:///etc/passwd', 'https://rapport/index.html', 'not a url'])(
    'refuses other origins: %s',
    (url) => {
      expect(resolveRendererRequest(root, url)).toBeNull();
    },
  );
});

describe('app:// handler on real files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const handler = () => createAppProtocolHandler(join(dir, 'renderer'));
  const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

  it('serves index.html with a fresh nonce that matches its CSP header', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await get('app://rapport/');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      const nonce = new RegExp(`<meta name="${STYLE_NONCE_META}" content="([^"]+)">`).exec(html)?.[1];
      expect(nonce).toBeTruthy();
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(nonce!));
      // The meta tag comes before the app's script, so the app can read it at start-up.
      expect(html.indexOf(STYLE_NONCE_META)).toBeLessThan(html.indexOf('<script'));
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('serves assets with their content type and no CSP of their own', async () => {
    const response = await get('app://rapport/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and refused paths, never the file outside the root', async () => {
    expect((await get('app://rapport/assets/missing.js')).status).toBe(404);
    expect((await get('app://rapport/assets')).status).toBe(404); // a directory
    expect((await get('app://rapport/contacts/1')).status).toBe(404);
    const escaped = await get('app://rapport/..%2fsecret.txt');
    expect(escaped.status).toBe(404);
    expect(await escaped.text()).not.toContain('do not serve');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://rapport/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://rapport/assets/app.js', 'POST')).status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('is a secure standard scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_REGISTRATION).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(APP_SCHEME_REGISTRATION.privileges?.bypassCSP).toBeUndefined();
  });
});
