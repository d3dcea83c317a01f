// What to offer whom in Chromium against the real harness (issue #23): accepted quotes of three clients (written
// into the harness's SQLite by sales-seed.ts, as quoting leaves them) give the pair "Boiler service → Magnetic
// filter (2 of 3)" offered to Cat, and Cat's yearly boiler service overdue; "Add follow-up" makes the follow-up
// (checked through the harness), says so and keeps the focus in place; Cat's page offers the filter. Screenshot.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DB_FILE } from '../../electron/db/connection';
import { seedProduct, seedQuote } from '../core/sales-seed';
import { screenshot, useApp } from './app-fixture';

const ids: Record<string, string> = {};
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

const app = useApp(async ({ harness }) => {
  for (const name of ['Ann', 'Ben', 'Cat']) ids[name] = (await harness.rpc('contacts.create', { firstName: name, lastName: 'Client' })).id;
  const db = new Database(join(harness.dataDir, DB_FILE));
  try {
    const boiler = seedProduct(db, 'Boiler service', 'yearly');
    const filter = seedProduct(db, 'Magnetic filter');
    seedQuote(db, ids.Ann!, [{ productId: boiler }, { productId: filter }], daysAgo(30));
    seedQuote(db, ids.Ben!, [{ productId: boiler }, { productId: filter }], daysAgo(40));
    // A year and ten days ago: Cat's yearly service is overdue.
    seedQuote(db, ids.Cat!, [{ productId: boiler }], daysAgo(375));
  } finally {
    db.close();
  }
});

describe('sales suggestions', () => {
  test('the page shows a pair and a repeat, and Add follow-up makes the follow-up', async () => {
    const { page, assertClean } = await app.open('/sales/suggestions');
    const pair = page.getByRole('article', { name: 'Clients who bought Boiler service usually also bought Magnetic filter (2 of 3)' });
    await expect.poll(() => pair.isVisible()).toBe(true);
    const offerTo = pair.getByRole('list', { name: 'Offer Magnetic filter to' });
    expect(await offerTo.getByRole('link').allTextContents()).toEqual(['Cat Client']);

    const due = page.getByRole('table', { name: 'Due again' });
    const catRow = due.getByRole('row').filter({ hasText: 'Cat Client' });
    await expect.poll(() => catRow.textContent()).toContain('Boiler service');
    expect(await catRow.getByText('Overdue').isVisible()).toBe(true);
    expect(await due.getByRole('row').count()).toBe(2); // header + Cat: Ann and Ben are not due for a year

    // Keyboard: focus the button and press Enter, as a keyboard user would.
    const add = catRow.getByRole('button', { name: 'Add follow-up: Book Boiler service again (Cat Client)' });
    await add.focus();
    await page.keyboard.press('Enter');
    const added = catRow.getByRole('status');
    await expect.poll(() => added.textContent()).toContain('Follow-up added');
    expect(await added.evaluate((el) => el === document.activeElement)).toBe(true);
    await pair.getByRole('button', { name: 'Add follow-up: Offer Magnetic filter (Cat Client)' }).click();
    await expect.poll(() => pair.getByRole('status').textContent()).toContain('Follow-up added');

    const tasks = await app.harness.rpc('tasks.list', { contactId: ids.Cat! });
    expect(tasks.items.map((t) => t.title).sort()).toEqual(['Book Boiler service again', 'Offer Magnetic filter']);
    const today = new Date();
    const booked = tasks.items.find((t) => t.title === 'Book Boiler service again')!;
    // Overdue: the follow-up is due today (local), all day.
    expect(new Date(booked.dueAt!).toDateString()).toBe(today.toDateString());
    await screenshot(page, 'sales-suggestions');
    assertClean();
  });

  test("the client's page offers what others bought with theirs", async () => {
    const { page, assertClean } = await app.open(`/contacts/${ids.Cat!}`);
    const offers = page.getByRole('region', { name: 'Offer next' });
    await expect.poll(() => offers.textContent()).toContain('Magnetic filter: clients who bought Boiler service usually also bought it (2 of 3)');
    expect(await offers.textContent()).toContain('Boiler service due again since');
    await offers.scrollIntoViewIfNeeded();
    await screenshot(page, 'sales-client-offers');
    // Ann bought both: nothing to offer her, and her service is not due.
    const ann = await app.open(`/contacts/${ids.Ann!}`);
    await ann.page.getByRole('heading', { name: 'Ann Client' }).first().waitFor();
    await ann.page.waitForTimeout(300);
    expect(await ann.page.getByRole('region', { name: 'Offer next' }).count()).toBe(0);
    assertClean();
    ann.assertClean();
  });
});
