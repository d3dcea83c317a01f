// Quotes in Chromium against the real harness (issue #23): a quote made from a job's page, a catalogue line and a
// free line typed in, the live totals (exact text), saved; sent with "Mark as sent" (no SMTP needed: numbering,
// freezing and locking are the same), numbered Q-YYYY-0001 and locked; accepted with one optional line chosen, which
// moves the job to Won at the accepted net value. Screenshots of the builder at 1280 px and of the sent quote.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

const VAT20 = '5a1e57a0-0000-4000-8000-000000000001';
let jobId: string;
const app = useApp(async ({ harness }) => {
  const contactId = (await harness.rpc('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }] })).id;
  jobId = (await harness.rpc('jobs.create', { title: 'Kitchen refit', contactId })).id;
  // £300.00 a metre, VAT 20 % on top.
  await harness.rpc('products.create', { name: 'Oak worktop', unit: 'm', unitPriceE4: 300_000_000, taxRateId: VAT20, priceIncludesTax: false });
});

test('a quote from a job: lines, live totals, mark as sent, numbered and locked, accepted with an optional line', async () => {
  const { page, assertClean } = await app.open(`/jobs/${jobId}`, { viewport: { width: 1280, height: 1100 } });
  const year = new Date().getFullYear();

  // 1. New quote on the job's page opens a draft titled after the job.
  await page.getByRole('region', { name: 'Quotes' }).getByRole('button', { name: 'New quote' }).click();
  await page.getByRole('heading', { name: 'Draft · Kitchen refit', level: 1 }).waitFor();

  // 2. A catalogue line (2.5 m of worktop) and a free line, which takes the focus when added.
  await page.getByRole('combobox', { name: 'Add from catalogue' }).click();
  await page.getByRole('option', { name: /Oak worktop/ }).click();
  const line1 = page.getByRole('group', { name: 'Line 1' });
  await expect.poll(() => line1.getByLabel('Unit price').inputValue()).toBe('300.00');
  await line1.getByLabel('Quantity').fill('2.5');
  await page.getByRole('button', { name: 'Add line' }).click();
  const line2 = page.getByRole('group', { name: 'Line 2' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^line-.+-text$/);
  await page.keyboard.type('Fitting labour');
  expect(await line2.getByLabel('Description').inputValue()).toBe('Fitting labour');
  // What cannot be read is said on the line itself, in the app's words, and the line is left out of the totals.
  await line2.getByLabel('Unit price').fill('45.75');
  await line2.getByLabel('Quantity').fill('6..');
  await line2.getByText('Enter a quantity such as 1 or 2.5 (up to 3 decimal places)').waitFor();
  await page.getByRole('region', { name: 'Totals' }).getByText('One line is left out until fixed.').waitFor();
  await line2.getByLabel('Quantity').fill('6');
  await line2.getByLabel('Unit', { exact: true }).fill('hour');
  await page.getByRole('button', { name: 'Add line' }).click();
  const line3 = page.getByRole('group', { name: 'Line 3' });
  await line3.getByLabel('Description').fill('Extra socket');
  await line3.getByLabel('Unit price').fill('40');
  await line3.getByLabel('Optional (the client may choose it)').check();

  // 3. Live totals: 750.00 + 274.50 net (the optional socket is not counted until chosen), VAT 20 %.
  const totals = page.getByRole('region', { name: 'Totals' });
  await totals.getByRole('row', { name: 'Net £1,024.50', exact: true }).waitFor();
  await totals.getByRole('row', { name: 'VAT 20% on £1,024.50 £204.90', exact: true }).waitFor();
  await totals.getByRole('row', { name: 'VAT total £204.90', exact: true }).waitFor();
  await totals.getByRole('row', { name: 'Total £1,229.40', exact: true }).waitFor();
  expect(await line1.getByLabel('Amount of line 1').textContent()).toBe('£750.00');
  await screenshot(page, 'quote-builder');

  // 4. Leaving with unsaved lines asks first; then Save: main prices it with the same function.
  await page.getByRole('link', { name: '← Quotes' }).click();
  const ask = page.getByRole('dialog', { name: 'Save, discard or keep editing?' });
  await ask.getByText('Your changes to this quote are not saved.').waitFor();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await ask.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: 'Draft · Kitchen refit', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
  const quoteId = page.url().split('/quotes/')[1]!;
  const saved = await app.harness.rpc('quotes.get', { id: quoteId });
  expect(saved.lines.map((l) => l.description)).toEqual(['Oak worktop', 'Fitting labour', 'Extra socket']);
  expect(saved.totals).toMatchObject({ netTotalMinor: 102_450, taxTotalMinor: 20_490, grandTotalMinor: 122_940 });

  // 5. Send, marked as sent without emailing: numbered and locked.
  const sendButton = page.getByRole('button', { name: 'Send…' });
  // A dialog gives the focus back to the button that opened it.
  await sendButton.click();
  const send = page.getByRole('dialog', { name: 'Send quote' });
  await send.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => sendButton.evaluate((el) => el === document.activeElement)).toBe(true);
  await sendButton.click();
  await expect.poll(() => send.getByLabel('To').inputValue()).toBe('ann@client.test');
  await send.getByLabel(/Mark as sent without emailing/).check();
  await send.getByRole('button', { name: 'Mark as sent' }).click();
  await page.getByRole('heading', { name: `Q-${year}-0001 · Kitchen refit`, level: 1 }).waitFor();
  await page.getByText(/^Sent on .* — locked$/).waitFor();
  await page.getByText('Make a revision to change it.', { exact: false }).waitFor();
  await expect.poll(() => page.getByRole('textbox', { name: 'Description' }).count()).toBe(0);
  await page.getByRole('table', { name: 'Lines' }).getByText('Fitting labour').waitFor();
  await screenshot(page, 'quote-sent');

  // 6. Accept, the client having chosen the optional socket: the job is Won at the accepted net value.
  await page.getByRole('button', { name: 'Accept…' }).click();
  const accept = page.getByRole('dialog', { name: 'Accept quote' });
  await accept.getByLabel('Extra socket (£40.00)').check();
  expect(await accept.getByLabel('Start work').isChecked()).toBe(true);
  expect(await accept.getByLabel('Send invoice').isChecked()).toBe(true);
  await accept.getByRole('button', { name: 'Accept quote' }).click();
  await page.getByText(/^Accepted on /).waitFor();
  await page.getByText('Accepted value (net): £1,064.50').waitFor();
  await page.getByText('is now at stage', { exact: false }).getByText('Won').waitFor();
  await page.getByRole('button', { name: 'Make invoice' }).waitFor();
  const job = await app.harness.rpc('jobs.get', { id: jobId });
  expect(job.amountMinor).toBe(106_450);
  expect(job.stageName).toBe('Won');
  await screenshot(page, 'quote-accepted');
  assertClean();
}, 90_000);

test('the list filters by status and searches; settings show the next number and refuse a bad pattern beside it', async () => {
  const { page, assertClean } = await app.open('/quotes');
  const year = new Date().getFullYear();
  const row = page.getByRole('table', { name: 'Quotes' }).getByRole('row').filter({ hasText: `Q-${year}-0001` });
  await row.getByText('Accepted').waitFor();
  await row.getByText('£1,277.40').waitFor();
  await row.getByText('Ann Lee').waitFor();
  await page.getByRole('radiogroup', { name: 'Show' }).getByText('Draft', { exact: true }).click();
  await page.getByText('No quotes match.').waitFor();
  await page.getByRole('radiogroup', { name: 'Show' }).getByText('All', { exact: true }).click();
  await page.getByLabel('Search quotes').fill('kitchen');
  await row.waitFor();
  await screenshot(page, 'quotes-list');

  await page.getByRole('link', { name: 'Quote & invoice settings' }).click();
  await page.getByRole('heading', { name: 'Quote & invoice settings', level: 1 }).waitFor();
  const quoteNumbers = page.getByLabel('Quote numbers');
  await expect.poll(() => quoteNumbers.inputValue()).toBe('Q-{YYYY}-{NNNN}');
  // The next number the series will give (one quote was sent above), shown for the pattern as it is typed.
  await page.getByText(`Q-${year}-0002`, { exact: true }).waitFor();
  await quoteNumbers.fill('Q-{X}-{NNN}');
  await page.getByText('{X} is not a part Rapport knows', { exact: false }).waitFor();
  await quoteNumbers.fill('Q{YY}-{NNN}');
  await page.getByText(`Q${String(year % 100).padStart(2, '0')}-002`, { exact: true }).waitFor();
  await page.getByLabel('Business name').fill('Sam Trader Joinery');
  await page.getByRole('button', { name: 'Save settings' }).first().click();
  await expect.poll(async () => (await app.harness.rpc('quotes.settings.get', {})).quotePattern).toBe('Q{YY}-{NNN}');
  expect((await app.harness.rpc('quotes.settings.get', {})).businessName).toBe('Sam Trader Joinery');
  // The logo: chosen in the open dialog (the harness answers it from a file), saved at once, named on the page.
  const logo = join(app.harness.dataDir, 'Joinery logo.png');
  writeFileSync(logo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
  writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([logo]));
  await page.getByRole('button', { name: 'Choose logo…' }).click();
  await page.getByText('Logo: Joinery logo.png').waitFor();
  expect((await app.harness.rpc('quotes.settings.get', {})).logoDocumentId).not.toBeNull();
  await screenshot(page, 'quote-settings');
  assertClean();
}, 60_000);

test('a sent quote is revised as R2, which replaces it when sent, and is declined with a reason', async () => {
  const contactId = (await app.harness.rpc('contacts.create', { firstName: 'Bo', lastName: 'Ng' })).id;
  const first = await app.harness.rpc('quotes.create', {
    title: 'Garden wall',
    contactId,
    lines: [{ kind: 'item', description: 'Brickwork', quantityMilli: 1000, unitPriceE4: 5_000_000_000, taxes: [{ taxRateId: VAT20, rateMilli: 20_000, label: 'VAT 20%' }] }],
  });
  const { number } = await app.harness.rpc('quotes.send', { id: first.id, markSentOnly: true });
  const { page, assertClean } = await app.open(`/quotes/${first.id}`);
  await page.getByRole('heading', { name: `${number} · Garden wall`, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Make revision (R2)' }).click();
  await page.getByRole('heading', { name: 'Draft · Garden wall', level: 1 }).waitFor();
  await page.getByText('Revision 2: sending it replaces the earlier version', { exact: false }).waitFor();
  await page.getByRole('group', { name: 'Line 1' }).getByLabel('Unit price').fill('4500');
  await page.getByRole('region', { name: 'Totals' }).getByRole('row', { name: 'Total £5,400.00', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Send…' }).click();
  const send = page.getByRole('dialog', { name: 'Send quote' });
  await send.getByLabel(/Mark as sent without emailing/).check();
  await send.getByRole('button', { name: 'Mark as sent' }).click();
  await page.getByRole('heading', { name: `${number}-R2 · Garden wall`, level: 1 }).waitFor();
  expect((await app.harness.rpc('quotes.get', { id: first.id })).status).toBe('superseded');

  await page.getByRole('button', { name: 'Decline…' }).click();
  const decline = page.getByRole('dialog', { name: 'Decline quote' });
  await decline.getByLabel('Reason').fill('Went with a cheaper builder');
  await decline.getByRole('button', { name: 'Decline quote' }).click();
  await page.getByText(/^Declined on /).waitFor();
  await page.getByText('Went with a cheaper builder').waitFor();
  // The button that opened the dialog is gone once the quote is answered: the focus is not left on nothing.
  expect(await page.evaluate(() => document.activeElement !== null)).toBe(true);
  assertClean();
}, 60_000);
