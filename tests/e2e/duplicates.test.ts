// Issue #20 items 2 and 3 in Chromium: Data quality -> Duplicates, a scan finds Bob Smith / Robert Smith (the same
// mobile written two ways) with its reasons and not the look-alike; "Not a duplicate" takes a group away and the
// keyboard moves to the next; Merge… picks a value from the other record and lands on the survivor, who has both
// emails and the other's call, and the toast's Undo parts them again. Then a new contact with that mobile shows
// "Looks like…", which can be waved away and never blocks saving.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let bob = '';
let robert = '';
const app = useApp(async ({ harness }) => {
  bob = (await harness.rpc('contacts.create', { firstName: 'Bob', lastName: 'Smith', emails: [{ value: 'bob@smith-plumbing.example' }], phones: [{ value: '07700 900123', label: 'mobile' }] })).id;
  robert = (
    await harness.rpc('contacts.create', {
      firstName: 'Robert',
      lastName: 'Smith',
      jobTitle: 'Plumber',
      emails: [{ value: 'robert.smith@example.org' }],
      phones: [{ value: '+44 7700 900123', label: 'mobile' }],
    })
  ).id;
  // Looks alike by name, but nothing else is shared: a different person.
  await harness.rpc('contacts.create', { firstName: 'Roberta', lastName: 'Smithson', emails: [{ value: 'roberta@smithson.example' }], phones: [{ value: '0113 496 0555' }] });
  // A second pair, so "Not a duplicate" has a next group to move the keyboard to.
  await harness.rpc('contacts.create', { firstName: 'Amelia', lastName: 'Hart', emails: [{ value: 'amelia@hart.example' }] });
  await harness.rpc('contacts.create', { firstName: 'Amelia', lastName: 'Hart', emails: [{ value: 'Amelia@Hart.example' }] });
  await harness.rpc('activities.create', { contactId: robert, type: 'call', subject: 'Boiler service booked' });
  await harness.rpc('companies.create', { name: 'Stone Joinery Ltd', website: 'stonejoinery.example' });
  await harness.rpc('companies.create', { name: 'Stone Joinery', website: 'https://www.stonejoinery.example/', phone: '0113 496 0001' });
});

