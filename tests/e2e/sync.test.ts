// Sync as the user sees it (issue #24), in Chromium against the real harness and a real Radicale on loopback: the
// empty Sync page says what sync does; connecting a server with the keyboard only (a wrong password is refused in the
// app's words beside the password, the right one finds the server's address books and calendars, Rapport makes new
// ones); Sync now sends the contact (the card says "sent N" and Radicale holds it); the same field changed on the
// server (by a plain DAV client) and here becomes a conflict card, resolved field by field on the conflicts page, and
// the server's copy then has the value chosen. Screenshots of the Sync page and the conflict card.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDavTransport, type DavTransport } from '../../electron/core/sync/dav-transport';
import { DAV_PASSWORD, DAV_USER, type DavServer, startDavServer } from '../helpers/dav-servers';
import { screenshot, useApp } from './app-fixture';

let radicale: DavServer;
let dav: DavTransport;
let contactId: string;
beforeAll(async () => {
  radicale = await startDavServer('radicale');
  dav = createDavTransport({ serverUrl: radicale.url, credentials: radicale.credentials, timeoutMs: 10_000 });
}, 20_000);
afterAll(async () => {
  await radicale?.stop();
});
// The contact exists before any account: the sync loop has nothing to do until Sync now.
const app = useApp(async ({ harness }) => {
  contactId = (await harness.rpc('contacts.create', { firstName: 'Ann', lastName: 'Archer', jobTitle: 'Plumber', emails: [{ value: 'ann@archer.test' }] })).id;
});

/** The server's copy of the one card whose text contains `needle`, read as a plain DAV client would. */
async function serverCard(needle: string): Promise<{ href: string; etag: string | null; data: string }> {
  const found = await dav.discover();
  for (const book of found.addressBooks) {
    const refs = await dav.list(book.href);
    const { items } = await dav.multiget(book.href, refs.map((r) => r.href), 'addressbook');
    const item = items.find((i) => i.data.includes(needle));
    if (item) return item;
  }
  throw new Error(`no card with ${needle} on the server`);
}

/** Presses Tab until the focused element is `target` (at most `max` times): the control is reachable by keyboard. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 12): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${String(target)} was not reached with Tab`);
}

/** Changes the job title here (as the user would on the contact's page). */
async function retitleHere(title: string): Promise<void> {
  const contact = await app.harness.rpc('contacts.get', { id: contactId });
  await app.harness.rpc('contacts.update', { id: contactId, firstName: contact.firstName, lastName: contact.lastName, emails: contact.emails, jobTitle: title });
}

/** Sync now on the account's card, then its "1 conflict to resolve" link; answers the conflict card for Ann. */
async function syncIntoConflict(page: Page) {
  const account = page.getByRole('region', { name: '127.0.0.1' });
  await account.getByRole('button', { name: 'Sync now' }).click();
  // The run (or the automatic one a few seconds after the edit) finds the clash and leaves a card for it.
  await account.getByRole('link', { name: '1 conflict to resolve' }).click({ timeout: 20_000 });
  await page.getByRole('heading', { name: 'Sync conflicts', level: 1 }).waitFor();
  return page.getByRole('region', { name: 'Contact “Ann Archer”' });
}

const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

