// Jobs on the pipeline board: column totals from integer minor units, moving a card by drag and drop and
// from the keyboard menu (the server agrees), and the job page with its stage history, timeline and follow-ups.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let contactId: string;
let kitchenId: string;
let gateId: string;
const app = useApp(async ({ harness }) => {
  contactId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' })).id;
  kitchenId = (await harness.rpc('jobs.create', { title: 'Kitchen refit', contactId, amountMinor: 125_000, currency: 'GBP', dueDate: '2026-12-01' })).id;
  gateId = (await harness.rpc('jobs.create', { title: 'Garden gate', contactId, amountMinor: 30_000, currency: 'GBP' })).id;
});

describe('jobs board', () => {
  test('totals per stage, drag a card to Won, move another with the keyboard menu', async () => {
    const { page, assertClean } = await app.open('/jobs');
    const lead = page.getByRole('region', { name: 'Lead' });
    const won = page.getByRole('region', { name: 'Won' });
    const quoted = page.getByRole('region', { name: 'Quoted' });
    await lead.getByText('£1,550.00').waitFor();
    await lead.getByRole('listitem', { name: 'Kitchen refit' }).getByText('Maya Jones').waitFor();
    await won.getByText('£0.00').waitFor();

    await lead.getByRole('listitem', { name: 'Kitchen refit' }).dragTo(won.getByRole('list'));
    await won.getByRole('listitem', { name: 'Kitchen refit' }).waitFor();
    await won.getByText('£1,250.00', { exact: true }).first().waitFor();
    await lead.getByText('£300.00', { exact: true }).first().waitFor();
    await expect.poll(async () => (await app.harness.rpc('jobs.get', { id: kitchenId })).stageName).toBe('Won');

    // Keyboard path: focus the card's menu button, open it, pick Quoted.
    const menu = lead.getByRole('button', { name: 'Move “Garden gate” to…' });
    await menu.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Quoted' }).click();
    await quoted.getByRole('listitem', { name: 'Garden gate' }).waitFor();
    await expect.poll(async () => (await app.harness.rpc('jobs.get', { id: gateId })).stageName).toBe('Quoted');
    // Alt+← on the focused card moves it back to Lead.
    await quoted.getByRole('listitem', { name: 'Garden gate' }).focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await lead.getByRole('listitem', { name: 'Garden gate' }).waitFor();
    await expect.poll(async () => (await app.harness.rpc('jobs.get', { id: gateId })).stageName).toBe('Lead');
    await lead.getByText('£300.00', { exact: true }).first().waitFor();
    await screenshot(page, 'jobs-board');
    assertClean();
  }, 60_000);

  test('the job page edits the value in major units and shows the stage history', async () => {
    const { page, assertClean } = await app.open(`/jobs/${kitchenId}`);
    await page.getByRole('heading', { name: 'Kitchen refit', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Job details' });
    await expect.poll(() => form.getByLabel('Value').inputValue()).toBe('1250.00');
    await form.getByLabel('Value').fill('1,250.29');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').first().waitFor();
    await expect.poll(async () => (await app.harness.rpc('jobs.get', { id: kitchenId })).amountMinor).toBe(125_029);
    const history = page.getByRole('region', { name: 'Stage history' });
    await history.getByText('Lead → Won').waitFor();
    await history.getByText('Created in Lead').waitFor();
    await screenshot(page, 'job-page');
    assertClean();
  }, 60_000);

  test("the client's timeline shows the job's stage changes, filterable", async () => {
    const { page, assertClean } = await app.open(`/contacts/${contactId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('listitem', { name: 'Job Kitchen refit moved from Lead to Won' }).waitFor();
    await timeline.getByRole('listitem', { name: 'Job Garden gate added as Lead' }).waitFor();
    await screenshot(page, 'contact-timeline-jobs');
    await timeline.getByRole('radiogroup', { name: 'Filter by type' }).getByText('Call', { exact: true }).click();
    await timeline.getByText('No calls logged.').waitFor();
    await timeline.getByRole('radiogroup', { name: 'Filter by type' }).getByText('Jobs', { exact: true }).click();
    await timeline.getByRole('listitem', { name: 'Job Kitchen refit moved from Lead to Won' }).getByRole('link', { name: 'Kitchen refit' }).click();
    await page.getByRole('heading', { name: 'Kitchen refit', level: 1 }).waitFor();
    assertClean();
  }, 60_000);

  test('New job from a contact page is prefilled; the list finds it; moving it to Lost asks why', async () => {
    const { page, assertClean } = await app.open(`/contacts/${contactId}`);
    const section = page.getByRole('region', { name: 'Jobs' });
    await section.getByText('Kitchen refit').waitFor();
    await section.getByRole('button', { name: 'New job' }).click();
    const dialog = page.getByRole('dialog', { name: 'New job' });
    await dialog.getByLabel('Title').fill('Bathroom tiling');
    await expect.poll(() => dialog.getByLabel('Client').inputValue()).toBe('Maya Jones');
    await dialog.getByLabel('Value').fill('1,250.50');
    await dialog.getByRole('button', { name: 'Create job' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByText('Bathroom tiling').waitFor();
    const { items } = await app.harness.rpc('jobs.list', { contactId, query: 'Bathroom' });
    expect(items.map((j) => [j.title, j.amountMinor, j.currency])).toEqual([['Bathroom tiling', 125_050, 'GBP']]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.getByText('List', { exact: true }).click();
    await page.getByLabel('Search jobs').fill('tiling');
    const table = page.getByRole('table', { name: 'Jobs' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByText('£1,250.50').waitFor();

    await page.getByText('Board', { exact: true }).click();
    await page.getByRole('button', { name: 'Move “Bathroom tiling” to…' }).click();
    await page.getByRole('menuitem', { name: 'Lost' }).click();
    const ask = page.getByRole('dialog', { name: 'Move “Bathroom tiling” to Lost' });
    await ask.getByLabel('Lost reason').fill('Went with a cheaper quote');
    await ask.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('region', { name: 'Lost' }).getByRole('listitem', { name: 'Bathroom tiling' }).waitFor();
    await expect.poll(async () => (await app.harness.rpc('jobs.list', { query: 'Bathroom' })).items[0]?.lostReason).toBe('Went with a cheaper quote');
    assertClean();
  }, 60_000);

  test('Log activity on the job page links the call and its follow-up to the job', async () => {
    const samId = (await app.harness.rpc('contacts.create', { firstName: 'Sam', lastName: 'Patel' })).id;
    const loftId = (await app.harness.rpc('jobs.create', { title: 'Loft conversion', contactId: samId })).id;
    const { page, assertClean } = await app.open(`/jobs/${loftId}`);
    await page.getByRole('heading', { name: 'Loft conversion', level: 1 }).waitFor();
    const timeline = page.getByRole('region', { name: 'Job timeline' });
    await timeline.getByText('Nothing logged for this job yet.').waitFor();

    await page.getByRole('button', { name: 'Log activity' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log activity' });
    await expect.poll(() => dialog.getByLabel(/^Contact/).inputValue()).toBe('Sam Patel');
    await expect.poll(() => dialog.getByLabel('Job', { exact: true }).inputValue()).toBe('Loft conversion');
    await dialog.getByLabel('Subject').fill('Measured the loft');
    await dialog.getByLabel('Add a follow-up').check();
    await dialog.getByLabel('Follow-up', { exact: true }).fill('Send loft quote');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await timeline.getByRole('list', { name: 'Activities Today' }).getByText('Measured the loft').waitFor();
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await followUps.getByRole('listitem', { name: 'Send loft quote' }).waitFor();
    const { items } = await app.harness.rpc('activities.list', { jobId: loftId });
    expect(items.map((a) => [a.type, a.subject, a.contactId, a.jobId])).toEqual([['call', 'Measured the loft', samId, loftId]]);

    // The inline add links the new follow-up to the job (and its client); completing one takes it off the list.
    await followUps.getByRole('textbox', { name: 'New follow-up' }).fill('Book the scaffolders');
    await followUps.getByRole('button', { name: 'Add' }).click();
    await followUps.getByRole('listitem', { name: 'Book the scaffolders' }).waitFor();
    await followUps.getByRole('checkbox', { name: 'Complete “Send loft quote”' }).click();
    await expect
      .poll(async () => (await app.harness.rpc('tasks.list', { jobId: loftId })).items.map((t) => [t.title, t.contactId, t.jobId]))
      .toEqual([['Book the scaffolders', samId, loftId]]);
    await screenshot(page, 'job-page-activity');
    assertClean();
  }, 60_000);

  test('New appointment on the job page is linked to the job and its client and listed there', async () => {
    const { page, assertClean } = await app.open(`/jobs/${kitchenId}`);
    const section = page.getByRole('region', { name: 'Appointments' });
    await section.getByText('No appointments for this job', { exact: false }).waitFor();
    await section.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await expect.poll(() => dialog.getByLabel(/^Contact/).inputValue()).toBe('Maya Jones');
    await dialog.getByLabel('Title').fill('Measure the kitchen');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByRole('list', { name: 'Job appointments' }).getByText('Measure the kitchen').waitFor();
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const { items } = await app.harness.rpc('appointments.list', { from, to, jobId: kitchenId });
    expect(items.map((o) => [o.title, o.contactId])).toEqual([['Measure the kitchen', contactId]]);
    expect((await app.harness.rpc('appointments.get', { id: items[0]!.appointmentId })).jobId).toBe(kitchenId);
    await screenshot(page, 'job-page-appointments');
    assertClean();
  }, 60_000);
});
