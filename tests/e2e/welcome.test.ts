// The first run (issue #18): an empty store opens on the welcome; its import cards lead to the import page; "Not now"
// hides it for good; "Explore with sample data" fills every page, and "Remove sample data" (one click, in the strip
// above every page) takes exactly those records away and keeps the user's own.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp();

describe('first run', () => {
  test('the welcome leads to the import page, and "Not now" hides it for good', async () => {
    const { page, assertClean } = await app.open('/');
    await page.getByRole('heading', { name: 'Welcome to Rapport' }).waitFor();
    await page.getByRole('link', { name: 'Import from Google Contacts' }).click();
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => page.url()).toContain('#/today');
    expect(await app.harness.rpc('data.sample.status', {})).toEqual({ welcome: false, sample: null });

    const again = await app.open('/');
    await expect.poll(() => again.page.url()).toContain('#/today');
    await again.page.getByRole('heading', { name: 'Nothing to follow up' }).waitFor();
    again.assertClean();
    assertClean();
  }, 60_000);

  test('sample data fills the app and one click removes exactly it', async () => {
    const { page, assertClean } = await app.open('/welcome', { viewport: { width: 1280, height: 900 } });
    await page.getByRole('button', { name: 'Explore with sample data' }).click();
    await expect.poll(() => page.url()).toContain('#/today');
    await page.getByText(/Sample data added: 20 contacts, 4 companies, 9 jobs/).waitFor();
    const banner = page.getByRole('region', { name: 'Sample data notice' });
    await banner.getByText('You are looking at sample data', { exact: false }).waitFor();
    // Today has something to do: the sample's overdue and due follow-ups.
    await page.getByRole('list', { name: 'Overdue follow-ups' }).getByRole('listitem', { name: 'Call back about the bathroom quote' }).waitFor();
    await screenshot(page, 'welcome-sample-today');
    // Made-up follow-ups that are already overdue do not pop up reminders.
    expect(await page.getByText('Follow-up due', { exact: false }).count()).toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.getByText('Shaker kitchen, full refit').first().waitFor();

    // The user's own records, one on a sample person.
    const mine = await app.harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' });
    const amelia = (await app.harness.rpc('contacts.list', { query: 'Amelia' })).items[0]!;
    await app.harness.rpc('jobs.create', { title: 'Worktop for Amelia', contactId: amelia.id });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    const list = page.getByRole('list', { name: 'Contacts' });
    await page.getByText('21 contacts').waitFor();
    await banner.getByRole('button', { name: 'Remove sample data' }).click();
    await page.getByText(/Sample data removed: 20 contacts, 4 companies, 9 jobs/).waitFor();
    await banner.waitFor({ state: 'detached' });
    await page.getByText('1 contact', { exact: true }).waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('link', { name: /Maya Jones/ }).waitFor();
    // The button went with the strip: focus is on the page's heading, not lost.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    expect((await app.harness.rpc('contacts.list', {})).items.map((c) => c.id)).toEqual([mine.id]);
    const jobs = await app.harness.rpc('jobs.list', {});
    expect(jobs.items.map((j) => [j.title, j.contactId])).toEqual([['Worktop for Amelia', null]]);
    expect(await app.harness.rpc('data.sample.status', {})).toEqual({ welcome: false, sample: null });
    assertClean();
  }, 90_000);
});
