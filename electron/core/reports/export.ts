// Report exports: any records table as CSV (through the one CSV writer every export shares, ../csv-write), the
// dashboard as PDF through the platform's printer, or as HTML where there is none (the harness). Written
// atomically like every export. File names are fixed words and dates, never user data. No `electron` import.
import { minorToDecimal } from '../../../shared/domain/money';
import type { Dashboard, RecordsInput, ReportTable } from '../../../shared/domain/report';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { csvLine, type PlainForm } from '../csv-write';
import { writeFileAtomically } from '../export-file';
import type { FeatureContext } from '../modules';
import type { Platform } from '../platform';
import { dashboard } from './dashboard';
import { records } from './records';

export function tableToCsv(table: ReportTable): string {
  const currencyAt = table.columns.findIndex((c) => c.key === 'currency');
  const lines = table.rows.map((row) => {
    // A number cell is written as a plain decimal and goes out bare; a text cell is guarded, whatever it holds.
    const plain = new Map<number, PlainForm>();
    const cells = row.cells.map((cell, i) => {
      if (cell === null || typeof cell === 'string') return cell ?? '';
      plain.set(i, 'number');
      const currency = currencyAt >= 0 ? row.cells[currencyAt] : null;
      return table.columns[i]?.kind === 'money' && typeof currency === 'string' ? minorToDecimal(cell, currency) : String(cell);
    });
    return csvLine(cells, ',', false, plain);
  });
  // A BOM so Excel reads UTF-8 names right; CRLF as RFC 4180 says.
  return `\uFEFF${csvLine(table.columns.map((c) => c.label))}${lines.join('')}`;
}

export async function exportCsv(platform: Platform, table: ReportTable, name: string, dataDir?: string): Promise<{ path: string | null; format: 'csv'; rows: number }> {
  const path = await platform.saveTarget(`${name}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
  if (path === null) return { path: null, format: 'csv', rows: 0 };
  await writeFileAtomically(path, (write) => write(tableToCsv(table)), dataDir);
  return { path, format: 'csv', rows: table.rows.length };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (list: { currency: string; amountMinor: number }[]) =>
  list.length === 0 ? '–' : list.map((m) => `${minorToDecimal(m.amountMinor, m.currency)} ${m.currency}`).join(', ');

/** A printable page of the dashboard's figures: plain tables, no script, no remote resources. */
export function dashboardHtml(d: Dashboard): string {
  const rows = (cells: string[][]) => cells.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('');
  const section = (title: string, head: string[], body: string[][]) =>
    `<h2>${escape(title)}</h2><table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows(body)}</tbody></table>`;
  const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 1000) / 10} %`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Rapport dashboard ${escape(d.from)} to ${escape(d.to)}</title>
<style>body{font-family:sans-serif;font-size:11px;margin:24px}table{border-collapse:collapse;margin-bottom:16px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}h2{font-size:14px}</style></head><body>
<h1>Dashboard ${escape(d.from)} – ${escape(d.to)}</h1>
${section('Summary', ['Figure', 'Value'], [
    ['Win rate', `${pct(d.winRate.rate)} (${d.winRate.won} won, ${d.winRate.lost} lost)`],
    ['Average job value', money(d.averageJobValueMinor)],
    ['Average days from Lead to Won', d.averageDaysLeadToWon === null ? '–' : String(d.averageDaysLeadToWon)],
    ['Repeat clients', `${d.repeatClients.repeat} of ${d.repeatClients.clients}`],
    ['Churn', `${d.churn.churned} of ${d.churn.previousActive} (${pct(d.churn.rate)})`],
    ['Drifting clients', String(d.drifting.count)],
    ['Overdue follow-ups', String(d.overdueFollowUps)],
    [`Lifetime value, average per active client (${d.currency})`, d.lifetimeValue.averagePerActiveMinor === null ? '–' : minorToDecimal(d.lifetimeValue.averagePerActiveMinor, d.currency)],
  ])}
${section('Pipeline', ['Stage', 'Jobs', 'Total', 'Weighted'], d.pipeline.map((s) => [s.stageName, String(s.count), money(s.totals), money(s.weighted)]))}
${section('Revenue per month', ['Month', 'Currency', 'Won', 'Paid', 'Won a year earlier', 'Paid a year earlier'], d.revenueByMonth.map((r) => [r.month, r.currency, minorToDecimal(r.wonMinor, r.currency), minorToDecimal(r.paidMinor, r.currency), minorToDecimal(r.previousWonMinor, r.currency), minorToDecimal(r.previousPaidMinor, r.currency)]))}
${section(`Top clients (${d.currency})`, ['Client', 'Paid revenue', 'Jobs', 'Tier'], d.topClients.items.map((c) => [c.name, minorToDecimal(c.amountMinor, d.currency), String(c.jobs), c.tier]))}
${section('Lead sources', ['Source', 'Contacts', 'Won', 'Revenue'], d.leadSources.map((s) => [s.source ?? '(none)', String(s.contacts), String(s.won), money(s.revenue)]))}
${section('Activities', ['Type', 'Count'], d.activityCounts.map((a) => [a.type, String(a.count)]))}
</body></html>`;
}

export async function exportDashboard(platform: Platform, d: Dashboard, dataDir?: string): Promise<{ path: string | null; format: 'pdf' | 'html'; rows: number }> {
  const html = dashboardHtml(d);
  const pdf = await platform.printToPdf(html);
  const format = pdf ? 'pdf' : 'html';
  const path = await platform.saveTarget(`rapport-dashboard-${d.from}-to-${d.to}.${format}`, [{ name: format.toUpperCase(), extensions: [format] }]);
  if (path === null) return { path: null, format, rows: 0 };
  await writeFileAtomically(path, (write) => write(pdf ?? html), dataDir);
  return { path, format, rows: 1 };
}

/** reports.exportCsv: the records behind one figure, as a CSV named for the figure and the period. */
export async function exportRecords(ctx: FeatureContext, input: RecordsInput) {
  const table = await records(ctx.deps.db, input, ctx.deps.clock.now());
  return exportCsv(ctx.platform, table, `rapport-${input.metric}-${input.from}-to-${input.to}`, ctx.dataDir);
}

/** reports.exportPdf: the period's dashboard as a printable page. */
export async function exportDashboardOf(ctx: FeatureContext, input: ChannelParsedInput<'reports.exportPdf'>) {
  return exportDashboard(ctx.platform, await dashboard(ctx.deps.db, input, ctx.deps.clock.now()), ctx.dataDir);
}