describe('Duplicates view and merge grid', () => {
  test('a scan finds the pair with its reasons; Not a duplicate moves focus on; Merge picks a value and lands on the survivor', async () => {
    const { page, assertClean } = await app.open('/today');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data quality' }).click();
    await page.getByRole('link', { name: 'Find duplicates' }).click();
    await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Not scanned yet' }).waitFor();
    await screenshot(page, 'duplicates-not-scanned');

    await page.getByRole('button', { name: 'Scan for duplicates' }).click();
    await page.getByText('Scanned 5 contacts: 2 groups of likely duplicates.').waitFor();
    await page.getByText(/^Last scanned/).waitFor();
    const found = page.getByRole('region', { name: 'Likely duplicate contacts' });
    const smiths = found.getByRole('article', { name: /^(Bob Smith and Robert Smith|Robert Smith and Bob Smith), \d+ % alike$/ });
    const harts = found.getByRole('article', { name: /^Amelia Hart and Amelia Hart, \d+ % alike$/ });
    await smiths.waitFor();
    await harts.waitFor();
    await expect.poll(() => found.getByRole('article').count()).toBe(2);
    // Why: the same mobile (two ways of writing it) and names alike; the look-alike Roberta is in no group.
    await smiths.getByText(/^same mobile /).waitFor();
    await smiths.getByText(/^names alike: (Bob Smith \/ Robert Smith|Robert Smith \/ Bob Smith)$/).waitFor();
    expect(await found.getByText('Roberta Smithson').count()).toBe(0);
    await screenshot(page, 'duplicates-groups');

    // Not a duplicate: the Harts' group goes, the toast says what happened, focus moves to the next group.
    await harts.getByRole('button', { name: /not a duplicate$/ }).click();
    await page.getByText('Amelia Hart and Amelia Hart will not be suggested as the same person again.').waitFor();
    await harts.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('aria-label') ?? document.activeElement?.tagName)).toMatch(/Smith/);

    // Merge: keep Bob's record (the oldest, suggested), take Robert's first name.
    await smiths.getByRole('button', { name: /^Merge/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 contacts' });
    await dialog.getByRole('radio', { name: 'Keep Bob Smith' }).check();
    await dialog.getByRole('radio', { name: 'First name: Robert (Robert Smith)' }).check();
    // Job title: only Robert has one, so it is taken unless the user says otherwise.
    expect(await dialog.getByRole('radio', { name: 'Job title: Plumber (Robert Smith)' }).isChecked()).toBe(true);
    await dialog.getByText('(the same in all)').first().waitFor();
    await dialog.getByText('all kept').first().waitFor();
    await dialog.getByText('The most restrictive: No').waitFor();
    await dialog
      .getByText('Merge 2 contacts into Robert Smith. Their activities, follow-ups, jobs, appointments and documents move to Robert Smith. You can undo this.')
      .waitFor();
    await screenshot(page, 'duplicates-merge-grid');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();

    // The survivor (Bob's id) is Robert Smith now, with both emails and Robert's call.
    await page.getByText('Merged into Robert Smith').waitFor();
    await page.waitForURL(new RegExp(`#/contacts/${bob}$`));
    await page.getByRole('heading', { name: 'Robert Smith', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'bob@smith-plumbing.example' }).first().waitFor();
    await page.getByRole('link', { name: 'robert.smith@example.org' }).first().waitFor();
    await page.getByText('Boiler service booked').first().waitFor();
    await screenshot(page, 'duplicates-merged-survivor');
    // Nothing asked after the merged-away record (it is gone: a refetch would say "Not found").
    expect(await page.getByText('It is no longer there').count()).toBe(0);
    const survivor = await app.harness.rpc('contacts.get', { id: bob });
    expect(survivor).toMatchObject({ firstName: 'Robert', lastName: 'Smith', jobTitle: 'Plumber' });
    expect(survivor.emails.map((e) => e.value).sort()).toEqual(['bob@smith-plumbing.example', 'robert.smith@example.org']);

    // The toast's Undo (the dialog is long gone) brings Robert back and Bob's record as it was.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByText(/^Robert Smith\s*is back\.$/).waitFor();
    await page.getByRole('heading', { name: 'Bob Smith', level: 1 }).waitFor();
    expect(await app.harness.rpc('contacts.get', { id: robert })).toMatchObject({ firstName: 'Robert', deletedAt: null });
    expect(await app.harness.rpc('contacts.get', { id: bob })).toMatchObject({ firstName: 'Bob', jobTitle: null });
    assertClean();
  }, 120_000);

  test('a new contact with that mobile shows "Looks like…", which can be waved away and never blocks saving', async () => {
    // One holder of the mobile again (a number three records share reads as a switchboard, not as one person).
    await app.harness.rpc('contacts.merge', { ids: [bob, robert], keep: bob, fields: { firstName: robert } });
    const { page, assertClean } = await app.open('/contacts/new');
    await page.getByLabel('First name').fill('Bobby');
    await page.getByRole('textbox', { name: 'Phone 1', exact: true }).fill('07700 900123');
    const notice = page.getByRole('status', { name: 'Possible duplicate' });
    await notice.getByText(/^Looks like Robert Smith \(.*same mobile/).waitFor();
    await screenshot(page, 'duplicates-looks-like');
    expect(await notice.getByRole('link', { name: 'Robert Smith', exact: true }).getAttribute('href')).toContain(`/contacts/${bob}`);

    // "Not the same person" waves it away for this form; saving was never blocked.
    await notice.getByRole('button', { name: 'Not the same as Robert Smith' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Bobby', level: 1 }).waitFor();
    assertClean();
  }, 60_000);

  test('companies: the switch scans companies, and Merge… opens the grid for them', async () => {
    const { page, assertClean } = await app.open('/quality/duplicates');
    await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
    // The switch's own label (the sidebar has a "Companies" link too).
    await page.locator('label').filter({ hasText: /^Companies$/ }).click();
    await page.getByRole('heading', { name: 'Not scanned yet' }).waitFor();
    await page.getByText(/Scan to find companies entered twice/).waitFor();
    await page.getByRole('button', { name: 'Scan for duplicates' }).click();
    const group = page.getByRole('region', { name: 'Likely duplicate companies' }).getByRole('article', { name: /^(Stone Joinery Ltd and Stone Joinery|Stone Joinery and Stone Joinery Ltd), \d+ % alike$/ });
    await group.waitFor();
    await group.getByRole('button', { name: /^Merge/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 companies' });
    await dialog.getByRole('radio', { name: 'Name: Stone Joinery (Stone Joinery)' }).waitFor();
    await dialog.getByText(/^Merge 2 companies into Stone Joinery( Ltd)?\. Their people, jobs, activities, follow-ups and documents move to/).waitFor();
    await screenshot(page, 'duplicates-merge-companies');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assertClean();
  }, 60_000);
});
