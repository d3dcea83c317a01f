// The retention review over a big book (issue #21: 100k contacts in under 1 s). 20,000 contacts and 2,000 jobs in
// `npm test`; RAPPORT_RETENTION_CONTACTS=100000 runs the size (measured on the 2-core CI box, 2026-12-06:
// 24,239 listed, a page with its total in 330 ms wall, 206 ms CPU; 624 ms the first time, cold). Figures printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DB_FILE } from '../../electron/core/app';
import { seed } from '../bench/seed';
import { seedJobs } from '../bench/seed-jobs';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';

const CONTACTS = Number(process.env.RAPPORT_RETENTION_CONTACTS ?? 20_000);
let t: TestCore;
beforeAll(async () => {
  const dataDir = tempDir();
  await seed(dataDir, { contacts: CONTACTS, companies: 50 });
  seedJobs(join(dataDir, DB_FILE), Math.round(CONTACTS / 10));
  // Seeded contacts were made 2023 to mid 2026, never contacted: by 2032 every prospect is past 36 months and every
  // job closed before 2026 is past 72 months.
  t = await openTestCore({ dataDir, start: '2032-06-01T09:00:00.000Z' });
}, 600_000);
afterAll(() => t.destroy());

describe(`retention review over ${CONTACTS.toLocaleString('en')} contacts`, () => {
  it('answers a page with its total fast, and pages through everyone once', async () => {
    const runs: { ms: number; cpuMs: number }[] = [];
    let total = 0;
    for (let i = 0; i < 3; i++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      total = (await t.call('retention.review', { limit: 100 })).total;
      const used = process.cpuUsage(cpu);
      runs.push({ ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000) });
    }
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    console.log(JSON.stringify({ case: 'retention.review', contacts: CONTACTS, listed: total, runs }));
    // A quarter of the book are prospects, all past the rule by 2032.
    expect(total).toBeGreaterThan(CONTACTS / 5);
    // Not scaled down for the smaller book: the cost grows faster than the contacts (20k: ~20 ms, 100k: ~330 ms).
    expect(best.ms).toBeLessThan(1000);

    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await t.call('retention.review', { limit: 500, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(total);
      for (const item of page.items) seen.add(item.contactId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(total);
  }, 600_000);
});
