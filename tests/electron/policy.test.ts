// The desktop app's security decisions: which URLs leave the app, where the window may go, what the page may do.
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAppUrl,
  isPermissionGranted,
  webPreferences,
  windowOptions,
} from '../../electron/main/policy';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://example.com/',
    'https://www.example.co.uk/contact?x=1#top',
    'mailto:ann@example.com',
    'mailto:ann@example.com?subject=Hello',
    'tel:+441234567890',
    'tel:01234%20567890',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'slack://open',
    'app://rapport/',
    'ftp://example.com/',
    'https://user:pass@example.com/',
    'mailto:',
    'tel:',
    'example.com',
    '//example.com',
    '',
    'not a url',
  ])('denies %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each([
    'mailto:ann@example.com?attach=/etc/passwd',
    'mailto:ann@example.com?subject=Hi&attachment=C:%5CUsers%5Cann%5C.ssh%5Cid_rsa',
    'mailto:ann@example.com?attachments=~/.ssh/id_rsa',
    'mailto:ann@example.com?ATTACH=/etc/passwd',
    'mailto:ann@example.com?%61ttach=/etc/passwd',
    'mailto:ann@example.com?+attach=/etc/passwd',
    'mailto:ann@example.com?subject=Hi;attach=/etc/passwd',
    'mailto:ann@example.com%3Fattach=/etc/passwd',
    'mailto:?to=ann@example.com&body=x&Attachment=file:///etc/shadow',
    'mailto:ann@example.com?%E0%A4%A=x',
  ])('denies a mailto: that would attach a local file: %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('still allows a mailto: whose subject or body merely mentions attachments', () => {
    expect(isAllowedExternalUrl('mailto:ann@example.com?subject=Invoice%20attached&body=See%20the%20attachment')).toBe(true);
    expect(isAllowedExternalUrl('mailto:attachments@example.com')).toBe(true);
  });

  it('denies non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.com']]) expect(isAllowedExternalUrl(value)).toBe(false);
  });
});

describe('navigation', () => {
  it('allows the app origin only', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://rapport/index.html')).toBe(true);
    expect(isAllowedNavigation('app://rapport/contacts/123?tab=notes#x')).toBe(true);
  });

  it.each([
    'app://evil/',
    'app://rapport.evil.com/',
    'app://rapport:8080/',
    'app://user@rapport/',
    'https://rapport/',
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///work/main/dist/renderer/index.html',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,hi',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('names the origin Chromium will report for the standard scheme', () => {
    expect(APP_ORIGIN).toBe('app://rapport');
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'unknown'])(
    'denies %s, even to the app origin',
    (permission) => {
      expect(isPermissionGranted(permission, APP_ORIGIN)).toBe(false);
      expect(isPermissionGranted(permission, 'https://example.com')).toBe(false);
    },
  );
});

describe('window options', () => {
  it('sets every isolation switch explicitly', () => {
    const prefs = webPreferences({ preload: '/app/dist/electron/preload.cjs', isPackaged: true });
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      plugins: true,
    });
    // Explicit, not left to defaults: a key that is absent would silently follow Electron's default.
    for (const key of ['contextIsolation', 'sandbox', 'nodeIntegration', 'webviewTag'] as const) expect(Object.hasOwn(prefs, key)).toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('has devtools only in development', () => {
    expect(webPreferences({ preload: 'p', isPackaged: true }).devTools).toBe(false);
    expect(webPreferences({ preload: 'p', isPackaged: false }).devTools).toBe(true);
  });

  it('opens hidden at the given bounds and shows on ready-to-show', () => {
    const options = windowOptions({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, preload: 'p', isPackaged: true });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false, title: 'Rapport' });
    expect(options.webPreferences?.sandbox).toBe(true);
  });
});
