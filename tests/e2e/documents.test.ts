// Documents in the real UI: attach two files to a contact through the (harness's) file dialog, sort them,
// preview the photo, open it, find the text file again through quick search by a word inside it, then Trash
// and restore it from the Documents page; attach a file to a call from a contact's timeline.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const QUOTE = 'Kitchen quote – Zoë.txt';
// The smallest PDF with one page of text (PDFium tolerates the missing xref table).
const PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
  '4 0 obj << /Length 44 >> stream',
  'BT /F1 24 Tf 40 70 Td (Signed contract) Tj ET',
  'endstream endobj',
  '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');

let src: string;
let contactId: string;
let tomId: string;
// Registered before useApp, so it runs after the app has stopped.
afterAll(() => {
  if (src) rmSync(src, { recursive: true, force: true });
});
const app = useApp(async ({ harness }) => {
  src = mkdtempSync(join(tmpdir(), 'rapport-e2e-docs-'));
  writeFileSync(join(src, QUOTE), 'Walnut worktops, soffit boxing and a larder unit. Total £4,200.');
  writeFileSync(join(src, 'site photo.png'), PNG);
  writeFileSync(join(src, 'Signed contract.pdf'), PDF);
  contactId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' })).id;
  tomId = (await harness.rpc('contacts.create', { firstName: 'Tom', lastName: 'Baker' })).id;
});

const answerNextPick = (paths: string[]) => writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify(paths));

