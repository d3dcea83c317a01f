// Invoices on screen in Chromium against the real harness (issue #23; the backend is invoices.*): a won job gets
// "Make invoice", the draft is marked as sent, a part payment then the rest are recorded (the amount prefilled with
// the balance, a wrong amount refused in the app's words) and the invoice shows Paid; an invoice past its due date
// shows on Today and in the list's Overdue filter and header. Screenshots of the invoice and the list.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let boilerJob = '';
let gutterJob = '';
const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const app = useApp(async ({ harness }) => {
  const contactId = (await harness.rpc('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }] })).id;
  boilerJob = (await harness.rpc('jobs.create', { title: 'New boiler', contactId, amountMinor: 120_000, currency: 'GBP' })).id;
  gutterJob = (await harness.rpc('jobs.create', { title: 'Gutter repair', contactId, amountMinor: 50_000, currency: 'GBP' })).id;
});

describe('invoices', () => {
  test('make an invoice from a job, mark it sent, pay it in two parts: Paid', async () => {
    const { page, assertClean } = await app.open(`/jobs/${boilerJob}`);
    const section = page.getByRole('region', { name: 'Invoices' });
    await section.getByRole('button', { name: 'Make invoice' }).click();
    await page.getByRole('heading', { name: 'Draft invoice · New boiler' }).waitFor();
    // Draft: terms are editable; the total is the job's value plus VAT.
    expect(await page.getByRole('table', { name: 'Lines' }).textContent()).toContain('New boiler');
    expect(await page.getByRole('region', { name: 'Totals' }).textContent()).toContain('£1,440.00');
    await page.getByLabel('Notes').fill('Thank you for your business.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Send' }).click();
    const send = page.getByRole('dialog', { name: 'Send invoice' });
    await send.getByLabel('Mark as sent without emailing').check();
    await send.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByRole('heading', { name: /^Invoice INV-\d{4}-\d{4} · New boiler$/ }).waitFor();

    // A part payment: the amount starts at the balance; a wrong amount is refused in the app's words.
    const payments = page.getByRole('region', { name: 'Payments' });
    await payments.getByRole('button', { name: 'Record payment' }).click();
    let dialog = page.getByRole('dialog', { name: 'Record payment' });
    const amount = dialog.getByLabel('Amount (GBP)');
    expect(await amount.inputValue()).toBe('1440.00');
    expect(await dialog.getByLabel('Paid on').inputValue()).toBe(new Date().toLocaleDateString('en-CA'));
    await amount.fill('12.345');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => dialog.textContent()).toContain('GBP has 2 decimal places');
    await amount.fill('1,000.00');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => payments.getByLabel('Balance').textContent()).toBe('Balance £440.00');
    expect(await page.getByText('Part paid', { exact: true }).isVisible()).toBe(true);

    // The rest: prefilled with what is left; then Paid.
    await payments.getByRole('button', { name: 'Record payment' }).click();
    dialog = page.getByRole('dialog', { name: 'Record payment' });
    expect(await dialog.getByLabel('Amount (GBP)').inputValue()).toBe('440.00');
    await dialog.getByLabel('Method').click();
    await page.getByRole('option', { name: 'Card' }).click();
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => payments.getByLabel('Balance').textContent()).toBe('Balance £0.00');
    await page.getByText('Paid', { exact: true }).first().waitFor();
    expect(await payments.getByRole('button', { name: 'Record payment' }).count()).toBe(0);
    // Focus is not lost when the button that opened the dialog is gone.


    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Payments');
    expect(await payments.getByRole('table', { name: 'Payments received' }).getByRole('row').count()).toBe(3);
    await expect.poll(async () => (await app.harness.rpc('jobs.get', { id: boilerJob })).category).toBe('paid');
    await screenshot(page, 'invoice-paid');

    // Undo the card payment (confirmed): the balance is back and it is no longer paid.
    await payments.getByRole('button', { name: /^Delete payment of £440\.00/ }).click();
    await page.getByRole('dialog', { name: 'Delete this payment?' }).getByRole('button', { name: 'Delete payment' }).click();
    await expect.poll(() => payments.getByLabel('Balance').textContent()).toBe('Balance £440.00');
    assertClean();
  });

  test('an invoice past its due date shows on Today and in the Overdue filter', async () => {
    const draft = await app.harness.rpc('invoices.create', { jobId: gutterJob });
    await app.harness.rpc('invoices.update', { id: draft.id, dueDate: day(-12) });
    const sent = await app.harness.rpc('invoices.send', { id: draft.id, markSentOnly: true });
    const { page, assertClean } = await app.open('/today');
    const overdue = page.getByRole('region', { name: 'Overdue invoices' });
    await expect.poll(() => overdue.getByRole('heading').textContent()).toBe('1 overdue invoice, £600.00');
    const link = overdue.getByRole('link', { name: `Ann Lee · ${sent.number}` });
    expect(await overdue.textContent()).toContain('12 days overdue');
    // Keyboard reachable: focus the link and press Enter.
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Invoice ${sent.number} · Gutter repair` }).waitFor();
    expect(await page.getByText('Overdue', { exact: true }).first().isVisible()).toBe(true);
    await screenshot(page, 'invoice-overdue');

    await page.getByRole('link', { name: '← Invoices' }).click();
    await page.getByRole('table', { name: 'Invoices' }).waitFor();
    await expect.poll(() => page.getByText(/^Overdue: /).textContent()).toBe('Overdue: £600.00');
    // The filter's labels are what a user clicks (the radios under them are visually hidden).
    const show = (name: string) => page.locator('label').filter({ hasText: new RegExp(`^${name}$`) }).click();
    await show('Overdue');
    const table = page.getByRole('table', { name: 'Overdue invoices' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await show('All');
    await expect.poll(() => page.getByRole('table', { name: 'Invoices' }).getByRole('row').count()).toBe(3);
    await screenshot(page, 'invoices-list');
    assertClean();
  });
});
