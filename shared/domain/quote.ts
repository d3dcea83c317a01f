// Quotes (issue #23): lines from the catalogue or free text, headings, optional lines, discounts, tax per line;
// numbered when sent (numbering.ts), then locked, revised as R2, R3…; accepted into a won job or declined into a
// lost one. Totals come only from quote-totals.ts. Invoices (invoice.ts) reuse the line and totals shapes.
// Imports zod and shared/ only.
import { z } from 'zod';
import { Cursor, Id, Limit, optionalText, searchQuery, text } from './fields';
import { Currency, DueDate } from './job';
import { PriceE4, RateMilli } from './product';

const Milli = (what: string) => z.number({ message: `Enter ${what}` }).int({ message: `${what[0]!.toUpperCase()}${what.slice(1)} has at most 3 decimal places` });

export const DiscountInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), milliPct: Milli('a percentage').min(0, { message: 'A discount is between 0% and 100%' }).max(100_000, { message: 'A discount is between 0% and 100%' }) }),
  z.strictObject({ kind: z.literal('amount'), minor: z.number({ message: 'Enter an amount' }).int({ message: 'Enter a whole amount of minor units' }).min(0, { message: 'A discount cannot be negative' }) }),
]);
export type DiscountInput = z.infer<typeof DiscountInput>;

/** A tax on a line as copied from a tax rate (id, percentage and name at the time), so a later rate change never alters it. */
export const LineTaxInput = z.strictObject({ taxRateId: Id, rateMilli: RateMilli, label: text().trim().max(60).optional() });

export const LineInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('heading'), text: text().trim().min(1, { message: 'Give the heading its text' }).max(200, { message: 'Must be at most 200 characters' }) }),
  z.strictObject({
    kind: z.literal('item'),
    /** The catalogue item it came from (its price and tax are copied into the fields below), or none for free text. */
    productId: Id.nullable().optional(),
    description: text().trim().min(1, { message: 'Describe the line' }).max(5_000, { message: 'Must be at most 5,000 characters' }),
    unit: text().trim().max(30).nullable().optional(),
    quantityMilli: Milli('a quantity').min(1, { message: 'The quantity must be more than 0' }).max(1_000_000_000, { message: 'The quantity is too large (at most 1,000,000)' }),
    unitPriceE4: PriceE4,
    discount: DiscountInput.nullable().optional(),
    taxes: z.array(LineTaxInput).min(1, { message: 'Choose a tax rate (Zero or Exempt when no tax applies)' }).max(3, { message: 'A line has at most 3 taxes' }),
    optional: z.boolean().default(false),
    /** For an optional line: whether the client chose it (set when accepting). */
    chosen: z.boolean().default(false),
  }),
]);
export type LineInput = z.infer<typeof LineInput>;

export const Rounding = z.enum(['line', 'document']);
export const PageSize = z.enum(['A4', 'Letter']);

const QuoteShape = {
  title: text().trim().min(1, { message: 'Give the quote a title' }).max(200, { message: 'Must be at most 200 characters' }),
  /** The job it prices (accepting moves it to Won); a quote on a contact alone gets a job when accepted. */
  jobId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  companyId: Id.nullable().optional(),
  currency: Currency.optional(),
  pricesIncludeTax: z.boolean().optional(),
  discount: DiscountInput.nullable().optional(),
  lines: z.array(LineInput).max(1000, { message: 'A quote has at most 1,000 lines' }).optional(),
  notes: optionalText(20_000),
  terms: optionalText(20_000),
  validUntil: DueDate.nullable().optional(),
  /** The client's locale for numbers and dates on the PDF (en-GB, de-DE…); the business's when omitted. */
  locale: text().trim().max(20).nullable().optional(),
  pageSize: PageSize.optional(),
};
export const QuoteCreate = z.strictObject(QuoteShape);
/** Only a draft can be updated; a sent quote is changed by quotes.revise. */
export const QuoteUpdate = z.strictObject({ id: Id, ...QuoteShape }).partial().required({ id: true });

export const QuoteStatus = z.enum(['draft', 'sent', 'accepted', 'declined', 'superseded']);
export type QuoteStatus = z.infer<typeof QuoteStatus>;
export const AcceptMethod = z.enum(['email', 'call', 'signed', 'inPerson']);
export type AcceptMethod = z.infer<typeof AcceptMethod>;

