// The printable page of a quote or invoice (issue #23). PLACEHOLDER: the full layout (business and client blocks,
// lines with repeated headers, VAT summary, totals, terms; the client's locale) replaces this.
import { minorToDecimal } from '../../../shared/domain/money';
import type { PrintableDocument } from './pdf';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function documentHtml(doc: PrintableDocument): string {
  const title = `${doc.kind === 'quote' ? 'Quote' : 'Invoice'} ${doc.number ?? 'DRAFT'}`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>Total ${esc(minorToDecimal(doc.totals.grandTotalMinor, doc.currency))}</p></body></html>`;
}
