// Quotes, invoices and the catalogue (issue #23). Plain SQL only; no application imports.
// - tax_rates: rates as data (thousandths of a percent), seeded with the UK and EU defaults of shared/domain/tax-rates.ts
//   as they were when this migration was written (a frozen copy; tests/db/0024_quotes.test.ts checks they agree).
//   Only the UK rates and the EU reverse charge start active; the user turns on their own country's.
// - products: the catalogue; prices and costs in 1/10,000 of a minor unit.
// - number_series: the last number given per series ('quote', 'invoice'), advanced only inside the transaction that
//   sends, so a failed send leaves no gap.
// - quotes / invoices: the document, its stored totals (written from quote-totals.ts on every save) and, once sent,
//   the frozen PDF's document and hash and the client block as it was printed (client_snapshot), so an invoice
//   stays whole when its contact is later erased or purged (contact_id is then NULL).
// - sale_lines: the lines of either, with the catalogue values copied in (taxes as JSON snapshots).
// - payments: part or whole payments of an invoice.
// - tasks.quote_id / tasks.invoice_id: the "quote expires soon", "start work" and "send invoice" follow-ups.
import { sql, type Kysely } from 'kysely';

/** [fixed id, key, country, kind, rate, name, valid from, active] */
export const SEEDED_TAX_RATES = [
  ['5a1e57a0-0000-4000-8000-000000000001', 'gb-standard', 'GB', 'standard', 20000, 'VAT 20%', '2011-01-04', 1],
  ['5a1e57a0-0000-4000-8000-000000000002', 'gb-reduced', 'GB', 'reduced', 5000, 'VAT 5% (reduced)', null, 1],
  ['5a1e57a0-0000-4000-8000-000000000003', 'gb-zero', 'GB', 'zero', 0, 'VAT 0% (zero-rated)', null, 1],
  ['5a1e57a0-0000-4000-8000-000000000004', 'gb-exempt', 'GB', 'exempt', 0, 'Exempt from VAT', null, 1],
  ['5a1e57a0-0000-4000-8000-000000000005', 'eu-reverse-charge', 'EU', 'reverse_charge', 0, 'Reverse charge', null, 1],
  ['5a1e57a0-0000-4000-8000-000000000006', 'ie-standard', 'IE', 'standard', 23000, 'VAT 23%', '2012-01-01', 0],
  ['5a1e57a0-0000-4000-8000-000000000007', 'ie-reduced', 'IE', 'reduced', 13500, 'VAT 13.5%', '2021-03-01', 0],
  ['5a1e57a0-0000-4000-8000-000000000008', 'ie-second-reduced', 'IE', 'reduced', 9000, 'VAT 9%', null, 0],
  ['5a1e57a0-0000-4000-8000-000000000009', 'de-standard', 'DE', 'standard', 19000, 'USt 19%', '2021-01-01', 0],
  ['5a1e57a0-0000-4000-8000-00000000000a', 'de-reduced', 'DE', 'reduced', 7000, 'USt 7%', '2021-01-01', 0],
  ['5a1e57a0-0000-4000-8000-00000000000b', 'fr-standard', 'FR', 'standard', 20000, 'TVA 20%', '2014-01-01', 0],
  ['5a1e57a0-0000-4000-8000-00000000000c', 'fr-intermediate', 'FR', 'reduced', 10000, 'TVA 10%', '2014-01-01', 0],
  ['5a1e57a0-0000-4000-8000-00000000000d', 'fr-reduced', 'FR', 'reduced', 5500, 'TVA 5,5%', '2014-01-01', 0],
  ['5a1e57a0-0000-4000-8000-00000000000e', 'fr-super-reduced', 'FR', 'reduced', 2100, 'TVA 2,1%', null, 0],
  ['5a1e57a0-0000-4000-8000-00000000000f', 'nl-standard', 'NL', 'standard', 21000, 'btw 21%', '2012-10-01', 0],
  ['5a1e57a0-0000-4000-8000-000000000010', 'nl-reduced', 'NL', 'reduced', 9000, 'btw 9%', '2019-01-01', 0],
  ['5a1e57a0-0000-4000-8000-000000000011', 'es-standard', 'ES', 'standard', 21000, 'IVA 21%', '2012-09-01', 0],
  ['5a1e57a0-0000-4000-8000-000000000012', 'es-reduced', 'ES', 'reduced', 10000, 'IVA 10%', '2012-09-01', 0],
  ['5a1e57a0-0000-4000-8000-000000000013', 'es-super-reduced', 'ES', 'reduced', 4000, 'IVA 4%', null, 0],
  ['5a1e57a0-0000-4000-8000-000000000014', 'se-standard', 'SE', 'standard', 25000, 'Moms 25%', null, 0],
  ['5a1e57a0-0000-4000-8000-000000000015', 'se-reduced', 'SE', 'reduced', 12000, 'Moms 12%', null, 0],
  ['5a1e57a0-0000-4000-8000-000000000016', 'se-second-reduced', 'SE', 'reduced', 6000, 'Moms 6%', null, 0],
  ['5a1e57a0-0000-4000-8000-000000000017', 'ca-gst', 'CA', 'standard', 5000, 'GST 5%', '2008-01-01', 0],
  ['5a1e57a0-0000-4000-8000-000000000018', 'ca-qc-qst', 'CA-QC', 'standard', 9975, 'QST 9.975%', '2013-01-01', 0],
] as const;

