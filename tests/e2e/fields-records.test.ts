// Custom fields on record forms and pages (issue #19), through the real UI: define "Gate code" and "Boiler installed"
// in Settings (by keyboard where a user would), fill them on a new contact, see them on its page, edit one, keep a
// draft of one, keep an archived field's value through a save, and a required field blocking a save on its input.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp();

const settings = (page: Page) => page.getByRole('region', { name: 'Custom fields', exact: true });
const details = (page: Page) => page.getByRole('region', { name: 'Details', exact: true });
const toast = (page: Page, text: string) => page.getByText(text, { exact: true }).first().waitFor();
const contactNamed = async (name: string) => (await app.harness.rpc('contacts.list', { query: name, limit: 10 })).items;

async function addField(page: Page, label: string, type?: string) {
  await settings(page).getByRole('button', { name: 'New field' }).click();
  const dialog = page.getByRole('dialog', { name: 'New field' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(label);
  if (type) {
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: type, exact: true }).click();
  }
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await toast(page, `Added the field "${label}".`);
  await dialog.waitFor({ state: 'detached' });
}

describe('custom fields on contacts', () => {
  test('defined in Settings, filled on a new contact, shown and edited on its page; a required one blocks saving', async () => {
    const { page, assertClean } = await app.open('/settings/fields', { viewport: { width: 1280, height: 900 } });
    const region = settings(page);
    await region.getByText('No contact fields yet. Press New field to add one', { exact: false }).waitFor();

    // By keyboard: the record types are one radio group (arrows switch), then Tab reaches New field.
    await region.getByRole('radio', { name: 'Contacts' }).focus();
    await page.keyboard.press('ArrowRight');
    await region.getByText('No company fields yet.', { exact: false }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await region.getByText('No contact fields yet.', { exact: false }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('New field');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New field' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Name' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Gate code');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await toast(page, 'Added the field "Gate code".');
    await dialog.waitFor({ state: 'detached' });
    await addField(page, 'Boiler installed', 'Date');
    await region.getByRole('list', { name: 'Contacts fields' }).getByText('Boiler installed').waitFor();
    await screenshot(page, 'fields-settings');

    // A new contact: both fields on the form, filled in, then shown on the page in the user's date format.
    await page.goto(`${app.harness.url}#/contacts/new`);
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Jones');
    await page.getByRole('textbox', { name: 'Gate code' }).fill('4921#');
    await page.getByLabel('Boiler installed').fill('2019-05-14');
    await screenshot(page, 'fields-contact-new');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Maya Jones', level: 1 }).waitFor();
    const id = /#\/contacts\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    const installed = await page.evaluate(() => new Date('2019-05-14T00:00:00').toLocaleDateString(undefined, { dateStyle: 'medium' }));
    await details(page).getByText('4921#', { exact: true }).waitFor();
    await details(page).getByText(installed, { exact: true }).waitFor();
    expect((await app.harness.rpc('contacts.get', { id })).custom).toEqual({ gateCode: '4921#', boilerInstalled: '2019-05-14' });
    await screenshot(page, 'fields-contact-page');

    // Edit one: only it changes.
    const gate = page.getByRole('textbox', { name: 'Gate code' });
    await gate.fill('1234');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // "Saved" says the save has finished (its draft cleared); typing before that would race it.
    await toast(page, 'Saved');
    await details(page).getByText('1234', { exact: true }).waitFor();
    expect((await app.harness.rpc('contacts.get', { id })).custom).toEqual({ gateCode: '1234', boilerInstalled: '2019-05-14' });

    // A draft keeps typing in a custom field across a reload; discarding it brings back the saved value.
    await gate.fill('7777');
    await expect.poll(() => page.evaluate((key) => window.localStorage.getItem(key), `rapport.contactDraft.${id}`)).toContain('"gateCode":"7777"');
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Draft restored' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Gate code' }).inputValue()).toBe('7777');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Gate code' }).inputValue()).toBe('1234');

    // Leaving with a changed custom value asks first.
    await page.getByRole('textbox', { name: 'Gate code' }).fill('5555');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies', exact: true }).click();
    const question = page.getByRole('dialog', { name: 'Save, discard or keep editing?' });
    await question.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { name: 'Companies', level: 1 }).waitFor();

    // An archived field is hidden from the form and the page, and a save keeps its value.
    const boiler = (await app.harness.rpc('fields.list', { recordType: 'contact' })).items.find((f) => f.key === 'boilerInstalled');
    await app.harness.rpc('fields.archive', { id: boiler!.id, archived: true });
    await page.goto(`${app.harness.url}#/contacts/${id}`);
    await page.getByRole('textbox', { name: 'Gate code' }).waitFor();
    await expect.poll(() => page.getByLabel('Boiler installed').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Gate code' }).fill('2468');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await details(page).getByText('2468', { exact: true }).waitFor();
    expect((await app.harness.rpc('contacts.get', { id })).custom).toEqual({ gateCode: '2468', boilerInstalled: '2019-05-14' });
    await expect.poll(() => details(page).getByText(installed).count()).toBe(0);

    // Required: the form refuses to create without it, with the message on the input; filled, it saves.
    await page.goto(`${app.harness.url}#/settings/fields`);
    await settings(page).getByRole('listitem').filter({ hasText: 'Gate code' }).getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit "Gate code"' });
    await edit.getByRole('checkbox', { name: 'Must be filled in' }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Saved "Gate code".');
    await page.goto(`${app.harness.url}#/contacts/new`);
    await page.getByLabel('First name').fill('Tom');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByText('Gate code: fill this in').waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Gate code' }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'fields-contact-required');
    expect(await contactNamed('Tom')).toEqual([]);
    await page.getByRole('textbox', { name: 'Gate code' }).fill('0000');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Tom', level: 1 }).waitFor();
    expect((await contactNamed('Tom')).map((c) => c.custom)).toEqual([{ gateCode: '0000' }]);
    assertClean();
  }, 120_000);

  test('company and job forms: a link to a contact, a web address and a default, shown on their pages', async () => {
    // Whatever contact fields the first test left required (run alone, none) get a value.
    const required = (await app.harness.rpc('fields.list', { recordType: 'contact' })).items.filter((f) => f.required);
    const lena = await app.harness.rpc('contacts.create', { firstName: 'Lena', lastName: 'Fischer', custom: Object.fromEntries(required.map((f) => [f.key, 'L1'])) });
    await app.harness.rpc('fields.create', { recordType: 'company', label: 'Main contact', type: 'contactLink' });
    await app.harness.rpc('fields.create', { recordType: 'company', label: 'Booking page', type: 'url' });
    await app.harness.rpc('fields.create', { recordType: 'job', label: 'Access', type: 'text', defaultValue: 'Key under the mat' });
    await app.harness.rpc('fields.create', { recordType: 'job', label: 'Archived note', type: 'text', defaultValue: 'never sent' }).then((f) =>
      app.harness.rpc('fields.archive', { id: f.id, archived: true }),
    );

    const { page, assertClean } = await app.open('/companies/new');
    await page.getByLabel('Company name').fill('Hartley Kitchens');
    await page.getByRole('textbox', { name: 'Booking page' }).fill('hartley.example/book');
    await page.getByRole('combobox', { name: 'Main contact' }).fill('Lena');
    await page.getByRole('option', { name: 'Lena Fischer' }).click();
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByRole('heading', { name: 'Hartley Kitchens', level: 1 }).waitFor();
    const link = details(page).getByRole('link', { name: 'Lena Fischer' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toContain(`/contacts/${lena.id}`);
    expect(await details(page).getByRole('link', { name: 'hartley.example/book' }).getAttribute('href')).toBe('https://hartley.example/book');
    await screenshot(page, 'fields-company-page');
    // The form shows the linked contact by name, not by id.
    await expect.poll(() => page.getByRole('combobox', { name: 'Main contact' }).inputValue()).toBe('Lena Fischer');

    // A new job starts with the field's default; the archived field is neither shown nor sent.
    await page.getByRole('region', { name: 'Jobs' }).getByRole('button', { name: 'New job' }).click();
    const dialog = page.getByRole('dialog', { name: 'New job' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Access' }).inputValue()).toBe('Key under the mat');
    expect(await dialog.getByLabel('Archived note').count()).toBe(0);
    await dialog.getByLabel('Title').fill('Boiler service');
    await dialog.getByRole('button', { name: 'Create job' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [job] = (await app.harness.rpc('jobs.list', { query: 'Boiler service' })).items;
    expect(job?.custom).toEqual({ access: 'Key under the mat' });
    await page.goto(`${app.harness.url}#/jobs/${job!.id}`);
    await details(page).getByText('Key under the mat', { exact: true }).waitFor();
    assertClean();
  }, 90_000);
});