/** A stored line with what quote-totals.ts worked out for it (net, tax and gross as stored, counted or not). */
export const Line = z.object({
  id: z.string(),
  kind: z.enum(['heading', 'item']),
  text: z.string().nullable(),
  productId: z.string().nullable(),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  quantityMilli: z.number().int().nullable(),
  unitPriceE4: z.number().int().nullable(),
  discount: DiscountInput.nullable(),
  taxes: z.array(z.object({ taxRateId: z.string(), rateMilli: z.number().int(), label: z.string().optional() })),
  optional: z.boolean(),
  chosen: z.boolean(),
  counted: z.boolean(),
  amountMinor: z.number().int().nullable(),
  netMinor: z.number().int().nullable(),
  taxMinor: z.number().int().nullable(),
  grossMinor: z.number().int().nullable(),
});
export type Line = z.infer<typeof Line>;

export const StoredTotals = z.object({
  linesTotalMinor: z.number().int(),
  discountTotalMinor: z.number().int(),
  netTotalMinor: z.number().int(),
  taxTotalMinor: z.number().int(),
  grandTotalMinor: z.number().int(),
  taxSummary: z.array(z.object({ key: z.string(), label: z.string(), rateMilli: z.number().int(), netMinor: z.number().int(), taxMinor: z.number().int() })),
  roundingNote: z.string(),
});
export type StoredTotals = z.infer<typeof StoredTotals>;

/** What a quote and an invoice both carry: who it is for, the priced lines and stored totals, the frozen PDF. */
export const SaleDocumentFields = {
  title: z.string(),
  jobId: z.string().nullable(),
  jobTitle: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  currency: z.string(),
  pricesIncludeTax: z.boolean(),
  rounding: Rounding,
  discount: DiscountInput.nullable(),
  lines: z.array(Line),
  totals: StoredTotals,
  notes: z.string().nullable(),
  terms: z.string().nullable(),
  locale: z.string().nullable(),
  pageSize: PageSize,
  issuedOn: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** The frozen PDF in the job's documents, and its SHA-256: a re-send attaches these very bytes. */
  pdfDocumentId: z.string().nullable(),
  pdfSha256: z.string().nullable(),
};