describe('sync', () => {
  test('connect a server with the keyboard, choose collections, Sync now sends the contact', async () => {
    const { page, assertClean } = await app.open('/sync');
    await page.getByRole('heading', { name: 'Sync with your own server', level: 2 }).waitFor();
    const connect = page.getByRole('button', { name: 'Connect a server' });
    await connect.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Connect a server' });
    const address = dialog.getByRole('textbox', { name: 'Server address' });
    await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(radicale.url);
    await tabTo(page, dialog.getByRole('textbox', { name: 'User name' }));
    await page.keyboard.type(DAV_USER);
    const password = dialog.getByLabel('Password or app password');
    await tabTo(page, password);
    // The note says where the password goes.
    await dialog.getByText("Kept in your computer's secret store").waitFor();
    await page.keyboard.type('wrong password');
    await page.keyboard.press('Enter');

    // Refused: the app's words beside the password, not the library's; the field says it is invalid.
    const refused = dialog.getByText(/The user name or password was refused by the server/);
    await refused.waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    expect(await refused.getAttribute('id')).toSatisfy((id: string | null) => id !== null && describedBy.split(' ').includes(id));
    expect(await dialog.textContent()).not.toMatch(/401|Unauthorized|fetch|tsdav/i);

    // The right password: Radicale has nothing yet, so Rapport offers to make an address book and a calendar.
    await password.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(DAV_PASSWORD);
    await page.keyboard.press('Enter');
    const book = dialog.getByRole('combobox', { name: 'Address book for contacts' });
    await expect.poll(() => book.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    expect(await book.inputValue()).toBe('__create__');
    expect(await dialog.getByRole('textbox', { name: 'Name of the new address book' }).inputValue()).toBe('Rapport contacts');
    expect(await dialog.getByRole('combobox', { name: 'Calendar for appointments' }).inputValue()).toBe('__create__');
    expect(await dialog.getByRole('combobox', { name: 'Calendar for follow-ups' }).inputValue()).toBe('__create__');
    await tabTo(page, dialog.getByRole('button', { name: 'Add account' }));
    await page.keyboard.press('Enter');

    // The account's card takes the focus; nothing synced yet.
    const card = page.getByRole('region', { name: '127.0.0.1' });
    await card.waitFor({ timeout: 10_000 });
    await expect.poll(() => focusedLabel(page)).toBe('127.0.0.1');
    await card.getByText('Not synced yet').waitFor();
    await card.getByText('Contacts: Rapport contacts. Appointments and follow-ups: Rapport.').waitFor();
    // The harness keeps passwords in a plain test file, and the card says so.
    await card.getByText('Your password is not stored securely on this computer').waitFor();

    await card.getByRole('button', { name: 'Sync now' }).click();
    const done = card.getByText(/^Synced: sent (\d+), received \d+, deleted \d+\.$/);
    await done.waitFor({ timeout: 20_000 });
    expect(Number(/sent (\d+)/.exec((await done.textContent())!)![1])).toBeGreaterThanOrEqual(1);
    await card.getByText(/^Last synced less than a minute ago$/).waitFor();
    await card.getByText('Nothing waiting to be sent').waitFor();
    // A plain DAV client sees the contact on the server.
    expect((await serverCard('Archer')).data).toContain('ann@archer.test');
    await screenshot(page, 'sync-page');
    assertClean();
  }, 60_000);

  test('the same field changed on both sides is resolved on the conflicts page, and the server gets the choice', async () => {
    // On the server (a phone, say): the job title changes.
    const before = await serverCard('Archer');
    const edited = before.data.replace(/^TITLE:Plumber$/m, 'TITLE:Master plumber');
    expect(edited).not.toBe(before.data);
    expect((await dav.put(before.href, edited, { ifMatch: before.etag! })).kind).toBe('stored');
    // Here: the same field, differently.
    await retitleHere('Heating engineer');
    const { page, assertClean } = await app.open('/sync');
    const conflict = await syncIntoConflict(page);
    await conflict.getByText('Changed here and on the server').waitFor();
    const resolve = conflict.getByRole('button', { name: 'Resolve' });
    expect(await resolve.isDisabled()).toBe(true);
    const field = conflict.getByRole('radiogroup').first();
    await field.getByRole('radio', { name: 'Keep the server’s: Master plumber' }).waitFor();
    await screenshot(page, 'sync-conflict');
    await field.getByRole('radio', { name: 'Keep this computer’s: Heating engineer' }).check();
    expect(await resolve.isDisabled()).toBe(false);
    await resolve.click();

    // No card left: the empty state says so and holds the focus.
    const empty = page.getByRole('heading', { name: 'No conflicts: both sides agree.', level: 2 });
    await empty.waitFor();
    await expect.poll(() => empty.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await app.harness.rpc('contacts.get', { id: contactId })).jobTitle).toBe('Heating engineer');
    await expect.poll(async () => /^TITLE:(.*)$/m.exec((await serverCard('Archer')).data)?.[1], { timeout: 10_000 }).toBe('Heating engineer');
    assertClean();
  }, 60_000);

  test('deleted on the server but changed here asks, and Keep sends it back to the server', async () => {
    const card0 = await serverCard('Archer');
    expect((await dav.remove(card0.href, card0.etag!)).kind).toBe('removed');
    await retitleHere('Boiler engineer');
    const { page, assertClean } = await app.open('/sync');
    const conflict = await syncIntoConflict(page);
    await conflict.getByText('Deleted on the server, changed here').waitFor();
    // Each choice says what it does on both sides.
    const keep = conflict.getByRole('button', { name: 'Keep the contact' });
    expect(await keep.getAttribute('aria-describedby')).toBeTruthy();
    await conflict.getByText('Sends it back to the server with your changes, so your phone has it again.').waitFor();
    await conflict.getByText('It goes to the Trash here (you can restore it from there) and stays deleted on the server.').waitFor();
    await keep.click();
    await page.getByRole('heading', { name: 'No conflicts: both sides agree.', level: 2 }).waitFor();
    await expect.poll(async () => /^TITLE:(.*)$/m.exec((await serverCard('Archer').catch(() => ({ data: '' }))).data)?.[1], { timeout: 10_000 }).toBe('Boiler engineer');
    expect((await app.harness.rpc('contacts.get', { id: contactId })).deletedAt).toBeNull();
    assertClean();
  }, 60_000);

  test('pause, rename and remove an account: removing deletes nothing here or on the server', async () => {
    const { page, assertClean } = await app.open('/sync');
    page.setDefaultTimeout(10_000);
    let card = page.getByRole('region', { name: '127.0.0.1' });
    await card.getByRole('button', { name: 'Pause' }).click();
    await card.getByText('Paused: changes wait here and on the server until you resume.').waitFor();
    // Sync now stays focusable but does nothing while paused.
    expect(await card.getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBe('true');
    expect((await app.harness.rpc('sync.accounts.list', {})).accounts[0]!.enabled).toBe(false);
    await card.getByRole('button', { name: 'Resume' }).click();
    await card.getByRole('button', { name: 'Pause' }).waitFor();

    await card.getByRole('button', { name: 'Edit…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit 127.0.0.1' });
    await edit.getByRole('textbox', { name: 'Name' }).fill('Radicale at home');
    await edit.getByRole('button', { name: 'Save' }).click();
    card = page.getByRole('region', { name: 'Radicale at home' });
    await card.waitFor();

    await card.getByRole('button', { name: 'Remove…' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove Radicale at home?' });
    await remove.getByText('Nothing is deleted: your contacts, appointments and follow-ups stay in Rapport, and the server keeps its address book and calendars.').waitFor();
    await remove.getByRole('button', { name: 'Remove the link' }).click();
    await page.getByRole('heading', { name: 'Sync with your own server', level: 2 }).waitFor();
    expect((await app.harness.rpc('contacts.get', { id: contactId })).deletedAt).toBeNull();
    expect((await serverCard('Archer')).data).toContain('TITLE:Boiler engineer');
    assertClean();
  }, 60_000);
});
