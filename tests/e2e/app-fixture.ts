// One harness (real services, temp data dir) and one Chromium per e2e file, plus small helpers for
// driving the UI the way a user does. Screenshots go to tests/artifacts/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage, type PageOptions, type WatchedPage } from '../helpers/browser';
import { type RunningHarness, startHarness } from '../helpers/harness-process';

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

export interface App {
  harness: RunningHarness;
  browser: Browser;
  open(path?: string, options?: PageOptions): Promise<WatchedPage>;
  /** Closes every page opened so far: open pages refetch on every change and would slow later seeding. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(): Promise<App> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const [harness, browser] = await Promise.all([startHarness(), launchChromium()]);
  const pages: WatchedPage[] = [];
  return {
    harness,
    browser,
    async open(path = '/contacts', options) {
      const watched = await openWatchedPage(browser, options);
      pages.push(watched);
      await watched.page.goto(`${harness.url}#${path}`);
      await watched.page.getByRole('navigation', { name: 'Main' }).waitFor();
      return watched;
    },
    async closePages() {
      await Promise.allSettled(pages.splice(0).map((p) => p.close()));
    },
    async close() {
      await Promise.allSettled(pages.splice(0).map((p) => p.close()));
      await browser.close().catch(() => undefined);
      await harness.stop();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Let notifications and transitions settle so the picture shows the steady state.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
