// One refresh path (issue #14): a save only primes the cache, and main's data.changed brings one refetch of
// each query that shows the saved record. Counts the page's POST /rpc/<channel> calls after saving one contact.
import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useApp } from './app-fixture';

let contactId: string;
const app = useApp(async ({ harness }) => {
  const company = await harness.rpc('companies.create', { name: 'Harrow & Sons Builders' });
  const contact = await harness.rpc('contacts.create', { firstName: 'Rahul', lastName: 'Mehta', companyId: company.id, tags: ['trade'] });
  contactId = contact.id;
  await harness.rpc('contacts.create', { firstName: 'Amelia', lastName: 'Clarke' });
  // Something on each panel of the contact page, so each of its queries is live when the contact is saved.
  await harness.rpc('tasks.create', { title: 'Send the revised quote', contactId });
  await harness.rpc('jobs.create', { title: 'Kitchen refit', contactId });
});

interface RpcLog {
  /** Channels called since the last take(), in order. */
  take(): string[];
  /** Resolves once `channel` has been called since the last take(). */
  called(channel: string): Promise<void>;
  /** Resolves once no call has been in flight or started for `quietMs` (the refresh debounce is 100 ms). */
  quiet(quietMs?: number): Promise<void>;
}

function watchRpc(page: Page): RpcLog {
  let calls: string[] = [];
  // The requests seen starting, by identity: ones the page began before the watch (its first load, under a slow
  // machine) finish without having been counted, and a bare counter went negative and never read 0 again.
  const pending = new Set<Request>();
  let last = Date.now();
  const isRpc = (url: string) => new URL(url).pathname.startsWith('/rpc/');
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !isRpc(request.url())) return;
    calls.push(decodeURIComponent(new URL(request.url()).pathname.slice('/rpc/'.length)));
    pending.add(request);
    last = Date.now();
  });
  const done = (request: Request) => {
    if (!pending.delete(request)) return;
    last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    take() {
      const taken = calls;
      calls = [];
      return taken;
    },
    async called(channel) {
      await expect.poll(() => calls.includes(channel), { timeout: 15_000, interval: 50 }).toBe(true);
    },
    async quiet(quietMs = 600) {
      try {
        await expect.poll(() => pending.size === 0 && Date.now() - last >= quietMs, { timeout: 15_000, interval: 50 }).toBe(true);
      } catch (error) {
        // Which channels kept the page busy: what a failure here needs to be understood.
        throw new Error(`never quiet for ${quietMs} ms: ${pending.size} in flight; calls since the last take: ${calls.join(', ')}`, { cause: error });
      }
    },
  };
}

function counts(channels: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const channel of channels) out[channel] = (out[channel] ?? 0) + 1;
  return out;
}

describe('saving a contact', () => {
  test('fetches each affected query once, and the list shows the change', async () => {
    const { page, assertClean } = await app.open('/contacts');
    const rpc = watchRpc(page);
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('link', { name: 'Rahul Mehta' }).click();
    await page.getByRole('heading', { name: 'Rahul Mehta', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Follow-ups' }).getByText('Send the revised quote').waitFor();
    await page.getByText('Kitchen refit').first().waitFor();
    await rpc.quiet();
    rpc.take();

    await page.getByLabel('Last name').fill('Mehta-Shah');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').waitFor();
    await page.getByRole('heading', { name: 'Rahul Mehta-Shah', level: 1 }).waitFor();
    // The heading comes from the primed cache; the refetches come with main's event, a moment later.
    await rpc.called('tasks.list');
    await rpc.quiet();
    const afterSave = counts(rpc.take());

    expect(afterSave['contacts.update']).toBe(1);
    // The page's own record: primed by the save, then refetched once when main reports the change.
    expect(afterSave['contacts.get'] ?? 0).toBeLessThanOrEqual(1);
    // The panels that show the person's name refresh too, each once: no channel is asked twice.
    expect(Object.entries(afterSave).filter(([, n]) => n > 1)).toEqual([]);
    // The follow-ups and jobs panels show the name, so they were refreshed.
    expect(afterSave['tasks.list']).toBe(1);
    expect(afterSave['jobs.list']).toBe(1);

    // Back to the list (inactive while the contact page was open): it was marked stale, so it is fetched
    // once, and shows the new name without the save having refreshed anything itself.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await list.getByRole('link', { name: 'Rahul Mehta-Shah' }).waitFor();
    await rpc.quiet();
    const afterBack = counts(rpc.take());
    expect(afterBack['contacts.list'] ?? 0).toBeLessThanOrEqual(1);
    expect(Object.entries(afterBack).filter(([, n]) => n > 1)).toEqual([]);
    assertClean();
  }, 60_000);
});
