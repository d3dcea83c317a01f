// The erasure register (issue #21 item 4): one-way hashes only, and they keep erased people from coming back without
// the user knowing: an import row with their address or number (in any spelling) is not created and the report
// names the line; restoring them alone from an older backup is refused in words.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { pickPaths } from '../helpers/picks';

let t: TestCore;
let ann = '';

beforeEach(async () => {
  t = await openTestCore();
  ann = (await t.call('contacts.create', { firstName: 'Annelise', lastName: 'Vantongeren', emails: [{ value: 'Annelise.V@Example.org' }], phones: [{ value: '+44 7700 900 555' }] })).id;
});
afterEach(() => t.destroy());

async function importCsv(body: string) {
  const path = join(tempDir('rapport-register-src-'), 'people.csv');
  writeFileSync(path, body);
  await pickPaths(t, [path], 'import');
  // The dry run says what the run will do: erased lines are counted as refused there too, never as created.
  const check = await t.call('import.check', { path, duplicates: 'skip' });
  const report = await t.call('import.run', { path, duplicates: 'skip' });
  expect(check).toMatchObject({ created: report.created, rejectedCount: report.rejectedCount });
  return report;
}

describe('the erasure register', () => {
  it('holds hashes, never their words', async () => {
    await t.call('privacy.erase', { contactId: ann });
    const rows = JSON.stringify(t.core.store.sqlite.prepare('SELECT * FROM erasure_register r JOIN erasure_hashes h ON h.register_id = r.id').all());
    for (const word of ['annelise', 'vantongeren', '7700900555', '900 555', ann]) expect(rows.toLowerCase()).not.toContain(word);
    expect(JSON.parse(rows)).toHaveLength(4); // id, email, phone, name
  });

  it('an import does not create an erased person again, matched by address or number, and names the line', async () => {
    await t.call('privacy.erase', { contactId: ann });
    const report = await importCsv(
      'First Name,Last Name,E-mail Address,Mobile Phone\n' +
        'Annelise,V,ANNELISE.V@EXAMPLE.ORG,\n' +
        'A.,Vantongeren,,07700 900555\n' +
        'Carol,Jones,carol@example.org,\n',
    );
    expect(report).toMatchObject({ created: 1, rejectedCount: 2 });
    expect(report.rejected).toEqual([
      { line: 2, reason: 'Erased on 2026-11-22; not imported' },
      { line: 3, reason: 'Erased on 2026-11-22; not imported' },
    ]);
    expect((await t.call('contacts.list', { limit: 10 })).items.map((c) => c.displayName)).toEqual(['Carol Jones']);
  });

  it('restoring an erased person alone from an older backup is refused in words, changing nothing', async () => {
    await t.call('privacy.erase', { contactId: ann });
    const before = (await t.call('backups.list', {})).items.find((b) => b.reason === 'before-erase')!;
    const refused = await t.fail('backups.restoreRecord', { id: before.id, type: 'contact', recordId: ann });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'This person was erased on 2026-11-22, so they are not brought back from a backup. Nothing was changed.' });
    expect((await t.call('contacts.list', { limit: 10 })).items).toEqual([]);
  });
});
