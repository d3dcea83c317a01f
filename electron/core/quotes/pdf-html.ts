// The printable page of a quote or invoice (issue #23): script-free HTML that Electron's hidden window (and the
// harness's Chromium) prints to PDF. Every text is escaped, nothing is fetched (the logo is an inline data: URL, the
// fonts are the system's), and every money figure is a STORED line or totals column formatted for the client's
// locale: nothing here adds up prices again, so the PDF cannot disagree with the screen or the CSV.
import { currencyDigits, formatMoney } from '../../../shared/domain/money';
import type { Line } from '../../../shared/domain/quote';
import { formatUnitPrice } from '../../../shared/domain/quote-money';
import type { PrintableDocument } from './pdf';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Escaped, with the user's own line breaks kept (addresses, notes, bank details). */
const multiline = (s: string) => esc(s).replace(/\r?\n/g, '<br>');

export const REVERSE_CHARGE_WORDING = 'Reverse charge: the customer accounts for the VAT';

/** The document's locale when Intl knows it; a made-up tag would throw in every formatter, so en-GB stands in. */
function usableLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/** Thousandths as an exact decimal string ("2500" -> "2.500"), for Intl to format without a float in between. */
const milliDecimal = (milli: number) => {
  const digits = String(Math.abs(milli)).padStart(4, '0');
  return `${milli < 0 ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
};

/** How the PDF writes numbers and dates in the document's locale; tests format expected figures with it too. */
export function documentFormat(localeTag: string, currency: string) {
  const locale = usableLocale(localeTag);
  const digits = currencyDigits(currency);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  let unitPrice: Intl.NumberFormat | null = null;
  try {
    unitPrice = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits + 4 });
  } catch {
    unitPrice = null;
  }
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    locale,
    money: (minor: number) => formatMoney(minor, currency, locale),
    /** Up to 4 decimals beyond the currency's own, only when the price has them (12.5 -> £12.50, 2314.815 -> £2,314.815). */
    unitPrice: (e4: number) => {
      const text = formatUnitPrice(e4, digits);
      return unitPrice ? unitPrice.format(text as `${number}`) : `${text} ${currency}`;
    },
    /** Thousandths shown trimmed: 2500 -> "2.5", 1000 -> "1". */
    quantity: (milli: number) => number.format(milliDecimal(milli) as `${number}`),
    percent: (milli: number) => `${number.format(milliDecimal(milli) as `${number}`)}%`,
    /** A stored YYYY-MM-DD as people in that locale write it ("6 December 2026"). */
    date: (day: string | null | undefined) => (day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? dates.format(new Date(`${day}T00:00:00Z`)) : day ? day : ''),
  };
}
type Format = ReturnType<typeof documentFormat>;

const IMAGE_MIME = new Set(['image/png', 'image/jpeg']);

function logoOf(doc: PrintableDocument): string {
  const logo = doc.business.logo;
  // Only a PNG or JPEG in plain base64 goes into the data: URL, so nothing else can ride in the attribute.
  if (!logo || !IMAGE_MIME.has(logo.mime) || !/^[A-Za-z0-9+/]+={0,2}$/.test(logo.base64)) return '';
  return `<img class="logo" alt="" src="data:${logo.mime};base64,${logo.base64}">`;
}

function businessBlock(doc: PrintableDocument): string {
  const b = doc.business;
  const facts = [
    ...b.lines,
    b.vatNumber ? `VAT number ${b.vatNumber}` : '',
    b.companyNumber ? `Company number ${b.companyNumber}` : '',
    b.email,
    b.phone,
  ].filter((s) => s.trim() !== '');
  return `<div class="business">${logoOf(doc)}<div class="name">${esc(b.name)}</div>${facts.map((f) => `<div>${multiline(f)}</div>`).join('')}</div>`;
}

function headingBlock(doc: PrintableDocument, f: Format): string {
  const what = doc.kind === 'quote' ? 'Quote' : 'Invoice';
  const facts: [string, string][] = [[`${what} number`, doc.number ?? 'DRAFT']];
  if (doc.issuedOn) facts.push(['Date', f.date(doc.issuedOn)]);
  if (doc.kind === 'quote' && doc.validUntil) facts.push(['Valid until', f.date(doc.validUntil)]);
  if (doc.kind === 'invoice' && doc.dueDate) facts.push(['Due date', f.date(doc.dueDate)]);
  if (doc.reference) facts.push(['Reference', doc.reference]);
  const client = `<div class="client"><div class="label">${doc.kind === 'quote' ? 'Prepared for' : 'Bill to'}</div><div class="name">${esc(doc.client.name)}</div>${doc.client.lines
    .filter((l) => l.trim() !== '')
    .map((l) => `<div>${multiline(l)}</div>`)
    .join('')}</div>`;
  return `<div class="parties">${client}<div class="doc"><h1>${what} ${esc(doc.number ?? 'DRAFT')}</h1><table class="facts">${facts
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('')}</table></div></div>${doc.title ? `<h2 class="title">${esc(doc.title)}</h2>` : ''}`;
}

function discountText(line: Line, f: Format): string {
  const d = line.discount;
  if (!d) return '';
  if (d.kind === 'percent') return d.milliPct === 0 ? '' : f.percent(d.milliPct);
  return d.minor === 0 ? '' : f.money(d.minor);
}

function rateText(line: Line, f: Format): string {
  return line.taxes.map((t) => f.percent(t.rateMilli)).join(' + ');
}

function lineRow(line: Line, f: Format): string {
  if (line.kind === 'heading') return `<tr class="section"><td colspan="7">${esc(line.text ?? '')}</td></tr>`;
  const tag = line.optional ? `<span class="optional">${line.counted ? 'Optional' : 'Optional, not included'}</span>` : '';
  const cells = [
    `<td class="desc">${multiline(line.description ?? '')}${tag}</td>`,
    `<td class="num">${esc(f.quantity(line.quantityMilli ?? 0))}</td>`,
    `<td>${esc(line.unit ?? '')}</td>`,
    `<td class="num">${esc(f.unitPrice(line.unitPriceE4 ?? 0))}</td>`,
    `<td class="num">${esc(discountText(line, f))}</td>`,
    `<td class="num">${esc(rateText(line, f))}</td>`,
    `<td class="num">${esc(f.money(line.amountMinor ?? 0))}</td>`,
  ];
  return `<tr class="${line.counted ? 'item' : 'item uncounted'}">${cells.join('')}</tr>`;
}

function linesTable(doc: PrintableDocument, f: Format): string {
  const amount = doc.pricesIncludeTax ? 'Amount (incl. VAT)' : 'Amount';
  const head = ['Description', 'Qty', 'Unit', 'Unit price', 'Discount', 'VAT', amount];
  // A <thead> is repeated at the top of every printed page by Chromium, so a long quote keeps its column names.
  return `<table class="lines"><thead><tr>${head.map((h, i) => `<th${i === 0 || i === 2 ? '' : ' class="num"'}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${doc.lines
    .map((l) => lineRow(l, f))
    .join('')}</tbody></table>`;
}

function vatSummary(doc: PrintableDocument, f: Format): string {
  const rows = doc.totals.taxSummary;
  if (rows.length === 0) return '';
  return `<div class="summary"><h3>VAT summary</h3><table class="vat"><thead><tr><th>Tax</th><th class="num">Rate</th><th class="num">Net</th><th class="num">VAT</th></tr></thead><tbody>${rows
    .map((r) => `<tr><td>${esc(r.label)}</td><td class="num">${esc(f.percent(r.rateMilli))}</td><td class="num">${esc(f.money(r.netMinor))}</td><td class="num">${esc(f.money(r.taxMinor))}</td></tr>`)
    .join('')}</tbody></table></div>`;
}

function totalsTable(doc: PrintableDocument, f: Format): string {
  const t = doc.totals;
  // The stored totals hold: lines total less the whole-document discount is the net total (or, when prices include
  // VAT, the grand total). The discount row is that difference of two stored columns, never a new calculation.
  const subtotal = doc.pricesIncludeTax ? t.grandTotalMinor : t.netTotalMinor;
  const documentDiscount = t.linesTotalMinor - subtotal;
  const rows: [string, number, string?][] = [['Subtotal', t.linesTotalMinor]];
  if (documentDiscount !== 0) rows.push(['Discount', -documentDiscount]);
  rows.push(['Net total', t.netTotalMinor], ['VAT', t.taxTotalMinor], ['Total', t.grandTotalMinor, 'grand']);
  if (doc.kind === 'invoice') {
    const paid = doc.paidMinor ?? 0;
    rows.push(['Paid so far', paid], ['Balance due', t.grandTotalMinor - paid, 'grand']);
  }
  const body = rows.map(([k, v, cls]) => `<tr${cls ? ` class="${cls}"` : ''}><th>${esc(k)}</th><td class="num">${esc(f.money(v))}</td></tr>`).join('');
  // With discounts on lines too, the row above is not all that was taken off: say the whole.
  const saved = t.discountTotalMinor !== documentDiscount ? `<p class="small">Discounts given in all: ${esc(f.money(t.discountTotalMinor))}</p>` : '';
  return `<table class="totals">${body}</table>${saved}<p class="small rounding">${esc(t.roundingNote)}</p>`;
}

function closing(doc: PrintableDocument): string {
  const blocks: string[] = [];
  if (doc.reverseCharge) blocks.push(`<p class="reverse">${esc(REVERSE_CHARGE_WORDING)}</p>`);
  if (doc.notes?.trim()) blocks.push(`<h3>Notes</h3><p>${multiline(doc.notes)}</p>`);
  if (doc.terms?.trim()) blocks.push(`<h3>Terms</h3><p>${multiline(doc.terms)}</p>`);
  if (doc.kind === 'invoice' && doc.bankDetails?.trim()) blocks.push(`<h3>Bank details</h3><p>${multiline(doc.bankDetails)}</p>`);
  return blocks.join('');
}

const STYLE = `
@page { margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #222; margin: 0; }
.top { display: flex; justify-content: space-between; gap: 12mm; }
.business { text-align: right; margin-left: auto; }
.business .name, .client .name { font-weight: bold; font-size: 11pt; }
.logo { max-height: 22mm; max-width: 60mm; display: block; margin: 0 0 3mm auto; }
.parties { display: flex; justify-content: space-between; margin-top: 8mm; gap: 12mm; }
.label { color: #666; font-size: 8.5pt; text-transform: uppercase; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2.title { font-size: 12pt; margin: 6mm 0 3mm; }
h3 { font-size: 10pt; margin: 5mm 0 1mm; }
table { border-collapse: collapse; }
.facts th { text-align: left; font-weight: normal; color: #666; padding-right: 4mm; }
.lines { width: 100%; margin-top: 2mm; }
.lines th { border-bottom: 1.5px solid #333; text-align: left; padding: 1.5mm 1.5mm; font-size: 8.5pt; }
.lines td { border-bottom: 0.5px solid #ccc; padding: 1mm 1.5mm; vertical-align: top; }
.lines tr { break-inside: avoid; }
.section td { font-weight: bold; background: #f2f2f2; }
.uncounted td { color: #777; }
.optional { display: block; font-size: 8pt; color: #555; font-style: italic; }
.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }
.end { display: flex; justify-content: space-between; gap: 10mm; margin-top: 5mm; break-inside: avoid; }
.vat th, .vat td { padding: 1mm 2mm; border-bottom: 0.5px solid #ddd; font-size: 8.5pt; }
.vat th { text-align: left; }
.vat th.num { text-align: right; }
.summary h3 { margin-top: 0; }
.sums { margin-left: auto; width: 82mm; }
.totals { width: 100%; }
.totals th { text-align: left; font-weight: normal; padding: 1mm 2mm; }
.totals td { padding: 1mm 2mm; }
.totals .grand th, .totals .grand td { font-weight: bold; border-top: 1px solid #333; }
.small { font-size: 7.5pt; color: #555; margin: 1.5mm 0 0; }
.reverse { font-weight: bold; margin-top: 5mm; }
`;

/** The whole page: script-free, self-contained HTML (the only image is the inline logo). */
export function documentHtml(doc: PrintableDocument): string {
  const f = documentFormat(doc.locale, doc.currency);
  const heading = `${doc.kind === 'quote' ? 'Quote' : 'Invoice'} ${doc.number ?? 'DRAFT'}`;
  return `<!doctype html><html lang="${esc(f.locale)}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"><title>${esc(heading)}</title><style>${STYLE}</style></head><body>
<div class="top">${businessBlock(doc)}</div>
${headingBlock(doc, f)}
${linesTable(doc, f)}
<div class="end">${vatSummary(doc, f)}<div class="sums">${totalsTable(doc, f)}</div></div>
${closing(doc)}
</body></html>`;
}
