// Retention (issue #21) in Chromium against the harness: the default rule puts prospects not contacted for 36 months
// on the review list (nobody is removed by it); Keep needs a reason, Anonymise takes their details away, Erase… goes
// through the same dry run and typed confirmation; each row leaving hands focus to the next, the last to the empty
// state, which says what it means. The rules editor says in its own words what is wrong, beside the field.
import { subYears } from 'date-fns';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const ids: Record<string, string> = {};
const app = useApp(async ({ harness }) => {
  const longAgo = subYears(new Date(), 4).toISOString();
  for (const [first, last] of [['Pat', 'Oldfield'], ['Quinn', 'Oldham'], ['Rae', 'Oldman']] as const) {
    const c = await harness.rpc('contacts.create', { firstName: first, lastName: last, kind: 'prospect', emails: [{ value: `${first.toLowerCase()}@example.com` }] });
    ids[first] = c.id;
    await harness.rpc('activities.create', { contactId: c.id, type: 'call', subject: 'First call', occurredAt: longAgo });
  }
  // Contacted last week: within the rule.
  const sam = await harness.rpc('contacts.create', { firstName: 'Sam', lastName: 'Recent', kind: 'prospect' });
  await harness.rpc('activities.create', { contactId: sam.id, type: 'call', subject: 'Catch-up', occurredAt: new Date(Date.now() - 7 * 86_400_000).toISOString() });
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
  });

describe('retention review', () => {
  test('keep with a reason, anonymise, erase; the list empties and says what that means', async () => {
    const { page, assertClean } = await app.open('/privacy');
    const review = page.getByRole('table', { name: 'Past the retention rules' });
    await page.getByText('3 people are past your retention rules').waitFor();
    const row = (name: string) => review.getByRole('row').filter({ hasText: name });
    await row('Pat Oldfield').getByText(/^Prospect, not contacted since .+ \(rule: 36 months\)$/).waitFor();
    expect(await review.getByText('Sam Recent').count()).toBe(0);
    await screenshot(page, 'retention-review');

    // Keep: the reason is required, in the app's words.
    await row('Pat Oldfield').getByRole('button', { name: 'Keep Pat Oldfield…' }).click();
    const keep = page.getByRole('dialog', { name: 'Keep Pat Oldfield' });
    await keep.getByRole('button', { name: 'Keep' }).click();
    await keep.getByText('Say why they are kept', { exact: true }).waitFor();
    await keep.getByRole('textbox', { name: 'Why they are kept' }).fill('Warranty on the porch runs until 2029');
    await keep.getByRole('button', { name: 'Keep' }).click();
    await page.getByText(/^Kept Pat Oldfield until /).waitFor();
    await row('Pat Oldfield').waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('Quinn Oldham');
    expect((await app.harness.rpc('contacts.get', { id: ids.Pat! })).displayName).toBe('Pat Oldfield');

    // Anonymise: the record stays, without their name.
    await row('Quinn Oldham').getByRole('button', { name: 'Anonymise Quinn Oldham…' }).click();
    const anon = page.getByRole('dialog', { name: 'Anonymise Quinn Oldham?' });
    await anon.getByRole('button', { name: 'Anonymise' }).click();
    await page.getByText('Anonymised Quinn Oldham', { exact: true }).waitFor();
    await row('Quinn Oldham').waitFor({ state: 'detached' });
    const quinn = await app.harness.rpc('contacts.get', { id: ids.Quinn! });
    expect(quinn.displayName).toMatch(/^Anonymised contact /);
    expect(JSON.stringify(quinn)).not.toContain('quinn@example.com');
    await expect.poll(() => focused(page)).toBe('Rae Oldman');

    // Erase…: the same dry run and confirmation as on the contact page.
    await row('Rae Oldman').getByRole('button', { name: 'Erase Rae Oldman…' }).click();
    const erase = page.getByRole('dialog', { name: 'Erase Rae Oldman' });
    await erase.getByRole('table', { name: 'What goes' }).waitFor();
    await erase.getByRole('button', { name: 'Continue…' }).click();
    await erase.getByRole('textbox', { name: 'Type “Rae Oldman” to confirm' }).fill('Rae Oldman');
    await erase.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByText('Rae Oldman was erased', { exact: true }).waitFor();
    const empty = page.getByRole('heading', { name: 'Nobody is past your retention rules' });
    await empty.waitFor();
    await expect.poll(() => focused(page)).not.toBe('<body>');
    await expect(app.harness.rpc('contacts.get', { id: ids.Rae! })).rejects.toThrow(/NOT_FOUND/);
    await screenshot(page, 'retention-empty');
    assertClean();
  }, 150_000);

  test('the rules editor: a second rule for the same people is refused beside the field; months are checked', async () => {
    const { page, assertClean } = await app.open('/privacy');
    const rules = page.getByRole('form', { name: 'Retention rules' });
    await rules.getByRole('combobox', { name: 'Rule 1: applies to' }).waitFor();
    const count = await rules.getByRole('row').count();
    await rules.getByRole('button', { name: 'Add rule' }).click();
    const n = count; // header row + rules: the new rule's number
    await rules.getByRole('textbox', { name: 'Rule 1: months' }).fill('');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByText('Enter 1 to 240 months', { exact: true }).waitFor();
    await rules.getByRole('textbox', { name: 'Rule 1: months' }).fill('24');
    // The new rule is "Prospects, last contact" like rule 1: main refuses it, and says so beside it.
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByText('There is already a rule for these people counted from that date', { exact: true }).waitFor();
    await screenshot(page, 'retention-rules-error');
    await rules.getByRole('button', { name: `Remove rule ${n}` }).click();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Retention rules saved', { exact: true }).waitFor();
    const saved = await app.harness.rpc('retention.rules.get', {});
    expect(saved.rules.find((r) => r.appliesTo === 'prospect')?.months).toBe(24);
    assertClean();
  }, 120_000);
});
