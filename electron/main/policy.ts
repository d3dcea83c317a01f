// The desktop app's security decisions as plain values and functions, so tests check them without Electron:
// the app's origin, the BrowserWindow options, which URLs may open externally, where the window may navigate,
// and the answer to every permission request. Type-only `electron` import; no runtime Electron, no Node I/O.
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/** The privileged scheme that serves dist/renderer (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rapport';
/** What Chromium reports as the page's origin (Node's URL says "null" for non-special schemes, so compare parts). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for a URL on the app's own origin: app://rapport, no port, no credentials. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * What may leave the app for the operating system (browser, mail client, dialler). Only https, mailto and tel:
 * plain http is refused (a contact's website link should not downgrade), and file:, javascript:, data: or any
 * custom scheme could launch local programs.
 */
export function isAllowedExternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  switch (parsed.protocol) {
    case 'https:':
      // A host is required; credentials in the URL are a phishing trick, not something a CRM link needs.
      return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
    case 'mailto:':
      return (parsed.pathname !== '' || parsed.search !== '') && !mailtoCarriesAttachment(parsed);
    case 'tel:':
      return parsed.pathname !== '' || parsed.search !== '';
    default:
      return false;
  }
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Mail clients (Thunderbird, Evolution, some Outlook builds) attach a local file named in a mailto: link's `attach`,
 * `attachment` or `attachments` field: a link in an email or a contact's notes could mail the user's files away. Any
 * field whose name starts with "attach" (however encoded, `&` or `;` separated), or a `?` smuggled into the address
 * part, refuses the whole link; a malformed escape does too.
 */
function mailtoCarriesAttachment(url: URL): boolean {
  const address = decoded(url.pathname);
  if (address === null || address.includes('?')) return true;
  const query = url.search.replace(/^\?/, '');
  if (query === '') return false;
  return query.split(/[&;]/).some((field) => {
    const name = decoded(field.split('=')[0] ?? '');
    return name === null || /^attach/i.test(name.trim());
  });
}

/** The window may only ever show the app itself; anything else is refused (and never loaded in-window). */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/** Every permission (camera, notifications, clipboard-read, geolocation, ...) is refused: the UI needs none. */
export function isPermissionGranted(_permission: string, _requestingOrigin?: string): boolean {
  return false;
}

/** Set explicitly, even where they are Electron's defaults, so a future default change cannot loosen them. */
export function webPreferences(options: { preload: string; isPackaged: boolean }): WebPreferences {
  return {
    preload: options.preload,
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
    safeDialogs: true,
    spellcheck: true,
    // Chromium's built-in PDF viewer, for previewing an attached PDF (framed from a blob: the app made itself).
    plugins: true,
    devTools: !options.isPackaged,
  };
}

export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

export function windowOptions(options: { bounds: Rectangle; preload: string; isPackaged: boolean }): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Rapport',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(options),
  };
}
