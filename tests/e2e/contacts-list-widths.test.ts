// The contacts list at the widths people use: the columns that give way on a narrow window (tags from 1100 px down,
// email and phone from 800 px) are gone, not drawn over the others, and every cell shown stays inside its row.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp(async ({ harness }) => {
  const company = await harness.rpc('companies.create', { name: 'Hartington & Whitcombe Interiors Ltd' });
  await harness.rpc('contacts.create', {
    firstName: 'Amelia',
    lastName: 'Hartington-Whitcombe',
    companyId: company.id,
    emails: [{ value: 'amelia.hartington-whitcombe@hwinteriors.co.uk' }],
    phones: [{ value: '+44 7700 900123' }],
    tags: ['kitchen', 'referral', 'vip'],
  });
});

describe('the contacts list at each width', () => {
  for (const [width, shown] of [
    [1280, { tags: true, email: true }],
    [1024, { tags: false, email: true }],
    [800, { tags: false, email: false }],
  ] as const) {
    test(`${width} px: tags ${shown.tags ? 'shown' : 'hidden'}, email ${shown.email ? 'shown' : 'hidden'}, nothing outside its row`, async () => {
      const { page, assertClean } = await app.open('/contacts', { viewport: { width, height: 700 } });
      const row = page.getByRole('link', { name: 'Amelia Hartington-Whitcombe, Hartington & Whitcombe Interiors Ltd' });
      await row.waitFor();
      expect(await row.getByText('kitchen', { exact: true }).isVisible()).toBe(shown.tags);
      expect(await row.getByText('+1', { exact: true }).isVisible()).toBe(shown.tags);
      expect(await row.getByText('amelia.hartington-whitcombe@hwinteriors.co.uk').isVisible()).toBe(shown.email);
      // Every visible cell lies within the row's box (a hidden column drawn anyway would spill past its right edge).
      const spill = await row.evaluate((link) => {
        const box = link.getBoundingClientRect();
        return [...link.children]
          .map((cell) => cell.getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)).length;
      });
      expect(spill).toBe(0);
      await screenshot(page, `contacts-list-${width}`);
      await assertClean();
    });
  }
});