export const Quote = z.object({
  id: z.string(),
  /** Q-2026-0007 (revision 1) or Q-2026-0007-R2; null while a first draft has never been sent. */
  number: z.string().nullable(),
  revision: z.number().int(),
  /** The first revision's id: all revisions of one quote share it. */
  rootId: z.string(),
  status: QuoteStatus,
  /** Derived: sent, not answered, and its validity date has passed. */
  expired: z.boolean(),
  ...SaleDocumentFields,
  validUntil: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptMethod: AcceptMethod.nullable(),
  /** The filed email (activity) or document that shows the client accepted. */
  evidenceActivityId: z.string().nullable(),
  evidenceDocumentId: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** The invoice made from it (converting twice is refused). */
  invoiceId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Quote = z.infer<typeof Quote>;

export const QuoteSummary = Quote.pick({
  id: true, number: true, revision: true, rootId: true, status: true, expired: true, title: true, jobId: true, contactId: true,
  contactName: true, companyName: true, currency: true, validUntil: true, sentAt: true, createdAt: true, updatedAt: true,
}).extend({ grandTotalMinor: z.number().int(), netTotalMinor: z.number().int() });
export type QuoteSummary = z.infer<typeof QuoteSummary>;

export const QuoteListInput = z.strictObject({
  status: z.enum(['draft', 'sent', 'accepted', 'declined', 'superseded', 'expired', 'open']).optional(),
  jobId: Id.optional(),
  contactId: Id.optional(),
  companyId: Id.optional(),
  query: searchQuery(200).optional(),
  /** Every revision, or (default) only the latest of each quote. */
  allRevisions: z.boolean().default(false),
  limit: Limit,
  cursor: Cursor,
});
export const QuoteList = z.object({ items: z.array(QuoteSummary), total: z.number().int(), nextCursor: z.string().nullable() });

export const QuoteSend = z.strictObject({
  id: Id,
  /** The email; merge fields {{quote.number}}, {{quote.total}}, {{quote.validUntil}}, {{quote.title}} and the usual ones. */
  subject: text().trim().max(500).optional(),
  body: text().max(100_000).optional(),
  templateId: Id.optional(),
  /** Send to this address instead of the contact's first one. */
  to: z.email({ message: 'Enter a valid email address' }).optional(),
  /** Number, freeze and lock without emailing (handed over on paper, sent from another program). */
  markSentOnly: z.boolean().default(false),
});
export const SendResult = z.object({ outboxId: z.string().nullable(), number: z.string(), pdfDocumentId: z.string(), pdfSha256: z.string() });

export const QuoteAccept = z.strictObject({
  id: Id,
  method: AcceptMethod,
  /** When the client said yes; now when omitted. */
  at: z.iso.datetime({ offset: true, message: 'Use a date and time' }).optional(),
  /** The optional lines the client chose (line ids); the others stay listed, uncounted. */
  chosenLineIds: z.array(Id).max(1000).default([]),
  evidenceActivityId: Id.nullable().optional(),
  evidenceDocumentId: Id.nullable().optional(),
  /** Accepting after the validity date needs this, after the app asked. */
  acceptExpired: z.boolean().default(false),
  /** Make the "Start work" and "Send invoice" follow-ups (the dialog ticks both). */
  followUps: z.array(z.enum(['startWork', 'sendInvoice'])).default([]),
});
export const QuoteDecline = z.strictObject({ id: Id, reason: optionalText(500), at: z.iso.datetime({ offset: true }).optional() });
export const QuotePdf = z.strictObject({
  id: Id,
  /** Save a copy where the user chooses (a save dialog); otherwise open the frozen or a preview PDF. */
  saveAs: z.boolean().default(false),
});
export const PdfResult = z.object({ path: z.string().nullable(), sha256: z.string().nullable(), frozen: z.boolean(), pages: z.number().int().nullable() });

/** The last number given in each series (null before the first send). */
const LastNumber = z.object({ year: z.number().int(), seq: z.number().int() }).nullable();
export const NumberSeries = z.object({ quote: LastNumber, invoice: LastNumber });

/** The business on the PDFs and the sales rules (one setting each, printed in small type where it matters). */
export const SalesSettings = z.object({
  businessName: z.string(),
  address: z.string(),
  email: z.string(),
  phone: z.string(),
  vatNumber: z.string(),
  companyNumber: z.string(),
  /** A document id of a PNG or JPEG the user picked; embedded in the PDF. */
  logoDocumentId: z.string().nullable(),
  rounding: Rounding,
  pricesIncludeTax: z.boolean(),
  locale: z.string(),
  pageSize: PageSize,
  currency: z.string(),
  defaultTaxRateId: z.string().nullable(),
  quoteValidityDays: z.number().int(),
  /** Days before the validity date that the "quote expires soon" follow-up is due. */
  expiryReminderDays: z.number().int(),
  paymentTermsDays: z.number().int(),
  quoteTerms: z.string(),
  invoiceTerms: z.string(),
  bankDetails: z.string(),
  quotePattern: z.string(),
  quoteResetYearly: z.boolean(),
  invoicePattern: z.string(),
  invoiceResetYearly: z.boolean(),
});
export type SalesSettings = z.infer<typeof SalesSettings>;
export const SalesSettingsUpdate = z.strictObject({
  businessName: text().trim().max(200).optional(),
  address: text().max(1000).optional(),
  email: text().trim().max(320).optional(),
  phone: text().trim().max(60).optional(),
  vatNumber: text().trim().max(40).optional(),
  companyNumber: text().trim().max(40).optional(),
  logoDocumentId: Id.nullable().optional(),
  rounding: Rounding.optional(),
  pricesIncludeTax: z.boolean().optional(),
  locale: text().trim().max(20).optional(),
  pageSize: PageSize.optional(),
  currency: Currency.optional(),
  defaultTaxRateId: Id.nullable().optional(),
  quoteValidityDays: z.number().int().min(1, { message: 'At least 1 day' }).max(365, { message: 'At most 365 days' }).optional(),
  expiryReminderDays: z.number().int().min(0).max(60, { message: 'At most 60 days' }).optional(),
  paymentTermsDays: z.number().int().min(0).max(365, { message: 'At most 365 days' }).optional(),
  quoteTerms: text().max(20_000).optional(),
  invoiceTerms: text().max(20_000).optional(),
  bankDetails: text().max(2_000).optional(),
  quotePattern: text().max(40).optional(),
  quoteResetYearly: z.boolean().optional(),
  invoicePattern: text().max(40).optional(),
  invoiceResetYearly: z.boolean().optional(),
});
