// What a quote's PDF prints (issue #23): the PrintableDocument of pdf.ts built from the stored quote (its stored
// lines and totals, never recomputed), the business block from the sales settings (logo from the user's picked
// document, read from the documents store) and the client block from the contact or company. The same blocks are
// saved as the quote's snapshots when it is sent, so the record keeps what was printed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Quote, SalesSettings } from '../../../shared/domain/quote';
import { findCompany } from '../../db/companies.repo';
import { findContact } from '../../db/contacts.repo';
import { findDocument } from '../../db/documents.repo';
import type { DB } from '../../db/schema';
import { createBlobStore } from '../documents/blob-store';
import type { FeatureContext } from '../modules';
import type { PartyBlock, PrintableDocument } from './pdf';

type AddressParts = { street?: string; city?: string; region?: string; postcode?: string; country?: string };

/** An address as printed lines: street (its own lines), then town, region and postcode, then country. */
export function addressLines(a: AddressParts | null | undefined): string[] {
  if (!a) return [];
  const town = [a.city, a.region, a.postcode].filter((p) => p && p.trim()).join(', ');
  return [...(a.street ?? '').split('\n'), town, a.country ?? ''].map((l) => l.trim()).filter(Boolean);
}

export type ClientBlock = PartyBlock & { company: string | null; email: string | null };
export type BusinessBlock = PrintableDocument['business'];

/** The client as printed: the contact (with their company) or, for a quote on a company alone, the company. */
export async function clientBlock(db: Kysely<DB>, contactId: string | null, companyId: string | null): Promise<ClientBlock> {
  const contact = contactId ? await findContact(db, contactId) : undefined;
  const company = companyId ? await findCompany(db, companyId) : undefined;
  if (contact) {
    const companyName = company?.name ?? contact.companyName ?? null;
    const lines = [...(companyName && companyName !== contact.displayName ? [companyName] : []), ...addressLines(contact.addresses[0] ?? company?.address)];
    return { name: contact.displayName, lines, company: companyName, email: contact.emails[0]?.value ?? null };
  }
  if (company) return { name: company.name, lines: addressLines(company.address), company: company.name, email: null };
  return { name: '', lines: [], company: null, email: null };
}

const LOGO_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** The business as printed; the logo is embedded as base64 (a logo gone from the store prints no logo, not an error). */
export async function businessBlock(ctx: FeatureContext, db: Kysely<DB>, s: SalesSettings): Promise<BusinessBlock> {
  let logo: BusinessBlock['logo'] = null;
  if (s.logoDocumentId) {
    const doc = await findDocument(db, s.logoDocumentId);
    const mime = LOGO_TYPES[doc?.name.split('.').pop()?.toLowerCase() ?? ''];
    if (doc?.sha256 && mime && !doc.deletedAt) {
      try {
        const bytes = await readFile(createBlobStore(join(ctx.dataDir, 'documents')).pathOf(doc.sha256));
        logo = { mime, base64: bytes.toString('base64') };
      } catch {
        logo = null;
      }
    }
  }
  return { ...businessText(s), logo };
}

/** The business block's words from the settings (invoices' snapshot shares it). */
export function businessText(s: SalesSettings): Omit<BusinessBlock, 'logo'> {
  return {
    name: s.businessName,
    lines: s.address.split('\n').map((l) => l.trim()).filter(Boolean),
    vatNumber: s.vatNumber,
    companyNumber: s.companyNumber,
    email: s.email,
    phone: s.phone,
  };
}

/** The page for a quote carrying `number` (null: a draft preview, printed "DRAFT"). */
export function quotePrintable(q: Quote, s: SalesSettings, business: BusinessBlock, client: ClientBlock, number: string | null, issuedOn: string | null): PrintableDocument {
  return {
    kind: 'quote',
    number,
    title: q.title,
    issuedOn,
    validUntil: q.validUntil,
    currency: q.currency,
    locale: q.locale ?? s.locale,
    pageSize: q.pageSize,
    pricesIncludeTax: q.pricesIncludeTax,
    business,
    client: { name: client.name, lines: [...client.lines, ...(client.email ? [client.email] : [])] },
    lines: q.lines,
    totals: q.totals,
    notes: q.notes,
    terms: q.terms,
    reference: null,
  };
}

/** Everything printable.ts needs for one quote, read once before a send or a preview. */
export async function quotePrintParts(ctx: FeatureContext, db: Kysely<DB>, q: Quote, s: SalesSettings) {
  const [business, client] = await Promise.all([businessBlock(ctx, db, s), clientBlock(db, q.contactId, q.companyId)]);
  return { business, client, printable: (number: string | null, issuedOn: string | null) => quotePrintable(q, s, business, client, number, issuedOn) };
}
