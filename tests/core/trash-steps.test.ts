// Issue #18 item 2: after undoing a 30,000-row import, Trash holds 30,000 contacts (each with an activity here) and
// deleting them all for good never holds up other calls: it runs in steps, each its own transaction. 5,000 rows
// keep `npm test` quick; TRASH_ROWS=30000 runs the size. The figures are printed as one JSON line per case.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { importFile } from './import-export-helpers';
import { measureBlocking } from '../helpers/responsive';
import { expectStoreConsistent } from './trash-helpers';

const ROWS = Number(process.env.TRASH_ROWS ?? 5_000);
const MAX_BLOCK_MS = 100;

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore();
  const rows = ['First Name,Last Name,E-mail Address,Company'];
  for (let i = 0; i < ROWS; i++) rows.push(`Row${i},Person,row${i}@example.com,Firm ${i % 3}`);
  const path = join(t.dataDir, 'people.csv');
  writeFileSync(path, rows.join('\r\n'));
  const report = await importFile(t, path);
  // Their notes, so each contact takes an activity with it (the cascade path, with its summary triggers).
  t.core.store.sqlite.exec(`INSERT INTO activities (id, contact_id, type, occurred_at, subject, created_at, updated_at)
    SELECT 'a-' || id, id, 'call', '2026-11-01T09:00:00.000Z', 'Imported call', created_at, created_at FROM contacts`);
  await t.call('import.undo', { importId: report.importId });
}, 300_000);
afterAll(() => t.destroy());

const ping = async () => {
  const result = await t.core.dispatch('contacts.list', { limit: 1 });
  expect(result.ok).toBe(true);
};

describe(`${ROWS} contacts in Trash`, () => {
  it('previews and deletes them all for good without blocking other calls for more than 100 ms', async () => {
    expect((await t.call('trash.summary', {})).contacts).toBe(ROWS);
    let preview: Awaited<ReturnType<typeof t.call<'trash.preview'>>> | undefined;
    const previewed = await measureBlocking(ping, async () => (preview = await t.call('trash.preview', { all: true })));
    console.log(JSON.stringify({ case: 'trash.preview all', rows: ROWS, ...previewed }));
    expect(preview!.chosen.contacts).toBe(ROWS);
    expect(preview!.alongside.activities).toBe(ROWS);

    let purged: Awaited<ReturnType<typeof t.call<'trash.purge'>>> | undefined;
    const figures = await measureBlocking(ping, async () => (purged = await t.call('trash.purge', { all: true })));
    console.log(JSON.stringify({ case: 'trash.purge all', rows: ROWS, ...figures }));
    expect(purged!.removed).toMatchObject({ contacts: ROWS, activities: ROWS, companies: 3 });
    expect(figures.pingAnswers).toBeGreaterThan(1);
    expect(previewed.blockMs).toBeLessThan(MAX_BLOCK_MS);
    expect(figures.blockMs).toBeLessThan(MAX_BLOCK_MS);
    const progress = t.events.filter((e) => e.name === 'trash.progress').map((e) => e.payload as { done: number; total: number });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ done: ROWS + 3, total: ROWS + 3 });
    expect(await t.call('trash.summary', {})).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 });
    expectStoreConsistent(t.core.store.sqlite);
  }, 300_000);
});
