// Reports in Chromium with the user's own choice fields on jobs (issue #19): "Jobs by Job type" shows a count and a
// value per option (an archived one while used, None for jobs without one), another field can be picked, and a count
// opens the jobs behind it.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const year = new Date().getFullYear();

const app = useApp(async ({ harness }) => {
  const type = await harness.rpc('fields.create', { recordType: 'job', label: 'Job type', type: 'choice', options: [{ label: 'Kitchen' }, { label: 'Bathroom' }, { label: 'Loft' }] });
  const opt: Record<string, string> = Object.fromEntries(type.options.map((o: { label: string; id: string }) => [o.label, o.id]));
  const size = await harness.rpc('fields.create', { recordType: 'job', label: 'Size', type: 'choice', options: [{ label: 'Small' }, { label: 'Large' }] });
  const large = size.options[1]!.id;
  await harness.rpc('fields.create', { recordType: 'job', label: 'Boiler model', type: 'text' });
  const contactId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' })).id;
  await harness.rpc('jobs.create', { title: 'Kitchen refit', contactId, amountMinor: 125_000, custom: { jobType: opt.Kitchen!, size: large } });
  await harness.rpc('jobs.create', { title: 'Kitchen tiles', contactId, amountMinor: 30_000, custom: { jobType: opt.Kitchen! } });
  await harness.rpc('jobs.create', { title: 'Loft ladder', contactId, amountMinor: 9_000, custom: { jobType: opt.Loft! } });
  await harness.rpc('jobs.create', { title: 'Garden gate', contactId });
  // Loft is taken off the list: archived, still shown for the job that chose it.
  await harness.rpc('fields.update', { id: type.id, options: [{ id: opt.Kitchen!, label: 'Kitchen' }, { id: opt.Bathroom!, label: 'Bathroom' }] });
});

describe('report breakdown by a choice field', () => {
  test('jobs by Job type: counts and values per option, another field picked, a count opens its jobs', async () => {
    const { page, assertClean } = await app.open('/reports');
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Jobs by Job type' });
    const row = (label: string) => section.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
    await expect.poll(() => row('Kitchen').innerText()).toMatch(/Kitchen\s+2\s+£1,550\.00\s+0\s+–/);
    expect(await row('Bathroom').innerText()).toMatch(/Bathroom\s+0\s+–/);
    expect(await section.getByRole('row').filter({ hasText: 'Loft' }).innerText()).toMatch(/Loft\s*archived\s+1\s+£90\.00/i);
    expect(await row('None').innerText()).toMatch(/None\s+1\s+£0\.00/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-breakdown');

    await section.getByRole('combobox', { name: 'Break jobs down by' }).click();
    await page.getByRole('option', { name: 'Size' }).click();
    const bySize = page.getByRole('region', { name: 'Jobs by Size' });
    await bySize.getByRole('link', { name: 'Jobs with Size Large: show records' }).waitFor();
    expect(await bySize.getByRole('row').filter({ hasText: 'None' }).innerText()).toMatch(/None\s+3/);

    await bySize.getByRole('link', { name: 'Jobs with Size Large: show records' }).click();
    await page.getByRole('heading', { name: 'Jobs by Size: Large', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Jobs by Size: Large' }).getByRole('link', { name: 'Kitchen refit' }).waitFor();
    expect(page.url()).toContain(`from=${year}-01-01`);
    assertClean();
  }, 60_000);
});
