// Undoing a merge from the survivor's page (issue #20) in Chromium against the harness: two contacts with their own
// activities are merged from the contacts list (tick both, Merge…), a note is added to the survivor afterwards, then
// "Undo merge" on the survivor's page brings the other back with exactly their activities while the note stays.
// Also: "Merge with…" on a company's page, and more than 10 ticked contacts cannot be merged (the tooltip says why).
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const seeded = { robert: '', bob: '', acme: '', acmeLimited: '', ana: '' };
const EXTRA = 10;

const app = useApp(async ({ harness }) => {
  const robert = await harness.rpc('contacts.create', { firstName: 'Robert', lastName: 'Smith', emails: [{ value: 'robert@smith.example' }] });
  const bob = await harness.rpc('contacts.create', { firstName: 'Bob', lastName: 'Smith', emails: [{ value: 'bob.smith@mail.example' }], phones: [{ value: '+44 7700 900123' }] });
  seeded.robert = robert.id;
  seeded.bob = bob.id;
  for (const subject of ['Robert: kitchen quote', 'Robert: site visit']) await harness.rpc('activities.create', { contactId: robert.id, type: 'call', subject });
  for (const subject of ['Bob: asked about tiles', 'Bob: sent photos', 'Bob: paid deposit']) await harness.rpc('activities.create', { contactId: bob.id, type: 'call', subject });
  const acme = await harness.rpc('companies.create', { name: 'Acme Ltd' });
  const acmeLimited = await harness.rpc('companies.create', { name: 'ACME Limited', website: 'acme.example' });
  const ana = await harness.rpc('contacts.create', { firstName: 'Ana', lastName: 'Costa', companyId: acmeLimited.id });
  Object.assign(seeded, { acme: acme.id, acmeLimited: acmeLimited.id, ana: ana.id });
  for (let i = 0; i < EXTRA; i++) await harness.rpc('contacts.create', { firstName: 'Zed', lastName: `Customer ${String(i).padStart(2, '0')}` });
});

/** The subjects of a contact's activities, sorted. */
async function subjects(contactId: string): Promise<string[]> {
  const list = await app.harness.rpc('activities.list', { contactId, limit: 100 });
  return list.items.map((a: { subject: string | null }) => a.subject ?? '').sort();
}

