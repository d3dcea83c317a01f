// What an invoice PDF prints (issue #23): pdf.ts's PrintableDocument made from the stored invoice — its stored lines
// and totals (never added up again), the business block from the sales settings, the client block from the contact
// and company, the due date, payments so far, bank details and the quote it came from. A sent invoice prints from
// the snapshots frozen when it was sent, so a later change of address or business name never alters it.
import type { Kysely } from 'kysely';
import type { Line, SalesSettings } from '../../../shared/domain/quote';
import { clientVatNumber, type InvoiceRow } from '../../db/invoices.repo';
import { parseJsonColumn } from '../../db/json';
import { totalsOf } from '../../db/sale-lines.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import type { PartyBlock, PrintableDocument } from '../quotes/pdf';
import { businessBlock, clientBlock } from '../quotes/printable';

export type ClientSnapshot = PartyBlock & { email: string | null; vatNumber: string | null };
export type BusinessSnapshot = Omit<PrintableDocument['business'], 'logo'> & { logoDocumentId: string | null; bankDetails: string };

/** The client as the invoice addresses them now (quotes/printable.ts's block) plus their VAT number, if kept. */
export async function clientSnapshot(db: Kysely<DB>, row: Pick<InvoiceRow, 'contact_id' | 'company_id'>): Promise<ClientSnapshot> {
  const { name, lines, email } = await clientBlock(db, row.contact_id, row.company_id);
  return { name, lines, email, vatNumber: await clientVatNumber(db, row.company_id, row.contact_id) };
}

/** The business block as the sales settings hold it now, plus which logo and bank details; frozen when sent. */
export function businessSnapshot(s: SalesSettings): BusinessSnapshot {
  const { businessName: name, vatNumber, companyNumber, email, phone, logoDocumentId, bankDetails } = s;
  return { name, lines: s.address.split('\n').map((l) => l.trim()).filter(Boolean), vatNumber, companyNumber, email, phone, logoDocumentId, bankDetails };
}

/**
 * The page of `row` with `number` (null prints DRAFT), issued and due on the given days: from the row's snapshots
 * once it was sent, otherwise with the client and business as they are now.
 */
export async function invoicePrintable(
  ctx: FeatureContext,
  db: Kysely<DB>,
  row: InvoiceRow,
  lines: Line[],
  settings: SalesSettings,
  at: { number: string | null; issuedOn: string | null; dueDate: string | null },
): Promise<PrintableDocument> {
  const client = row.client_snapshot ? parseJsonColumn<ClientSnapshot>(row.client_snapshot, { name: '', lines: [], email: null, vatNumber: null }) : await clientSnapshot(db, row);
  const business = row.business_snapshot ? parseJsonColumn<BusinessSnapshot>(row.business_snapshot, businessSnapshot(settings)) : businessSnapshot(settings);
  return {
    kind: 'invoice',
    number: at.number,
    title: row.title,
    issuedOn: at.issuedOn,
    dueDate: at.dueDate,
    paidMinor: row.paid_minor,
    bankDetails: business.bankDetails,
    currency: row.currency,
    locale: row.locale ?? settings.locale,
    pageSize: row.page_size,
    pricesIncludeTax: row.prices_include_tax === 1,
    // The logo is read from Documents at print time (the snapshot keeps which one): quotes/printable.ts's reader.
    business: { ...business, logo: (await businessBlock(ctx, db, { ...settings, logoDocumentId: business.logoDocumentId })).logo },
    client: { name: client.name, lines: client.vatNumber ? [...client.lines, `VAT number ${client.vatNumber}`] : client.lines },
    lines,
    totals: totalsOf(row),
    notes: row.notes,
    terms: row.terms,
    reference: row.quote_number ? `Quote ${row.quote_number}` : null,
  };
}
