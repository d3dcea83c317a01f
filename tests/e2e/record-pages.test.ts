// The contact, company and job pages at the window widths people use (800 to 1600 px, 768 px tall): the name is
// whole, phones and emails are whole links, no control leaves the window or covers another, and the key facts
// are on screen without scrolling. Checked with the boxes Chromium lays out, not by eye alone.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const WIDTHS = [800, 1024, 1280, 1600] as const;
const HEIGHT = 768;
const NAME = 'Amelia Hartington-Whitcombe';
const COMPANY = 'Hartington & Whitcombe Interiors Ltd';
const JOB = 'Kitchen refit and utility room extension, ground floor';
const PHONES = ['+44 7700 900123', '+44 20 7946 0958'];
const EMAILS = ['amelia.hartington-whitcombe@hwinteriors.co.uk', 'accounts@hwinteriors.co.uk'];

let contactId: string;
let companyId: string;
let jobId: string;
const app = useApp(async ({ harness }) => {
  companyId = (
    await harness.rpc('companies.create', {
      name: COMPANY,
      phone: '+44 161 496 0000',
      website: 'https://hwinteriors.co.uk',
      address: { street: '14 Mill Lane', city: 'Stockport', postcode: 'SK1 3AA', country: 'United Kingdom' },
      tags: ['trade', 'north-west'],
    })
  ).id;
  contactId = (
    await harness.rpc('contacts.create', {
      firstName: 'Amelia',
      lastName: 'Hartington-Whitcombe',
      jobTitle: 'Head of Procurement',
      companyId,
      kind: 'customer',
      tags: ['kitchen', 'referral', 'vip'],
      phones: [
        { value: PHONES[0]!, label: 'mobile' },
        { value: PHONES[1]!, label: 'work' },
      ],
      emails: [
        { value: EMAILS[0]!, label: 'work' },
        { value: EMAILS[1]!, label: 'billing' },
      ],
    })
  ).id;
  await harness.rpc('activities.create', { contactId, type: 'call', direction: 'outbound', subject: 'Talked through the worktop samples' });
  jobId = (await harness.rpc('jobs.create', { title: JOB, contactId, companyId, amountMinor: 1_845_000, currency: 'GBP', dueDate: '2027-03-01' })).id;
  const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  await harness.rpc('tasks.create', { title: 'Send the revised quote', contactId, jobId, dueAt });
});

interface Box {
  what: string;
  /** Its words are cut off (a squeezed button hides the end of its label). */
  clipped: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Every visible control in `within` (all of the page if none), with its box: buttons, links, inputs; a control inside
 * another counts once, and hidden helpers (aria-hidden, like Mantine's autosize measurer) not at all.
 */
async function controls(page: Page, within?: string): Promise<Box[]> {
  return page.evaluate((within) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"]';
    const roots = within ? [...document.querySelectorAll(within)] : [document];
    const all = roots
      .flatMap((root) => [...root.querySelectorAll<HTMLElement>(selector)])
      .filter((el) => !el.closest('[aria-hidden="true"]') && getComputedStyle(el).visibility !== 'hidden');
    return all
      .filter((el) => !all.some((other) => other !== el && other.contains(el)))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const clipped = [el, ...el.querySelectorAll<HTMLElement>('*')].some(
          (part) => part.scrollWidth > part.clientWidth + 1 && getComputedStyle(part).overflowX !== 'visible',
        );
        const what = `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`;
        return { what, clipped, x: r.x, y: r.y, width: r.width, height: r.height };
      })
      .filter((b) => b.width > 0 && b.height > 0);
  }, within);
}

function overlaps(a: Box, b: Box): boolean {
  // A pixel of shared border is not an overlap.
  return a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 && a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1;
}

/**
 * No control on the page is cut by the window's sides; in the app's bar, the record's header and its key facts, none
 * is squeezed so its words are cut off, and none covers another. (Form fields are left out of the second check: a field's clear button sits inside it by design.)
 */
async function expectTidyTop(page: Page, width: number): Promise<void> {
  const outside = (await controls(page)).filter((b) => b.x < 0 || b.x + b.width > width + 0.5).map((b) => b.what);
  expect(outside, `controls outside a ${width} px window`).toEqual([]);
  const top = await controls(page, 'header, nav, h1, [role="group"][aria-label="Actions"], section[aria-label="Key facts"]');
  expect(top.filter((b) => b.clipped).map((b) => b.what), `controls with words cut off at ${width} px`).toEqual([]);
  const clashes: string[] = [];
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) if (overlaps(top[i]!, top[j]!)) clashes.push(`${top[i]!.what} × ${top[j]!.what}`);
  }
  expect(clashes, `overlapping controls at ${width} px`).toEqual([]);
}

