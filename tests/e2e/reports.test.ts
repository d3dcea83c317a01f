// Reports in Chromium: the dashboard draws its charts under the app's CSP, a figure opens the records behind
// it, a record opens its job; the Today view shows alerts; a contacts filter is saved as a segment and shows
// in the navigation with its count.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let contactId: string;
const app = useApp(async ({ harness }) => {
  const stages = Object.fromEntries((await harness.rpc('jobs.settings.get', {})).stages.map((s: { name: string; id: string }) => [s.name, s.id]));
  contactId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones', addresses: [{ city: 'Leeds' }], leadSource: 'Referral' })).id;
  const kitchen = await harness.rpc('jobs.create', { title: 'Kitchen refit', contactId, amountMinor: 125_000, currency: 'GBP' });
  await harness.rpc('jobs.move', { id: kitchen.id, stage: stages.Won! });
  await harness.rpc('jobs.move', { id: kitchen.id, stage: stages.Paid! });
  await harness.rpc('jobs.create', { title: 'Garden gate', contactId, amountMinor: 30_000, currency: 'GBP', probability: 40 });
  const lost = await harness.rpc('jobs.create', { title: 'Shed', contactId, currency: 'GBP' });
  await harness.rpc('jobs.move', { id: lost.id, stage: stages.Lost! });
  await harness.rpc('activities.create', { contactId, type: 'note', notes: 'Likes blue tiles' });
  await harness.rpc('contacts.create', { firstName: 'Omar', lastName: 'Khan', addresses: [{ city: 'York' }] });
});

describe('reports', () => {
  test('the dashboard shows its figures and charts; a figure opens its records, a record its job', async () => {
    const { page, assertClean } = await app.open('/reports');
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const winRate = page.getByRole('link', { name: 'Win rate: show records' });
    await expect.poll(() => winRate.textContent()).toBe('50 %');
    await page.getByRole('region', { name: 'Pipeline' }).locator('.recharts-surface').first().waitFor();
    await page.getByRole('region', { name: 'Revenue' }).getByText('Revenue per month (GBP)').waitFor();
    await page.getByRole('region', { name: 'Clients', exact: true }).getByRole('link', { name: 'Maya Jones' }).waitFor();
    await screenshot(page, 'reports-dashboard');

    await winRate.click();
    await page.getByRole('heading', { name: 'Jobs won', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Jobs won' });
    await table.getByRole('cell', { name: '£1,250.00' }).waitFor();
    await screenshot(page, 'reports-records');
    await table.getByRole('link', { name: 'Kitchen refit' }).click();
    await page.getByRole('heading', { name: 'Kitchen refit', level: 1 }).waitFor();
    assertClean();
  }, 60_000);

  test('every stage count opens the jobs in that stage, and the list exports as CSV', async () => {
    const { page, assertClean } = await app.open('/reports');
    await page.getByRole('link', { name: 'Jobs in Lead: show records' }).click();
    await page.getByRole('table', { name: 'Jobs in the pipeline' }).getByRole('link', { name: 'Garden gate' }).waitFor();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText(/1 row saved to .*rapport-pipeline-.*\.csv/).waitFor();
    assertClean();
  }, 60_000);
});

describe('alerts and segments', () => {
  test('Today lists a paying client gone quiet, with a one-click follow-up', async () => {
    const { page, assertClean } = await app.open('/today');
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await alerts.getByRole('link', { name: 'Maya Jones' }).waitFor();
    await alerts.getByText('Never contacted').waitFor();
    await screenshot(page, 'today-alerts');
    await alerts.getByRole('button', { name: 'Follow up Maya Jones' }).click();
    await page.getByText('Follow-up for Maya Jones added for tomorrow').waitFor();
    await expect
      .poll(async () => (await app.harness.rpc('tasks.list', { contactId })).items.map((t: { title: string }) => t.title))
      .toEqual(['Get back in touch with Maya Jones']);
    await alerts.waitFor({ state: 'detached' }); // someone is on it now: the alert goes
    assertClean();
  }, 60_000);

  test('a filter saved as a segment shows in the navigation with its count and opens the list', async () => {
    const { page, assertClean } = await app.open('/contacts');
    await page.getByRole('link', { name: /Omar Khan/ }).waitFor();
    await page.getByRole('button', { name: 'More filters' }).click();
    const more = page.getByRole('form', { name: 'More filters' });
    await more.getByLabel('City').fill('leeds');
    await more.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1 match').waitFor();
    await expect.poll(() => page.getByRole('link', { name: /Omar Khan/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save as segment' }).click();
    const dialog = page.getByRole('form', { name: 'Save as segment' });
    await dialog.getByLabel('Name').fill('Leeds clients');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const nav = page.getByRole('navigation', { name: 'Saved segments' });
    await nav.getByRole('link', { name: 'Leeds clients, 1 contact' }).waitFor();
    await page.getByRole('heading', { name: 'Contacts: Leeds clients' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).first().click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await nav.getByRole('link', { name: 'Leeds clients, 1 contact' }).click();
    await page.getByRole('heading', { name: 'Contacts: Leeds clients' }).waitFor();
    await page.getByRole('link', { name: /Maya Jones/ }).waitFor();
    await screenshot(page, 'contacts-segment');
    assertClean();
  }, 60_000);
});
