// The contacts list knows its total and shows the rows at any scroll point: on 5,000 contacts, scrolling to the
// middle and to the end shows those rows after one or two window fetches at their offset, never the pages in
// between; End reaches the last contact by keyboard, and a row ticked in the middle counts as selected.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const COUNT = 5000;
const name = (i: number) => `Person ${String(i).padStart(4, '0')}`;

const app = useApp(async ({ harness }) => {
  // One import instead of 5,000 calls: "Person 0000" … "Person 4999", so row i is Person i in name order.
  const csv = join(harness.dataDir, 'people.csv');
  writeFileSync(csv, ['First Name,Last Name', ...Array.from({ length: COUNT }, (_, i) => `Person,${String(i).padStart(4, '0')}`)].join('\r\n'));
  writeFileSync(join(harness.dataDir, 'harness-picks.json'), JSON.stringify([csv]));
  await harness.rpc('files.pick', { purpose: 'import' });
  expect((await harness.rpc('import.run', { path: csv, duplicates: 'skip' })).created).toBe(COUNT);
});

describe('the contacts list at any scroll point', () => {
  test('scrolling to the middle and the end shows those rows without loading the pages in between', async () => {
    const { page, assertClean } = await app.open('/contacts');
    const offsets: (number | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/rpc/contacts.list')) offsets.push((JSON.parse(request.postData() ?? '{}') as { offset?: number }).offset);
    });
    const list = page.getByRole('list', { name: 'Contacts' });
    await page.getByText('5,000 contacts', { exact: true }).waitFor();
    await list.getByRole('link', { name: name(0), exact: true }).waitFor();
    // The list is as tall as its total: the last row has its place before it is loaded.
    await expect.poll(() => list.getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(COUNT));
    const scroller = list.locator('xpath=..');
    const rowHeight = await list.getByRole('listitem').first().evaluate((row) => row.getBoundingClientRect().height);
    offsets.length = 0;

    // As a dragged scrollbar does: the list lands in the middle in one go.
    await scroller.evaluate((el) => void (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    const top = Math.floor((await scroller.evaluate((el) => el.scrollTop)) / rowHeight);
    await list.getByRole('link', { name: name(top + 2), exact: true }).waitFor();
    const shown = await list.getByRole('link', { name: name(top + 2), exact: true }).evaluate((row) => {
      const box = row.getBoundingClientRect();
      const frame = row.closest('[role="list"]')!.parentElement!.getBoundingClientRect();
      return box.top >= frame.top && box.bottom <= frame.bottom;
    });
    expect(shown).toBe(true);
    await screenshot(page, 'list-scroll-middle');
    // Only the blocks around the middle were asked for: none of the 20-odd pages between the top and there.
    expect(offsets.length).toBeGreaterThan(0);
    expect({ top, far: offsets.filter((offset) => Math.abs((offset ?? 0) - top) >= 200), count: offsets.length }).toEqual({ top, far: [], count: expect.any(Number) });
    expect(offsets.length).toBeLessThanOrEqual(3);

    // End, by keyboard from a row in the middle: the last contact gets focus.
    offsets.length = 0;
    await list.getByRole('link', { name: name(top + 2), exact: true }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(name(COUNT - 1));
    expect(offsets.every((offset) => (offset ?? 0) >= COUNT - 200)).toBe(true);

    // A row ticked down there is part of the selection like any other.
    await page.getByRole('checkbox', { name: `Select ${name(COUNT - 2)}`, exact: true }).check();
    await page.getByText('1 selected', { exact: true }).waitFor();
    assertClean();
  }, 60_000);
});
