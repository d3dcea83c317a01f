// `npm run bench:ui`: how fast the window answers, measured in Chromium through the web harness on 100,000
// contacts and 1,000,000 activities: a search's last keystroke, Ctrl+K, opening a contact, switching sort and
// dragging the list's scrollbar, each until painted, with the backend's share (its Server-Timing for the calls made).
// BENCH_UI_RUNS (default 20) sets the runs; BENCH_UI_DATA_DIR keeps the seeded folder for the next run;
// BENCH_UI_CASES (cold,search,quick,open,scroll,sort) picks cases; BENCH_UI_VERBOSE prints every sample.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DB_FILE, openCore } from '../../electron/core/app';
import { harnessPlatform } from '../../electron/harness/platform';
import { ensureRendererBuild } from '../../electron/harness/renderer-build';
import { launchChromium } from '../helpers/browser';
import { startHarness, type RunningHarness } from '../helpers/harness-process';
import { stats } from './measure';
import { lcg } from './random';
import { seed } from './seed';
import { seedActivities } from './seed-activities';
import { type Expect, installBenchUi, type Sample } from './ui-page';

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 20);
const TARGET_MS = 100;
/** BENCH_UI_CASES=search,sort runs only those (matched against benchSearch, benchQuickSearch, benchOpenContact, benchScroll, benchSort). */
const CASES = process.env.BENCH_UI_CASES?.toLowerCase().split(',');
/** BENCH_UI_PROFILE=open writes a CPU profile of the window during that case (open it in Chromium's DevTools). */
const PROFILE = process.env.BENCH_UI_PROFILE?.toLowerCase();
const TERMS = ['smith', 'garcia', 'nguyen', 'kowalski', 'brown', 'müller', 'okafor', 'tanaka', 'patel', 'dubois', 'johnson', 'martin', 'wilson', 'rossi', 'sato', 'khan', 'costa', 'murphy', 'schmidt', 'lopez'];
const INITIALS = 'jmasdrlkcpetnbgh';
const SORTS = [
  { value: 'lastName', label: 'Last name' },
  { value: 'updatedAt', label: 'Recently updated' },
  { value: 'createdAt', label: 'Recently added' },
  { value: 'lastContacted', label: 'Last contacted' },
  { value: 'name', label: 'Name' },
] as const;

interface Result {
  name: string;
  samples: Sample[];
}

const rowLabel = (c: { displayName: string; companyName: string | null }) => [c.displayName, c.companyName].filter(Boolean).join(', ');

async function measure(page: Page, expect: Expect, act: () => Promise<void>, options: { stampNow?: boolean } = {}): Promise<Sample> {
  await page.evaluate(([e, o]) => (window as unknown as { __benchUi: { start(e: Expect, o: object): void } }).__benchUi.start(e, o), [expect, options] as const);
  await act();
  const sample = await page.evaluate(() => (window as unknown as { __benchUi: { result: Promise<Sample> } }).__benchUi.result);
  if (sample.timedOut) {
    const shot = join(tmpdir(), 'bench-ui-timeout.png');
    await page.screenshot({ path: shot });
    console.error(`timed out waiting for ${JSON.stringify(expect)} (screen: ${shot})`);
  }
  return sample;
}

const listRow = (page: Page, index: number) => page.locator(`[role="list"][aria-label="Contacts"] [data-index="${index}"] a`);

async function startProfile(page: Page): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    const file = join(tmpdir(), 'bench-ui.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    return file;
  };
}

async function firstRow(harness: RunningHarness, input: { query?: string; sort?: (typeof SORTS)[number]['value']; offset?: number }) {
  const page = await harness.rpc('contacts.list', { limit: 1, sort: 'name', ...input });
  const first = page.items[0];
  if (!first) throw new Error(`no contact for ${JSON.stringify(input)}`);
  return { label: rowLabel(first), total: page.total, name: first.displayName };
}

