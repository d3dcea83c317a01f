// "Export this person's data" (issue #21): the exporter covers every table of the store that has a contact_id
// column (a new one fails here until it is exported or said to be derived), a dismissed save dialog writes nothing,
// and a person with many activities and documents exports in time. The full size of the target (10,000
// activities, 500 documents, under 10 s) runs with RAPPORT_SAR_ACTIVITIES=10000 RAPPORT_SAR_DOCUMENTS=500.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTACT_TABLES, tablesWithContactId } from '../../electron/db/privacy.export.repo';
import { harnessPlatform } from '../../electron/harness/platform';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { pickPaths } from '../helpers/picks';

let t: TestCore | undefined;
afterEach(() => t?.destroy());

describe('privacy.export coverage', () => {
  it('knows every table with a contact_id column: exported, or derived from what is', async () => {
    t = await openTestCore();
    expect(await tablesWithContactId(t.core.store.db)).toEqual(Object.keys(CONTACT_TABLES).sort());
  });

  it('writes nothing when the save dialog is dismissed', async () => {
    const dataDir = tempDir();
    t = await openTestCore({ dataDir, platform: { ...harnessPlatform(dataDir), saveTarget: async () => null } });
    const ann = await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee' });
    const before = readdirSync(dataDir).sort();
    expect(await t.call('privacy.export', { contactId: ann.id })).toMatchObject({ path: null, cancelled: true });
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect((await t.call('privacy.log', {})).items).toEqual([]);
  });
});

describe('privacy.export at size', () => {
  const activities = Number(process.env.RAPPORT_SAR_ACTIVITIES ?? 2000);
  const documents = Number(process.env.RAPPORT_SAR_DOCUMENTS ?? 50);

  it(`exports a person with ${activities} activities and ${documents} documents in under 10 s`, async () => {
    t = await openTestCore();
    const ann = await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }] });
    // Other people whose names the notes might hold: the review looks for each of them in every note.
    const others = Array.from({ length: 500 }, (_, i) => ({ firstName: `Other${i}`, lastName: `Person${i}` }));
    for (const o of others) await t.call('contacts.create', o);
    const db = t.core.store.db;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < activities; i++) {
        const at = new Date(Date.UTC(2020, 0, 1) + i * 3600_000).toISOString();
        await trx
          .insertInto('activities')
          .values({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, contact_id: ann.id, company_id: null, job_id: null, type: 'call', direction: 'outbound', occurred_at: at, duration_seconds: 60, subject: `Call ${i}`, notes: `Talked about the kitchen, the worktop and the tiles (${i}).${i % 100 === 0 ? ' Other7 Person7 was there.' : ''}`, outcome: null, created_at: at, updated_at: at, deleted_at: null })
          .execute();
      }
    });
    const folder = join(t.dataDir, 'files');
    mkdirSync(folder);
    const paths = Array.from({ length: documents }, (_, i) => join(folder, `document-${i}.bin`));
    paths.forEach((path) => writeFileSync(path, randomBytes(20_000)));
    await pickPaths(t, paths);
    for (const path of paths) await t.call('documents.attach', { path, contactId: ann.id });

    const started = performance.now();
    const result = await t.call('privacy.export', { contactId: ann.id, leaveOut: [] });
    const ms = performance.now() - started;
    console.log(`subject access export: ${activities} activities, ${documents} documents in ${Math.round(ms)} ms`);
    expect(result.counts).toMatchObject({ activities, documents });
    expect(ms).toBeLessThan(10_000);
    const names = execFileSync('unzip', ['-Z1', result.path!], { maxBuffer: 1 << 26 }).toString().split('\n');
    expect(names.filter((n) => n.startsWith('documents/'))).toHaveLength(documents);
    // The notes naming another contact are shared records for the review.
    const review = await t.call('privacy.export', { contactId: ann.id, review: true });
    expect(review.shared).toHaveLength(Math.ceil(activities / 100));
  }, 120_000);
});