const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
const TOTALS = `lines_total_minor INTEGER NOT NULL DEFAULT 0,
    discount_total_minor INTEGER NOT NULL DEFAULT 0,
    net_total_minor INTEGER NOT NULL DEFAULT 0,
    tax_total_minor INTEGER NOT NULL DEFAULT 0,
    grand_total_minor INTEGER NOT NULL DEFAULT 0,
    tax_summary TEXT NOT NULL DEFAULT '[]',
    rounding_note TEXT NOT NULL DEFAULT ''`;
const DOCUMENT = `currency TEXT NOT NULL,
    prices_include_tax INTEGER NOT NULL CHECK (prices_include_tax IN (0,1)),
    rounding TEXT NOT NULL CHECK (rounding IN ('line','document')),
    discount_kind TEXT CHECK (discount_kind IN ('percent','amount')),
    discount_value INTEGER,
    notes TEXT,
    terms TEXT,
    locale TEXT,
    page_size TEXT NOT NULL DEFAULT 'A4' CHECK (page_size IN ('A4','Letter')),
    issued_on TEXT,
    sent_at TEXT,
    pdf_document_id TEXT,
    pdf_sha256 TEXT,
    client_snapshot TEXT,
    business_snapshot TEXT`;

const statements = [
  `CREATE TABLE tax_rates (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key TEXT UNIQUE,
    name TEXT NOT NULL,
    rate_milli INTEGER NOT NULL CHECK (rate_milli BETWEEN 0 AND 100000),
    kind TEXT NOT NULL CHECK (kind IN ('standard','reduced','zero','exempt','reverse_charge','outside_scope')),
    country TEXT,
    valid_from TEXT,
    valid_to TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `INSERT INTO tax_rates (id, key, country, kind, rate_milli, name, valid_from, active, position, created_at, updated_at) VALUES ${SEEDED_TAX_RATES.map(
    (r, i) => `(${r.map(lit).join(', ')}, ${i}, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ).join(', ')}`,
  `CREATE TABLE products (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    code TEXT UNIQUE,
    description TEXT,
    unit TEXT,
    unit_price_e4 INTEGER NOT NULL,
    currency TEXT NOT NULL,
    price_includes_tax INTEGER NOT NULL DEFAULT 0 CHECK (price_includes_tax IN (0,1)),
    tax_rate_id TEXT REFERENCES tax_rates(id) ON DELETE SET NULL,
    cost_e4 INTEGER,
    category TEXT,
    recurrence TEXT NOT NULL DEFAULT 'none' CHECK (recurrence IN ('none','weekly','monthly','quarterly','yearly')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX products_name ON products(active, name COLLATE NOCASE, id)`,
  `CREATE TABLE number_series (
    kind TEXT PRIMARY KEY CHECK (kind IN ('quote','invoice')),
    last_year INTEGER,
    last_seq INTEGER
  ) STRICT`,
  `INSERT INTO number_series (kind, last_year, last_seq) VALUES ('quote', NULL, NULL), ('invoice', NULL, NULL)`,
  `CREATE TABLE quotes (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    root_id TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    base_number TEXT,
    number TEXT UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('draft','sent','accepted','declined','superseded')),
    title TEXT NOT NULL,
    job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
    contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
    company_id TEXT REFERENCES companies(id) ON DELETE SET NULL,
    ${DOCUMENT},
    valid_until TEXT,
    accepted_at TEXT,
    accept_method TEXT CHECK (accept_method IN ('email','call','signed','inPerson')),
    evidence_activity_id TEXT,
    evidence_document_id TEXT,
    declined_at TEXT,
    decline_reason TEXT,
    superseded_by TEXT,
    ${TOTALS},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (root_id, revision)
  ) STRICT`,
  `CREATE INDEX quotes_job ON quotes(job_id) WHERE job_id IS NOT NULL`,
  `CREATE INDEX quotes_contact ON quotes(contact_id) WHERE contact_id IS NOT NULL`,
  `CREATE INDEX quotes_status ON quotes(status, valid_until)`,
  `CREATE TABLE invoices (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    number TEXT UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('draft','sent','partlyPaid','paid','void')),
    title TEXT NOT NULL,
    quote_id TEXT UNIQUE REFERENCES quotes(id),
    job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
    contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
    company_id TEXT REFERENCES companies(id) ON DELETE SET NULL,
    ${DOCUMENT},
    due_date TEXT,
    payment_terms_days INTEGER NOT NULL DEFAULT 30,
    paid_minor INTEGER NOT NULL DEFAULT 0,
    paid_at TEXT,
    ${TOTALS},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX invoices_job ON invoices(job_id) WHERE job_id IS NOT NULL`,
  `CREATE INDEX invoices_contact ON invoices(contact_id) WHERE contact_id IS NOT NULL`,
  `CREATE INDEX invoices_due ON invoices(status, due_date)`,
  `CREATE INDEX invoices_issued ON invoices(issued_on) WHERE issued_on IS NOT NULL`,
  `CREATE TABLE sale_lines (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    quote_id TEXT REFERENCES quotes(id) ON DELETE CASCADE,
    invoice_id TEXT REFERENCES invoices(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('heading','item')),
    text TEXT,
    product_id TEXT REFERENCES products(id) ON DELETE SET NULL,
    description TEXT,
    unit TEXT,
    quantity_milli INTEGER,
    unit_price_e4 INTEGER,
    discount_kind TEXT CHECK (discount_kind IN ('percent','amount')),
    discount_value INTEGER,
    taxes TEXT NOT NULL DEFAULT '[]',
    optional INTEGER NOT NULL DEFAULT 0 CHECK (optional IN (0,1)),
    chosen INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0,1)),
    counted INTEGER NOT NULL DEFAULT 1 CHECK (counted IN (0,1)),
    amount_minor INTEGER,
    net_minor INTEGER,
    tax_minor INTEGER,
    gross_minor INTEGER,
    CHECK ((quote_id IS NULL) <> (invoice_id IS NULL))
  ) STRICT`,
  `CREATE INDEX sale_lines_quote ON sale_lines(quote_id, position) WHERE quote_id IS NOT NULL`,
  `CREATE INDEX sale_lines_invoice ON sale_lines(invoice_id, position) WHERE invoice_id IS NOT NULL`,
  `CREATE INDEX sale_lines_product ON sale_lines(product_id) WHERE product_id IS NOT NULL`,
  `CREATE TABLE payments (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    invoice_id TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    paid_on TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('bankTransfer','card','cash','cheque','other')),
    note TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX payments_invoice ON payments(invoice_id)`,
  `ALTER TABLE tasks ADD COLUMN quote_id TEXT`,
  `ALTER TABLE tasks ADD COLUMN invoice_id TEXT`,
  `CREATE INDEX tasks_quote ON tasks(quote_id) WHERE quote_id IS NOT NULL`,
  `CREATE INDEX tasks_invoice ON tasks(invoice_id) WHERE invoice_id IS NOT NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