async function benchSearch(page: Page, harness: RunningHarness, all: { label: string; total: number }): Promise<Result> {
  const box = page.getByRole('textbox', { name: 'Search contacts' });
  const samples: Sample[] = [];
  // A surname, a space and a first name's initial ("smith j"): the last key changes what the list shows (else the
  // screen is "done" before any search runs), and no query repeats, so none is answered from the page's cache.
  const terms: { term: string; expected: Awaited<ReturnType<typeof firstRow>> }[] = [];
  for (let i = 0; terms.length < RUNS && i < TERMS.length * INITIALS.length; i++) {
    const term = `${TERMS[i % TERMS.length]!} ${INITIALS[Math.floor(i / TERMS.length)]!}`;
    const [before, expected] = [await firstRow(harness, { query: term.slice(0, -1) }), await firstRow(harness, { query: term }).catch(() => null)];
    if (expected && (before.total !== expected.total || before.label !== expected.label)) terms.push({ term, expected });
  }
  for (let i = 0; i < RUNS; i++) {
    const { term, expected } = terms[i % terms.length]!;
    await box.fill('');
    await listRow(page, 0).and(page.locator(`[aria-label="${all.label}"]`)).waitFor();
    await box.focus();
    // Typed like a person (100 ms a key), so earlier letters' searches may still be running at the last one.
    await page.keyboard.type(term.slice(0, -1), { delay: 100 });
    samples.push(await measure(page, { kind: 'row', index: 0, label: expected.label, total: expected.total }, () => page.keyboard.press(term.slice(-1))));
  }
  await box.fill('');
  await listRow(page, 0).and(page.locator(`[aria-label="${all.label}"]`)).waitFor();
  return { name: 'search: last key -> rows', samples };
}

async function benchQuickSearch(page: Page, harness: RunningHarness): Promise<Result> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const term = TERMS[(i + 7) % TERMS.length]!;
    const hits = (await harness.rpc('search.global', { query: term, limit: 20 })).items;
    await page.keyboard.press('Control+K');
    const box = page.getByRole('textbox', { name: 'Quick search' });
    await box.waitFor();
    // Typed only once the box has focus (the modal focuses it as it opens): a key before that is not in the query.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Quick search');
    await page.keyboard.type(term.slice(0, -1), { delay: 100 });
    samples.push(await measure(page, { kind: 'spotlight', title: hits[0]?.title ?? '', count: hits.length }, () => page.keyboard.press(term.slice(-1))));
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'hidden' });
  }
  return { name: 'Ctrl+K: last key -> results', samples };
}

async function benchOpenContact(page: Page, harness: RunningHarness): Promise<Result> {
  const samples: Sample[] = [];
  const other = (await harness.rpc('contacts.list', { limit: 1, offset: 50, sort: 'name' })).items[0]!;
  for (let i = 0; i < RUNS; i++) {
    if (i % 8 === 0) {
      // Every contact on screen is opened once per page load, never answered from the page's cache: a reload empties
      // it. Then one untimed visit to a contact further down loads the page's code, as in a window open a while.
      if (i > 0) await page.reload();
      await listRow(page, 0).waitFor();
      await page.evaluate((id) => void (location.hash = `#/contacts/${id}`), other.id);
      await page.getByRole('heading', { name: other.displayName, exact: true }).waitFor();
      await page.goBack();
      await listRow(page, 0).waitFor();
      await page.waitForTimeout(300);
    }
    const row = listRow(page, i % 8);
    const name = (await harness.rpc('contacts.list', { limit: 8, sort: 'name' })).items[i % 8]!.displayName;
    samples.push(await measure(page, { kind: 'heading', text: name }, () => row.click()));
    await page.goBack();
    await listRow(page, 0).waitFor();
    // A person picks the next contact from a list they can read, not in the milliseconds after its first row paints.
    await page.waitForTimeout(300);
  }
  return { name: 'open a contact: click -> name', samples };
}

