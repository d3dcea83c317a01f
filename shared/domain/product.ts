// The catalogue (issue #23): products and services with their prices, and tax rates as data. A quote line copies
// what it uses (price, unit, tax rate and its percentage), so later catalogue changes never alter a sent quote.
// Prices are integers of 1/10,000 of a minor unit (quote-money.ts PRICE_SCALE); rates thousandths of a percent.
// Imports zod and shared/ only.
import { z } from 'zod';
import { Cursor, Id, Limit, optionalText, searchQuery, text } from './fields';
import { DueDate } from './job';
import { isCurrencyCode } from './money';
import { TaxKind } from './tax-rates';

/** How often a client usually buys this again: drives "due for a repeat" in sales suggestions (a yearly boiler service). */
export const Recurrence = z.enum(['none', 'weekly', 'monthly', 'quarterly', 'yearly']);
export type Recurrence = z.infer<typeof Recurrence>;

const MAX_PRICE_E4 = 1_000_000_000_000_000;
/** A price in 1/10,000 of a minor unit: £12.345 = 123_450 * 100 = 12_345_000 (pence × 10,000). */
export const PriceE4 = z
  .number({ message: 'Enter a price' })
  .int({ message: 'A price has at most 4 decimal places beyond the currency’s own' })
  .min(-MAX_PRICE_E4, { message: 'The price is too large' })
  .max(MAX_PRICE_E4, { message: 'The price is too large' });
/** A rate in thousandths of a percent: 20 % = 20_000, 9.975 % = 9_975. */
export const RateMilli = z
  .number({ message: 'Enter a rate' })
  .int({ message: 'A rate has at most 3 decimal places' })
  .min(0, { message: 'A rate cannot be negative' })
  .max(100_000, { message: 'A rate is at most 100%' });

export const TaxRate = z.object({
  id: z.string(),
  name: z.string(),
  rateMilli: z.number().int(),
  kind: z.enum(TaxKind),
  /** ISO 3166-1 alpha-2 (with a subdivision: CA-QC), or 'EU'; null when the user gave none. */
  country: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** Whether quotes offer it (a rate past validTo or hidden by the user is kept for the quotes that used it). */
  active: z.boolean(),
  /** How many quote and invoice lines used it: a used rate can be ended or hidden, not deleted. */
  usedBy: z.number().int(),
});
export type TaxRate = z.infer<typeof TaxRate>;
const TaxRateFieldsShape = {
  name: text().trim().min(1, { message: 'Name the tax rate' }).max(60, { message: 'Must be at most 60 characters' }),
  rateMilli: RateMilli,
  kind: z.enum(TaxKind, { message: 'Choose standard, reduced, zero, exempt, reverse charge or outside the scope' }),
  country: text().trim().max(10).nullable().optional(),
  validFrom: DueDate.nullable().optional(),
  validTo: DueDate.nullable().optional(),
  active: z.boolean().optional(),
};
export const TaxRateFields = z.strictObject(TaxRateFieldsShape);
export const TaxRateUpdate = z.strictObject({ id: Id, ...TaxRateFieldsShape }).partial().required({ id: true });
export const TaxRateListInput = z.strictObject({ includeInactive: z.boolean().default(false) });
export const TaxRateList = z.object({ items: z.array(TaxRate) });

export const Product = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  description: z.string().nullable(),
  /** hour, day, item, m², visit… free text the PDF prints after the quantity. */
  unit: z.string().nullable(),
  unitPriceE4: z.number().int(),
  currency: z.string(),
  /** The entered price already includes tax (a shop price); a quote converts it with the line's tax. */
  priceIncludesTax: z.boolean(),
  taxRateId: z.string().nullable(),
  /** What it costs the business, same scale as the price; null when not known. Margin = price − cost. */
  costE4: z.number().int().nullable(),
  category: z.string().nullable(),
  recurrence: Recurrence,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof Product>;
const ProductShape = {
  name: text().trim().min(1, { message: 'Name the product or service' }).max(200, { message: 'Must be at most 200 characters' }),
  code: text().trim().max(60, { message: 'Must be at most 60 characters' }).nullable().optional(),
  description: optionalText(5_000),
  unit: text().trim().max(30, { message: 'Must be at most 30 characters' }).nullable().optional(),
  unitPriceE4: PriceE4,
  currency: text()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, { message: 'Use a three-letter ISO 4217 currency code, like GBP or EUR' })
    .optional(),
  priceIncludesTax: z.boolean().optional(),
  taxRateId: Id.nullable().optional(),
  costE4: PriceE4.nullable().optional(),
  category: text().trim().max(60, { message: 'Must be at most 60 characters' }).nullable().optional(),
  recurrence: Recurrence.optional(),
  active: z.boolean().optional(),
};
export const ProductFields = z.strictObject(ProductShape);
export const ProductUpdate = z.strictObject({ id: Id, ...ProductShape }).partial().required({ id: true });
export const ProductListInput = z.strictObject({
  query: searchQuery(200).optional(),
  category: text().max(60).optional(),
  includeInactive: z.boolean().default(false),
  limit: Limit,
  cursor: Cursor,
});
export const ProductList = z.object({ items: z.array(Product), total: z.number().int(), nextCursor: z.string().nullable(), categories: z.array(z.string()) });

/** products.importCsv: a picked CSV (headers as products.exportCsv writes them); rows matched by code, else added. */
export const ProductImport = z.strictObject({ path: text().min(1).max(4096), dryRun: z.boolean().default(false) });
export const ProductImportReport = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  /** Rows refused, each with its line number and what was wrong, in the app's words. */
  refused: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export const ExportResult = z.object({ path: z.string().nullable(), rows: z.number().int() });
