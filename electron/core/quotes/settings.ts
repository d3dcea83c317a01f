// The business on quote and invoice PDFs and the sales rules (issue #23): one JSON setting, 'sales', read by
// quotes, invoices and the PDF. The currency follows the jobs' default until the user sets one here. Checked here:
// numbering patterns (numbering.ts) and the tax rate named as default.
import type { Kysely } from 'kysely';
import { checkNumberPattern, DEFAULT_INVOICE_PATTERN, DEFAULT_QUOTE_PATTERN } from '../../../shared/domain/numbering';
import type { SalesSettings } from '../../../shared/domain/quote';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { parseJsonColumn } from '../../db/json';
import type { DB } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings.repo';

const KEY = 'sales';

export const DEFAULT_SALES_SETTINGS: Omit<SalesSettings, 'currency'> = {
  businessName: '',
  address: '',
  email: '',
  phone: '',
  vatNumber: '',
  companyNumber: '',
  logoDocumentId: null,
  // Line by line is what most small-business invoicing tools do, and what HMRC accepts; the PDF states the rule.
  rounding: 'line',
  pricesIncludeTax: false,
  locale: 'en-GB',
  pageSize: 'A4',
  // The UK standard rate (migration 0024's fixed id): most users are UK sole traders (USERS.md).
  defaultTaxRateId: '5a1e57a0-0000-4000-8000-000000000001',
  quoteValidityDays: 30,
  expiryReminderDays: 3,
  paymentTermsDays: 30,
  quoteTerms: '',
  invoiceTerms: '',
  bankDetails: '',
  quotePattern: DEFAULT_QUOTE_PATTERN,
  quoteResetYearly: true,
  invoicePattern: DEFAULT_INVOICE_PATTERN,
  invoiceResetYearly: true,
};

export async function loadSalesSettings(db: Kysely<DB>): Promise<SalesSettings> {
  const stored = parseJsonColumn<Partial<SalesSettings>>(await getSetting(db, KEY), {});
  const currency = stored.currency ?? (await getSetting(db, 'defaultCurrency')) ?? 'GBP';
  return { ...DEFAULT_SALES_SETTINGS, ...stored, currency };
}

/** Saves a change; a bad pattern or a missing tax rate is a VALIDATION naming its field. Call inside a transaction. */
export async function saveSalesSettings(db: Kysely<DB>, patch: ChannelParsedInput<'quotes.settings.update'>): Promise<SalesSettings> {
  const next = { ...(await loadSalesSettings(db)), ...patch };
  for (const [field, reset, pattern] of [
    ['quotePattern', next.quoteResetYearly, next.quotePattern],
    ['invoicePattern', next.invoiceResetYearly, next.invoicePattern],
  ] as const) {
    const issue = checkNumberPattern(pattern, reset)[0];
    if (issue) throw AppError.validation(field, issue.message);
  }
  if (next.defaultTaxRateId) {
    const rate = await db.selectFrom('tax_rates').select('id').where('id', '=', next.defaultTaxRateId).executeTakeFirst();
    if (!rate) throw AppError.validation('defaultTaxRateId', 'That tax rate no longer exists');
  }
  if (next.logoDocumentId) {
    const doc = await db.selectFrom('documents').select(['id', 'name']).where('id', '=', next.logoDocumentId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!doc) throw AppError.validation('logoDocumentId', 'That logo is no longer in Documents');
    if (!/\.(png|jpe?g)$/i.test(doc.name)) throw AppError.validation('logoDocumentId', 'The logo must be a PNG or JPEG picture');
  }
  await setSetting(db, KEY, JSON.stringify(next));
  return next;
}
