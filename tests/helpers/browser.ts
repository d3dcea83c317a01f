// Debian's Chromium driven by playwright-core for end-to-end tests. A missing browser fails the suite
// (never a skip), and any console error or CSP violation on a page fails the test that caused it.
import { existsSync } from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is required for end-to-end tests and was not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  /** Throws if anything went wrong on the page; call it at the end of every test. */
  assertClean(): void;
  close(): Promise<void>;
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export async function openWatchedPage(browser: Browser, options: PageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const problems: string[] = [];

  // The binding and init script go in over the DevTools protocol, so the page's own CSP does not block them.
  await page.exposeFunction('__rapportCspViolation', (report: string) => problems.push(`CSP violation: ${report}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`;
      (window as unknown as { __rapportCspViolation(r: string): void }).__rapportCspViolation(report);
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A 4xx from /rpc is how the harness reports NOT_FOUND or VALIDATION: the UI handles those, they are not faults.
    const url = message.location().url;
    if (message.text().startsWith('Failed to load resource') && url.includes('/rpc/') && !/status of 5\d\d/.test(message.text())) return;
    problems.push(`console.error: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));

  return {
    page,
    problems,
    assertClean() {
      if (problems.length > 0) throw new Error(`The page reported problems:\n${problems.join('\n')}`);
    },
    close: () => context.close(),
  };
}