/** The page's title is shown whole: not cut with an ellipsis, not clipped to fewer lines. */
async function expectWholeHeading(page: Page, text: string): Promise<void> {
  const heading = page.getByRole('heading', { name: text, level: 1 });
  await heading.waitFor();
  const fit = await heading.evaluate((el) => ({ w: el.scrollWidth - el.clientWidth, h: el.scrollHeight - el.clientHeight, text: el.textContent }));
  expect(fit).toEqual({ w: 0, h: 0, text });
}

/** A whole value shown as a link to href, inside the key facts, not clipped. */
async function expectWholeLink(page: Page, value: string, href: string): Promise<void> {
  const facts = page.getByRole('region', { name: 'Key facts' });
  const link = facts.locator(`a[href="${href}"]`);
  await link.waitFor();
  const shown = await link.evaluate((el) => ({ text: el.textContent, clipped: el.scrollWidth > el.clientWidth + 0.5 }));
  expect(shown).toEqual({ text: value, clipped: false });
}

/** The key facts are within the first 768 px of the page, without scrolling, and say what they should. */
async function expectFactsOnScreen(page: Page, texts: (string | RegExp)[]): Promise<void> {
  const facts = page.getByRole('region', { name: 'Key facts' });
  for (const text of texts) await facts.getByText(text).first().waitFor();
  const box = await facts.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(HEIGHT);
}

describe('record pages fit the window', () => {
  test.each(WIDTHS)('the contact page at %i px', async (width) => {
    const { page, assertClean } = await app.open(`/contacts/${contactId}`, { viewport: { width, height: HEIGHT } });
    await expectWholeHeading(page, NAME);
    await expectFactsOnScreen(page, [COMPANY, 'Customer', 'vip', /^Last contacted$/, /^Next step$/, 'Send the revised quote', JOB]);
    for (const phone of PHONES) await expectWholeLink(page, phone, `tel:${phone.replace(/\s/g, '')}`);
    for (const email of EMAILS) await expectWholeLink(page, email, `mailto:${email}`);
    await screenshot(page, `contact-${width}`);
    await expectTidyTop(page, width);
    assertClean();
  }, 60_000);

  test.each(WIDTHS)('the company page at %i px', async (width) => {
    const { page, assertClean } = await app.open(`/companies/${companyId}`, { viewport: { width, height: HEIGHT } });
    await expectWholeHeading(page, COMPANY);
    await expectFactsOnScreen(page, ['Stockport', 'trade', JOB]);
    await expectWholeLink(page, '+44 161 496 0000', 'tel:+441614960000');
    await expectWholeLink(page, 'hwinteriors.co.uk', 'https://hwinteriors.co.uk');
    await screenshot(page, `company-${width}`);
    await expectTidyTop(page, width);
    assertClean();
  }, 60_000);

  test.each(WIDTHS)('the job page at %i px', async (width) => {
    const { page, assertClean } = await app.open(`/jobs/${jobId}`, { viewport: { width, height: HEIGHT } });
    await expectWholeHeading(page, JOB);
    await expectFactsOnScreen(page, ['Lead', '£18,450.00', NAME, COMPANY, 'Send the revised quote']);
    await expectWholeLink(page, PHONES[0]!, `tel:${PHONES[0]!.replace(/\s/g, '')}`);
    await expectWholeLink(page, EMAILS[0]!, `mailto:${EMAILS[0]!}`);
    await screenshot(page, `job-${width}`);
    await expectTidyTop(page, width);
    assertClean();
  }, 60_000);

  test('dark mode: the contact page reads the same', async () => {
    const { page, assertClean } = await app.open(`/contacts/${contactId}`, { colorScheme: 'dark', viewport: { width: 1024, height: HEIGHT } });
    await expectWholeHeading(page, NAME);
    await expectFactsOnScreen(page, [COMPANY, 'Send the revised quote']);
    await screenshot(page, 'contact-1024-dark');
    assertClean();
  }, 60_000);
});
