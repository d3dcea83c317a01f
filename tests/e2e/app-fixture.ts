// One harness (real services, temp data dir) and one Chromium per e2e file, started and stopped by `useApp`
// so no test file repeats that code, plus small helpers for driving the UI the way a user does.
// Screenshots go to tests/artifacts/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
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

async function startApp(): Promise<App> {
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

/**
 * The e2e file's app: registers the hooks that start the harness and Chromium before the file's first test
 * (then run `seed`, once, against it), close the pages each test opened, and stop both after the last test.
 * Hooks a file registers before this call run before the start and after the stop (vitest's stack order).
 */
export function useApp(seed?: (app: App) => Promise<void>): App {
  let started: App | undefined;
  const app = (): App => {
    if (!started) throw new Error('The app is not started: use it inside a test, or in a hook registered after useApp().');
    return started;
  };
  beforeAll(async () => {
    started = await startApp();
    await seed?.(started);
  }, 90_000);
  afterEach(async () => {
    await started?.closePages();
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  return {
    get harness() {
      return app().harness;
    },
    get browser() {
      return app().browser;
    },
    open: (path, options) => app().open(path, options),
    closePages: () => app().closePages(),
    close: () => app().close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Let notifications and transitions settle so the picture shows the steady state.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Two elements on screen do not overlap (a notification and the button the user needs next). */
export async function expectApart(a: Locator, b: Locator): Promise<void> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  expect(x && y).toBeTruthy();
  const overlap = x!.x < y!.x + y!.width && y!.x < x!.x + x!.width && x!.y < y!.y + y!.height && y!.y < x!.y + x!.height;
  expect(overlap, `the notification at ${JSON.stringify(x)} covers the button at ${JSON.stringify(y)}`).toBe(false);
}
