// The harness's stand-in desktop for tests and development: exports go to the data folder, "pick files" is
// answered by a file a test writes, secrets sit in plain text in a file named as a test store. Never used by
// the app itself; core does not import this (it is handed a Platform by whoever opens it).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Platform, SecretStore } from '../core/platform';

/** The file an e2e test writes to answer the harness's next "pick files" dialog (a JSON array of paths). */
export const HARNESS_PICKS_FILE = 'harness-picks.json';
/** Plain JSON, clearly not a secret store: only the harness and tests use it. */
export const TEST_SECRETS_FILE = 'TEST-ONLY-plaintext-secrets.json';

/** A secret store that keeps values in plain text: for the harness and tests only, and says so. */
export function testSecretStore(file: string): SecretStore {
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const write = (values: Record<string, string>) => writeFileSync(file, JSON.stringify(values), { mode: 0o600 });
  return {
    backend: 'test-plaintext',
    secure: false,
    get: (key) => read()[key] ?? null,
    set(key, value) {
      write({ ...read(), [key]: value });
    },
    delete(key) {
      const values = read();
      delete values[key];
      write(values);
    },
  };
}

const SAFE_NAME = /[^A-Za-z0-9._-]+/g;

/**
 * The harness's stand-in for dialogs: exports go to <dataDir>/exports/ under a sanitised, never-reused name;
 * "pick files" answers with (and consumes) <dataDir>/harness-picks.json; open and reveal are recorded only.
 */
export function harnessPlatform(dataDir: string): Platform & { opened: string[]; revealed: string[] } {
  const opened: string[] = [];
  const revealed: string[] = [];
  return {
    kind: 'harness',
    opened,
    revealed,
    async saveTarget(suggestedName) {
      const dir = join(dataDir, 'exports');
      mkdirSync(dir, { recursive: true });
      const clean = suggestedName.replace(SAFE_NAME, '-').replace(/^[.-]+/, '').slice(0, 100) || 'export';
      const dot = clean.lastIndexOf('.');
      const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ''];
      for (let n = 1; ; n++) {
        const path = join(dir, n === 1 ? clean : `${stem}-${n}${ext}`);
        if (!existsSync(path)) return path;
      }
    },
    async pickFiles() {
      const file = join(dataDir, HARNESS_PICKS_FILE);
      if (!existsSync(file)) return [];
      const paths = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      rmSync(file, { force: true });
      return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
    },
    async openPath(path) {
      opened.push(path);
    },
    revealPath(path) {
      revealed.push(path);
    },
    secrets: testSecretStore(join(dataDir, TEST_SECRETS_FILE)),
    printToPdf: harnessPrintToPdf,
  };
}

/** Debian's Chromium, launched as ARCHITECTURE.md's Testing section says (never a downloaded browser). */
export const HARNESS_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** An idle browser closes itself after this long, so a test worker or the dev harness is not held open by it. */
const IDLE_CLOSE_MS = 10_000;

let browser: Promise<Browser> | null = null;
let idle: ReturnType<typeof setTimeout> | null = null;
let printing = 0;

/**
 * The harness prints real PDFs with the same engine Electron uses (Chromium), so tests read the very layout a user
 * gets. One browser per process, launched at the first print and shared; each print gets its own page, closed after.
 * The HTML is script-free, so JavaScript is off. A missing Chromium fails loudly, never a silent null.
 */
async function harnessPrintToPdf(html: string, options?: { pageSize?: 'A4' | 'Letter' }): Promise<Uint8Array> {
  printing++;
  if (idle) clearTimeout(idle);
  try {
    const page = await (await sharedBrowser()).newPage({ javaScriptEnabled: false });
    try {
      await page.setContent(html);
      return await page.pdf({ format: options?.pageSize ?? 'A4', printBackground: true });
    } finally {
      await page.close();
    }
  } finally {
    if (--printing === 0) {
      idle = setTimeout(() => void closeHarnessPrinter(), IDLE_CLOSE_MS);
      idle.unref();
    }
  }
}

function sharedBrowser(): Promise<Browser> {
  browser ??= (async () => {
    if (!existsSync(HARNESS_CHROMIUM)) throw new Error(`The harness prints PDFs with Chromium, which was not found at ${HARNESS_CHROMIUM} (apt-get install -y chromium)`);
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: HARNESS_CHROMIUM, args: CHROMIUM_ARGS });
  })();
  // A failed launch is not cached: the next print tries again.
  browser.catch(() => (browser = null));
  return browser;
}

/** Closes the shared browser (tests' afterAll, the bench); the next print launches another. */
export async function closeHarnessPrinter(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const open = browser;
  browser = null;
  if (open) await (await open.catch(() => null))?.close();
}