async function benchSort(page: Page, harness: RunningHarness): Promise<Result> {
  const samples: Sample[] = [];
  const select = page.locator('input[aria-label="Sort by"]');
  for (let i = 0; i < RUNS; i++) {
    const sort = SORTS[i % SORTS.length]!;
    if (i > 0 && i % SORTS.length === 0) {
      // Every sort has been seen: a reload empties the page's cache, so no run is answered from it.
      await page.reload();
      await listRow(page, 0).waitFor();
    }
    const expected = await firstRow(harness, { sort: sort.value });
    await select.click();
    const option = page.getByRole('option', { name: sort.label, exact: true });
    await option.waitFor();
    samples.push(await measure(page, { kind: 'row', index: 0, label: expected.label, total: expected.total }, () => option.click()));
  }
  return { name: 'switch sort: click -> rows', samples };
}

async function benchScroll(page: Page, harness: RunningHarness, all: { total: number }): Promise<Result> {
  const { total } = all;
  const samples: Sample[] = [];
  const next = lcg(18);
  const fixed = [0.1, 0.5, 0.9];
  const scroller = page.locator('[role="list"][aria-label="Contacts"]').locator('xpath=..');
  const rowHeight = await listRow(page, 0).evaluate((a) => a.parentElement!.getBoundingClientRect().height);
  for (let i = 0; i < RUNS; i++) {
    const index = Math.floor((fixed[i] ?? next()) * (total - 20));
    const expected = await firstRow(harness, { offset: index });
    // A dragged scrollbar lands the list at a point: set that point's scrollTop in one go, stamped as the input.
    samples.push(await measure(page, { kind: 'row', index, label: expected.label, total }, () => scroller.evaluate((el, top) => void (el.scrollTop = top), index * rowHeight), { stampNow: true }));
  }
  await scroller.evaluate((el) => void (el.scrollTop = 0));
  return { name: 'drag scrollbar -> rows there', samples };
}

async function benchColdWindow(harness: RunningHarness, browser: Awaited<ReturnType<typeof launchChromium>>, first: { label: string; total: number }): Promise<Result> {
  const samples: Sample[] = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${harness.url}#/contacts`);
    try {
      await listRow(page, 0).and(page.locator(`[aria-label="${first.label}"]`)).waitFor({ timeout: 120_000 });
    } catch (error) {
      await page.screenshot({ path: join(tmpdir(), 'bench-ui-cold.png') });
      throw error;
    }
    // From navigation start (performance.now's origin) to the first row, as a user opening the window sees it.
    const ms = await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))));
    samples.push({ ms, ipcMs: 0, backendMs: 0, longTaskMs: 0, calls: {}, timedOut: false });
    await context.close();
  }
  return { name: 'cold window -> first rows', samples };
}

function report(results: Result[]): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\n${pad('measure', 32)}  runs   median      p95   backend  in flight  long tasks  share  calls (most in one run)  target`);
  for (const r of results) {
    const all = stats(r.samples.map((s) => s.ms));
    const backend = stats(r.samples.map((s) => s.backendMs));
    const ipc = stats(r.samples.map((s) => s.ipcMs));
    const busy = stats(r.samples.map((s) => s.longTaskMs));
    const channels = [...new Set(r.samples.flatMap((s) => Object.keys(s.calls)))];
    const calls = channels.map((c) => `${c} ${Math.max(...r.samples.map((s) => s.calls[c] ?? 0))}`).join(', ');
    const timeouts = r.samples.filter((s) => s.timedOut).length;
    const cold = r.name.startsWith('cold');
    const meets = cold ? '' : all.medianMs < TARGET_MS ? 'ok' : 'MISSED';
    const share = cold ? '   -' : `${((100 * backend.medianMs) / all.medianMs).toFixed(0).padStart(3)}%`;
    console.log(
      `${pad(r.name, 32)}  ${String(all.iterations).padStart(4)} ${num(all.medianMs)} ${num(all.p95Ms)}  ${cold ? '       -' : num(backend.medianMs)}   ${cold ? '       -' : num(ipc.medianMs)}  ${cold ? '         -' : num(busy.medianMs).padStart(10)}  ${share}  ${pad(calls || '-', 23)}  ${meets}${timeouts ? ` (${timeouts} timed out)` : ''}`,
    );
  }
  console.log(`\nload average ${loadavg().map((n) => n.toFixed(2)).join(' ')}. "backend" is the harness's own time (Server-Timing) for the calls`);
  console.log('in flight during the interval; "in flight" is how long the page saw some call pending (its busy main thread included);');
  console.log('"long tasks" is main-thread work in tasks over 50 ms (rendering, script) within the interval.');
  console.log(JSON.stringify(results.map((r) => ({ name: r.name, ...stats(r.samples.map((s) => s.ms)), backendMedianMs: stats(r.samples.map((s) => s.backendMs)).medianMs }))));
}

