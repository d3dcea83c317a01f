// The whole sale in Chromium against the real harness and a real SMTP server on loopback (issue #23 item 10): a quote
// built on a job's page from the catalogue, sent by email (the client's mail server receives the PDF, the very bytes
// frozen in the job's documents), accepted (the job is Won at the net value), invoiced from the quote, the invoice
// sent, paid in full (Paid), and the dashboard's revenue shows the sale once, as paid.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { smtpSettings, startSmtp, type TestSmtp } from '../helpers/smtp';
import { screenshot, useApp } from './app-fixture';

const VAT20 = '5a1e57a0-0000-4000-8000-000000000001';
let smtp: TestSmtp;
let jobId = '';
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
});
const app = useApp(async ({ harness }) => {
  await harness.rpc('email.settings.update', smtpSettings(smtp.port));
  const contactId = (await harness.rpc('contacts.create', { firstName: 'Priya', lastName: 'Shah', emails: [{ value: 'priya@client.test' }] })).id;
  jobId = (await harness.rpc('jobs.create', { title: 'Annual boiler service', contactId })).id;
  // £85.00 a visit, VAT 20 % on top.
  await harness.rpc('products.create', { name: 'Boiler service', code: 'BS-1', unit: 'visit', unitPriceE4: 85_000_000, taxRateId: VAT20, recurrence: 'yearly' });
});

test('quote from the catalogue → emailed PDF → accepted (Won) → invoice → paid (Paid) → revenue on the dashboard', async () => {
  const { page, assertClean } = await app.open(`/jobs/${jobId}`, { viewport: { width: 1280, height: 1100 } });
  const year = new Date().getFullYear();
  const month = new Date().toISOString().slice(0, 7);

  // 1. Build: a quote on the job, its one line from the catalogue.
  await page.getByRole('region', { name: 'Quotes' }).getByRole('button', { name: 'New quote' }).click();
  await page.getByRole('heading', { name: 'Draft · Annual boiler service', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: 'Add from catalogue' }).click();
  await page.getByRole('option', { name: /Boiler service/ }).click();
  const totals = page.getByRole('region', { name: 'Totals' });
  await totals.getByRole('row', { name: 'Total £102.00', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);

  // 2. Send by email: numbered, locked, and the client's server receives the PDF that is frozen in the job's documents.
  await page.getByRole('button', { name: 'Send…' }).click();
  const send = page.getByRole('dialog', { name: 'Send quote' });
  await expect.poll(() => send.getByLabel('To').inputValue()).toBe('priya@client.test');
  await send.getByRole('button', { name: 'Send quote' }).click();
  const number = `Q-${year}-0001`;
  await page.getByRole('heading', { name: `${number} · Annual boiler service`, level: 1 }).waitFor();
  await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(1);
  const mail = smtp.received[0]!.mail;
  expect(mail.subject).toContain(number);
  const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
  expect(pdf?.filename).toBe(`Quote ${number}.pdf`);
  const quoteId = page.url().split('/quotes/')[1]!;
  const quote = await app.harness.rpc('quotes.get', { id: quoteId });
  expect(createHash('sha256').update(pdf!.content).digest('hex')).toBe(quote.pdfSha256);
  const docs = await app.harness.rpc('documents.list', { jobId });
  expect(docs.items.map((d) => d.name)).toContain(`Quote ${number}.pdf`);

  // 3. Accept: the job is Won at the net value; then the invoice is made from the quote.
  await page.getByRole('button', { name: 'Accept…' }).click();
  await page.getByRole('dialog', { name: 'Accept quote' }).getByRole('button', { name: 'Accept quote' }).click();
  await page.getByText('Accepted value (net): £85.00').waitFor();
  expect(await app.harness.rpc('jobs.get', { id: jobId })).toMatchObject({ stageName: 'Won', amountMinor: 8_500 });
  await page.getByRole('button', { name: 'Make invoice' }).click();
  await page.getByRole('heading', { name: 'Draft invoice · Annual boiler service' }).waitFor();
  expect(await page.getByRole('region', { name: 'Totals' }).textContent()).toContain('£102.00');

  // 4. Send the invoice (by email too) and record the whole payment: Paid, and the job moves to Paid.
  await page.getByRole('button', { name: 'Send' }).click();
  const sendInvoice = page.getByRole('dialog', { name: 'Send invoice' });
  await sendInvoice.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('heading', { name: `Invoice INV-${year}-0001 · Annual boiler service` }).waitFor();
  await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(2);
  expect(smtp.received[1]!.mail.attachments.map((a) => a.filename)).toEqual([`Invoice INV-${year}-0001.pdf`]);
  const payments = page.getByRole('region', { name: 'Payments' });
  await payments.getByRole('button', { name: 'Record payment' }).click();
  const pay = page.getByRole('dialog', { name: 'Record payment' });
  expect(await pay.getByLabel('Amount (GBP)').inputValue()).toBe('102.00');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect.poll(() => payments.getByLabel('Balance').textContent()).toBe('Balance £0.00');
  await page.getByText('Paid', { exact: true }).first().waitFor();
  expect((await app.harness.rpc('jobs.get', { id: jobId })).stageName).toBe('Paid');
  await screenshot(page, 'sale-invoice-paid');

  // 5. The dashboard: the sale counts once, at its net value, as won and as paid this month.
  await page.goto(page.url().replace(/#.*$/, '#/reports'));
  await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
  await expect.poll(() => page.getByRole('link', { name: `Paid in ${month}: show records` }).textContent()).toBe('£85.00');
  expect(await page.getByRole('link', { name: `Won in ${month}: show records` }).textContent()).toBe('£85.00');
  await screenshot(page, 'sale-dashboard');
  assertClean();
}, 120_000);