describe('undo a merge from the survivor\'s page', () => {
  test('merge two contacts from the list, add a note, undo: both are back with their own activities and the note stays', async () => {
    const { page, assertClean } = await app.open('/contacts');
    await page.getByRole('checkbox', { name: 'Select Robert Smith', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Select Bob Smith', exact: true }).click();
    await page.getByText('2 selected', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Change selected' }).click();
    await page.getByRole('menuitem', { name: 'Merge…' }).click();

    const grid = page.getByRole('dialog', { name: /Merge 2 contacts/ });
    await grid.waitFor();
    await grid.getByRole('radio', { name: 'Keep Robert Smith' }).check();
    await screenshot(page, 'merge-undo-grid');
    await grid.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.waitForURL(new RegExp(`#/contacts/${seeded.robert}$`));
    await page.getByRole('heading', { name: 'Robert Smith' }).waitFor();
    expect(await subjects(seeded.robert)).toHaveLength(5);

    // Something added to the survivor after the merge, and a field edited since (the merge had given him Bob's phone).
    await app.harness.rpc('activities.create', { contactId: seeded.robert, type: 'note', subject: 'After the merge: wants a second quote' });
    await app.harness.rpc('contacts.update', { id: seeded.robert, phones: [{ value: '+44 7700 900123' }, { value: '+44 20 7946 0000' }] });

    const history = page.getByRole('group', { name: 'Merges' });
    await history.getByText(/^Merged from Bob Smith on \d{1,2} \w{3} \d{4}$/).waitFor();
    await screenshot(page, 'merge-undo-history');
    // Nothing went wrong on the way: no error toast (a merged-away record fetched again would say "Not found").
    expect(await page.getByRole('alert').filter({ hasText: /Not found|Something went wrong/ }).count()).toBe(0);
    await history.getByRole('button', { name: 'Undo merge' }).click();

    const confirm = page.getByRole('dialog', { name: 'Undo this merge?' });
    await confirm
      .getByText('Bob Smith comes back as a separate contact with its own details; the 3 activities that moved go back to them; what you added to Robert Smith since stays with Robert Smith.', { exact: true })
      .waitFor();
    await screenshot(page, 'merge-undo-confirm');
    await confirm.getByRole('button', { name: 'Undo merge' }).click();

    // The toast and the history line both say who is back, with a link.
    const toast = page.getByRole('alert').filter({ hasText: 'is back.' });
    await toast.getByText(/^Kept your later changes to: .+\.$/).waitFor();
    await history.getByText('is back.', { exact: false }).waitFor();
    await screenshot(page, 'merge-undo-done');
    expect(await subjects(seeded.bob)).toEqual(['Bob: asked about tiles', 'Bob: paid deposit', 'Bob: sent photos']);
    expect(await subjects(seeded.robert)).toEqual(['After the merge: wants a second quote', 'Robert: kitchen quote', 'Robert: site visit']);
    expect((await app.harness.rpc('contacts.get', { id: seeded.bob })).emails.map((e: { value: string }) => e.value)).toEqual(['bob.smith@mail.example']);
    expect((await app.harness.rpc('merges.list', { recordId: seeded.robert })).items).toEqual([]);
    // The later edit stays with Robert; Bob has his own phone again.
    expect((await app.harness.rpc('contacts.get', { id: seeded.robert })).phones).toHaveLength(2);
    expect((await app.harness.rpc('contacts.get', { id: seeded.bob })).phones).toHaveLength(1);

    // The restored contact is one click away.
    await history.getByRole('link', { name: 'Bob Smith' }).click();
    await page.getByRole('heading', { name: 'Bob Smith' }).waitFor();
    await page.getByText('Bob: paid deposit').waitFor();
    assertClean();
  }, 120_000);

  test('a company page: Merge with… picks the other company, then Undo merge gives it back its people', async () => {
    const { page, assertClean } = await app.open(`/companies/${seeded.acme}`);
    await page.getByRole('heading', { name: 'Acme Ltd' }).waitFor();
    await page.getByRole('button', { name: 'Merge with…' }).click();
    const pick = page.getByRole('dialog', { name: 'Merge Acme Ltd with…' });
    // The picker has the focus; picking the page's own company is refused in words.
    await page.keyboard.type('acme');
    await page.getByRole('option', { name: 'Acme Ltd', exact: true }).click();
    await pick.getByRole('button', { name: 'Continue' }).click();
    await pick.getByText('Choose a company other than Acme Ltd').waitFor();
    await pick.getByLabel('Company', { exact: true }).fill('ACME Lim');
    await page.getByRole('option', { name: 'ACME Limited', exact: true }).click();
    await screenshot(page, 'merge-undo-company-pick');
    await pick.getByRole('button', { name: 'Continue' }).click();

    const grid = page.getByRole('dialog', { name: 'Merge 2 companies' });
    await grid.getByRole('radio', { name: 'Keep Acme Ltd' }).check();
    await grid.getByRole('button', { name: 'Merge', exact: true }).click();
    // Already on the survivor's page: the history line says when the merge is done.
    const history = page.getByRole('group', { name: 'Merges' });
    await history.getByText(/^Merged from ACME Limited on /).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/companies/${seeded.acme}$`));
    expect((await app.harness.rpc('contacts.get', { id: seeded.ana })).companyId).toBe(seeded.acme);
    await screenshot(page, 'merge-undo-company-merged');

    await history.getByRole('button', { name: 'Undo merge' }).click();
    const confirm = page.getByRole('dialog', { name: 'Undo this merge?' });
    await confirm.getByText(/^ACME Limited comes back as a separate company with its own details; /).waitFor();
    await confirm.getByRole('button', { name: 'Undo merge' }).click();
    await history.getByText('is back.', { exact: false }).waitFor();
    await screenshot(page, 'merge-undo-company-done');
    expect((await app.harness.rpc('contacts.get', { id: seeded.ana })).companyId).toBe(seeded.acmeLimited);
    await history.getByRole('link', { name: 'ACME Limited' }).click();
    await page.getByRole('heading', { name: 'ACME Limited' }).waitFor();
    assertClean();
  }, 120_000);

  test('more than 10 ticked contacts: Merge… is disabled and says why', async () => {
    const { page, assertClean } = await app.open('/contacts');
    // However the other tests left the list, it has more than 10 contacts (the 10 extra ones, Robert and Ana).
    const total: number = (await app.harness.rpc('contacts.list', { limit: 1 })).total;
    expect(total).toBeGreaterThan(10);
    await page.getByRole('checkbox', { name: 'Select all contacts shown' }).click();
    await page.getByText(`${total} selected`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Change selected' }).click();
    const merge = page.getByRole('menuitem', { name: 'Merge…' });
    await expect.poll(() => merge.getAttribute('aria-disabled')).toBe('true');
    await merge.hover();
    await page.getByRole('tooltip').getByText('Select 2 to 10 contacts to merge').waitFor();
    await screenshot(page, 'merge-undo-too-many');
    // Forced: Playwright, like a screen reader, takes aria-disabled for disabled; a click still does nothing.
    await merge.click({ force: true });
    expect(await page.getByRole('dialog').count()).toBe(0);
    assertClean();
  }, 90_000);
});