async function main(): Promise<void> {
  const keep = process.env.BENCH_UI_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'rapport-bench-ui-'));
  if (keep) mkdirSync(keep, { recursive: true });
  if (!existsSync(join(dataDir, DB_FILE))) {
    const seeded = await seed(dataDir);
    console.error(`seeded ${seeded.contacts} contacts in ${(seeded.ms / 1000).toFixed(1)} s`);
    const activities = seedActivities(seeded.file);
    console.error(`seeded ${activities.activities} activities in ${(activities.ms / 1000).toFixed(1)} s`);
  } else {
    console.error(`reusing the seeded data in ${dataDir}`);
    // Pending migrations (and the backup before them) run here: on 1 GB they can outlast the harness's start-up limit.
    (await openCore({ dataDir, platform: harnessPlatform(dataDir) })).close();
  }

  // Built here, not by the harness: its start-up has a time limit a fresh build under load can pass. Into a folder of
  // its own: e2e runs rebuilding dist/renderer meanwhile would swap the chunks under the open window.
  const rendererDir = join(tmpdir(), 'rapport-bench-ui-renderer');
  ensureRendererBuild((line) => console.error(line), rendererDir);
  process.env.RAPPORT_RENDERER_DIR = rendererDir;
  process.env.RAPPORT_HARNESS_NO_QUIT_BACKUP = '1';
  // A 1 GB file on a busy machine can take longer to open than the e2e tests' limit.
  const harness = await startHarness({ dataDir, startTimeoutMs: 300_000 });
  const browser = await launchChromium();
  const results: Result[] = [];
  try {
    const all = await firstRow(harness, {});
    if (!CASES || CASES.includes('cold')) results.push(await benchColdWindow(harness, browser, all));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // As source text with a stand-in for the `__name` helper tsx's compiler puts inside functions.
    await context.addInitScript({ content: `var __name = (f) => f; (${installBenchUi.toString()})();` });
    const page = await context.newPage();
    await page.goto(`${harness.url}#/contacts`);
    await listRow(page, 0).waitFor();
    // Warm up: every page's chunk and the first queries, as in a window that has been open a moment.
    await page.waitForTimeout(2000);
    for (const run of [benchSearch, benchQuickSearch, benchOpenContact, benchScroll, benchSort]) {
      if (CASES && !CASES.some((c) => run.name.toLowerCase().includes(c))) continue;
      const profile = PROFILE && run.name.toLowerCase().includes(PROFILE) ? await startProfile(page) : null;
      results.push(await run(page, harness, all));
      if (profile) console.error(`CPU profile of ${run.name}: ${await profile()}`);
      if (process.env.BENCH_UI_VERBOSE) console.error(JSON.stringify(results.at(-1)!.samples));
      console.error(`measured ${results.at(-1)!.name}`);
    }
  } finally {
    // What was measured is printed even when a later case fails.
    report(results);
    await browser.close();
    await harness.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
