// The readable parts of "Export this person's data" (issue #21): summary.html (every section as a table; every
// value escaped, since all of it is user data) and one CSV per section through the project's formula-safe CSV
// writer. Pure functions; no I/O.
import { csvLine } from '../csv-write';
import type { Plain } from '../../db/privacy.export.repo';

export const SECTION_TITLES: Record<string, string> = {
  contact: 'Contact details',
  consentNow: 'Consent now',
  consentHistory: 'Consent history',
  unsubscribeTokens: 'Unsubscribe tokens',
  activities: 'Activities (calls, meetings, notes, emails)',
  followUps: 'Follow-ups',
  jobs: 'Jobs',
  appointments: 'Appointments',
  emails: 'Emails',
  documents: 'Documents',
  imports: 'Imports that created or changed the contact',
  merges: 'Merges',
  privacyRequests: 'Privacy requests',
  bulkEdits: 'Bulk edits',
  qualityFixes: 'Data quality fixes',
  retention: 'Retention decisions',
  campaignsLeftOut: 'Campaigns they were left out of',
  quotes: 'Quotes',
  quoteLines: 'Quote lines',
  invoices: 'Invoices',
  invoiceLines: 'Invoice lines',
  payments: 'Payments',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A value as one cell: text as it is, structured values as JSON, nothing for null. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Every key any row has, in first-seen order. */
export function columnsOf(rows: readonly Plain[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (value !== undefined) seen.add(key);
  return [...seen];
}

/** One section as CSV text: a byte order mark (spreadsheets then read UTF-8), a header, one line per record. */
export function sectionCsv(rows: readonly Plain[]): string {
  const columns = columnsOf(rows);
  let out = `\uFEFF${csvLine(columns)}`;
  for (const row of rows) out += csvLine(columns.map((c) => cellText(row[c])));
  return out;
}

export function summaryHtml(options: { name: string; exportedAt: string; sections: Record<string, Plain[]>; leftOut: number }): string {
  const parts: string[] = [];
  for (const [section, rows] of Object.entries(options.sections)) {
    parts.push(`<h2>${escapeHtml(SECTION_TITLES[section] ?? section)} <small>(${rows.length})</small></h2>`);
    if (rows.length === 0) {
      parts.push('<p class="none">None.</p>');
      continue;
    }
    const columns = columnsOf(rows);
    parts.push('<div class="scroll"><table><thead><tr>', ...columns.map((c) => `<th>${escapeHtml(c)}</th>`), '</tr></thead><tbody>');
    for (const row of rows) parts.push('<tr>', ...columns.map((c) => `<td>${escapeHtml(cellText(row[c]))}</td>`), '</tr>');
    parts.push('</tbody></table></div>');
  }
  const note = options.leftOut ? `<p>${options.leftOut} record(s) were left out because they hold other people's personal data.</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Personal data held about ${escapeHtml(options.name)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left;white-space:pre-wrap;max-width:40em}th{background:#f3f3f3}.scroll{overflow-x:auto}small,.none{color:#666}</style>
</head><body>
<h1>Personal data held about ${escapeHtml(options.name)}</h1>
<p>Exported from Rapport on ${escapeHtml(options.exportedAt)}. The same data is in data.json (machine-readable) and in the CSV files; emails are in emails/ and documents in documents/. Other people's names and addresses in shared records are shown as “(another person)”.</p>
${note}
${parts.join('')}
</body></html>
`;
}
