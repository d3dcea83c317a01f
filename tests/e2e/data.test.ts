// "Your data" in Chromium against the harness: Export everything from the page (progress, then the report), the
// zip checked by unzip; and Move data folder's confirmation, which says what will happen before anything moves.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp(async (a) => {
  const maya = await a.harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Okafor' });
  await a.harness.rpc('contacts.create', { firstName: 'Tom', lastName: 'Reyes' });
  await a.harness.rpc('activities.create', { contactId: maya.id, type: 'call', notes: 'Quote sent' });
  await a.harness.rpc('appointments.create', { title: 'Site visit', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', contactId: maya.id });
});

describe('your data', () => {
  test('Export everything writes one zip that unzip accepts, and reports what went in', async () => {
    const { page, assertClean } = await app.open('/data');
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await page.getByRole('button', { name: 'Export everything' }).click();
    const report = page.getByTestId('export-all-report');
    await report.waitFor();
    await report.getByText('2 contacts as vCard').waitFor();
    await report.getByText('1 appointment as iCalendar').waitFor();
    await screenshot(page, 'data-export-everything');

    const exports = join(app.harness.dataDir, 'exports');
    const zips = readdirSync(exports).filter((f) => f.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    const zip = join(exports, zips[0]!);
    execFileSync('unzip', ['-tqq', zip]);
    const names = execFileSync('unzip', ['-Z1', zip]).toString().split('\n');
    for (const name of ['rapport.sqlite', 'tables/contacts.csv', 'contacts.vcf', 'schedule.ics', 'README.txt']) expect(names).toContain(name);
    expect(readdirSync(exports).filter((f) => f.endsWith('.part'))).toEqual([]);
    assertClean();
  }, 90_000);

  test('Move data folder says what will happen and changes nothing until confirmed', async () => {
    const { page, assertClean } = await app.open('/data');
    const target = join(app.harness.dataDir, '..', `${app.harness.dataDir.split('/').pop()}-moved`);
    mkdirSync(target);
    writeFileSync(join(app.harness.dataDir, 'harness-picks.json'), JSON.stringify([target]));
    await page.getByRole('button', { name: 'Move data folder…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move your data?' });
    await dialog.getByText('A backup of your data is taken in the current folder.').waitFor();
    await dialog.getByText(/The data file \(.+\) is copied to the new folder, and each copy is checked/).waitFor();
    await screenshot(page, 'data-move-confirm');
    await dialog.getByRole('button', { name: 'Keep it where it is' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(readdirSync(target)).toEqual([]);
    rmSync(target, { recursive: true });
    // Still working in the same folder.
    await app.harness.rpc('contacts.create', { firstName: 'Still', lastName: 'Here' });
    assertClean();
  }, 90_000);
});