describe('documents', () => {
  test('attach files to a contact, sort, preview, open, and find one again through search', async () => {
    const { page, assertClean } = await app.open(`/contacts/${contactId}`);
    const section = page.getByRole('region', { name: 'Documents' });
    await section.getByText('No documents for Maya Jones yet.', { exact: false }).waitFor();

    answerNextPick([join(src, QUOTE), join(src, 'site photo.png')]);
    await section.getByRole('button', { name: 'Attach files' }).click();
    await page.getByText('2 attached').waitFor();
    const table = section.getByRole('table', { name: 'Documents of Maya Jones' });
    await table.getByRole('button', { name: `Show ${QUOTE}` }).waitFor();

    const names = () => table.getByRole('button', { name: /^Show / }).allTextContents();
    await section.getByRole('button', { name: 'Sort by name' }).click();
    await expect.poll(names).toEqual([QUOTE, 'site photo.png']);
    await section.getByRole('button', { name: 'Sort by name' }).click();
    await expect.poll(names).toEqual(['site photo.png', QUOTE]);
    await screenshot(page, 'documents-contact');

    // Keyboard: the name is a button; Enter shows the document with its preview.
    await table.getByRole('button', { name: 'Show site photo.png' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'site photo.png' });
    await dialog.getByRole('img', { name: 'Preview of site photo.png' }).waitFor();
    await screenshot(page, 'documents-preview');
    await dialog.getByRole('button', { name: 'Open' }).click();
    const photo = (await app.harness.rpc('documents.list', { contactId, query: 'photo' })).items[0]!;
    await expect.poll(() => existsSync(join(app.harness.dataDir, 'opened', `${photo.id}.png`))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // A PDF is shown in a frame made from a blob: URL, the one kind of frame the CSP admits (a violation fails assertClean).
    answerNextPick([join(src, 'Signed contract.pdf')]);
    await section.getByRole('button', { name: 'Attach files' }).click();
    await table.getByRole('button', { name: 'Show Signed contract.pdf' }).click();
    const pdf = page.getByRole('dialog', { name: 'Signed contract.pdf' });
    await expect.poll(() => pdf.locator('iframe[title="Preview of Signed contract.pdf"]').getAttribute('src')).toMatch(/^blob:/);
    await screenshot(page, 'documents-pdf');
    await page.keyboard.press('Escape');
    await pdf.waitFor({ state: 'hidden' });

    // Found by a word inside the text file.
    await page.keyboard.press('Control+k');
    const quick = page.getByPlaceholder('Search people, companies, notes, follow-ups…');
    await quick.fill('soffit');
    await page.getByRole('button', { name: new RegExp(`${QUOTE.replace('.', '\\.')} Maya Jones`) }).waitFor();
    await screenshot(page, 'documents-search');
    await quick.press('Enter');
    const found = page.getByRole('dialog', { name: QUOTE });
    await found.getByText('Kept with').waitFor();
    await found.getByRole('link', { name: 'Maya Jones' }).waitFor();
    expect(page.url()).toMatch(/#\/documents\/[0-9a-f-]{36}$/);

    // One document, kept with a second person too (no second copy).
    await found.getByRole('button', { name: 'Also keep with a contact…' }).click();
    await found.getByLabel('Also keep with contact').fill('Tom');
    await page.getByRole('option', { name: 'Tom Baker' }).click();
    await found.getByRole('link', { name: 'Tom Baker' }).waitFor();
    await expect.poll(async () => (await app.harness.rpc('documents.list', { contactId: tomId })).items.map((d) => d.name)).toEqual([QUOTE]);
    await screenshot(page, 'documents-found');
    assertClean();
  }, 90_000);

  test('the Documents page searches by note; Trash and restore', async () => {
    const quote = (await app.harness.rpc('documents.list', { contactId, query: 'quote' })).items[0]!;
    await app.harness.rpc('documents.rename', { id: quote.id, note: 'Agreed with Maya on site' });
    const { page, assertClean } = await app.open('/documents');
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Search documents' }).fill('agreed');
    const table = page.getByRole('table', { name: 'All documents' });
    await expect.poll(() => table.getByRole('button', { name: /^Show / }).allTextContents()).toEqual([QUOTE]);
    await table.getByText('Maya Jones').waitFor();
    await screenshot(page, 'documents-page');

    await table.getByRole('button', { name: `Actions for ${QUOTE}` }).click();
    await page.getByRole('menuitem', { name: 'Move to Trash' }).click();
    await page.getByText(`“${QUOTE}” moved to Trash`).waitFor();
    await page.getByText('No documents found').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('tab', { name: 'Documents' }).click();
    const trashed = page.getByRole('list', { name: 'Deleted documents' });
    await trashed.getByRole('button', { name: `Restore ${QUOTE}` }).click();
    await page.getByText('No deleted documents').waitFor();
    expect((await app.harness.rpc('documents.get', { id: quote.id })).deletedAt).toBeNull();
    assertClean();
  }, 90_000);

  test('attach a file to a logged call from the contact\'s timeline and see it listed there', async () => {
    const anaId = (await app.harness.rpc('contacts.create', { firstName: 'Ana', lastName: 'Silva' })).id;
    const call = await app.harness.rpc('activities.create', { contactId: anaId, type: 'call', subject: 'Site visit', notes: 'Measured the hallway' });
    const { page, assertClean } = await app.open(`/contacts/${anaId}`);
    const entry = page.getByRole('listitem', { name: 'Call: Site visit, Ana Silva' });
    await entry.waitFor();

    answerNextPick([join(src, 'site photo.png')]);
    await entry.getByRole('button', { name: 'Attach files to call “Site visit”' }).click();
    await page.getByText('1 attached').waitFor();
    const files = entry.getByRole('list', { name: 'Files of call “Site visit”' });
    await files.getByRole('link', { name: 'site photo.png' }).waitFor();
    // Kept with the call, not with Ana's own documents.
    expect((await app.harness.rpc('documents.list', { activityId: call.id })).items.map((d) => d.name)).toEqual(['site photo.png']);
    await page.getByRole('region', { name: 'Documents' }).getByText('No documents for Ana Silva yet.', { exact: false }).waitFor();
    await screenshot(page, 'documents-activity');

    await files.getByRole('link', { name: 'site photo.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'site photo.png' });
    await dialog.getByRole('link', { name: /^Site visit with Ana Silva, / }).waitFor();
    await dialog.getByRole('img', { name: 'Preview of site photo.png' }).waitFor();
    await screenshot(page, 'documents-activity-details');
    assertClean();
  }, 90_000);
});
