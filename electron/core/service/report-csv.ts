// The service report as one CSV file: a title row per section, then that table's header row and its rows, a blank
// line between sections, so it opens in any spreadsheet. Through the shared writer (csv-write.ts): every text cell
// is guarded against formulas (a client named "=HYPERLINK(...)" stays text); numbers go out bare.
import type { ServiceReport } from '../../../shared/domain/service';
import { csvLine, type PlainForm } from '../csv-write';

type Cell = string | number | null;
const HOUR = 3_600_000;

const AGE_LABELS: Record<ServiceReport['openByAge'][number]['bucket'], string> = {
  under1d: 'Under 1 day',
  '1to3d': '1 to 3 days',
  '3to7d': '3 to 7 days',
  '7to30d': '7 to 30 days',
  over30d: 'Over 30 days',
};
const PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;

/** Business hours to two decimals; empty when there is no figure. */
const hours = (ms: number | null): Cell => (ms === null ? null : Math.round((ms / HOUR) * 100) / 100);
const percent = (share: number | null): Cell => (share === null ? null : Math.round(share * 1000) / 10);

function line(cells: readonly Cell[]): string {
  const plain = new Map<number, PlainForm>();
  const text = cells.map((cell, i) => {
    if (typeof cell !== 'number') return cell ?? '';
    plain.set(i, 'number');
    return String(cell);
  });
  return csvLine(text, ',', false, plain);
}

export function serviceReportCsv(r: ServiceReport): { text: string; rows: number } {
  const sections: [string, string[], Cell[][]][] = [
    ['Service report', ['From', 'To', 'Cases opened'], [[r.from, r.to, r.opened]]],
    ['Open cases by age', ['Age', 'Cases'], r.openByAge.map((b) => [AGE_LABELS[b.bucket], b.count])],
    [
      'Business time',
      ['Measure', 'Cases', 'Median (business hours)', '90th percentile (business hours)'],
      [
        ['First response', r.firstResponse.count, hours(r.firstResponse.medianMs), hours(r.firstResponse.p90Ms)],
        ['Resolution', r.resolution.count, hours(r.resolution.medianMs), hours(r.resolution.p90Ms)],
      ],
    ],
    [
      'Targets met',
      ['Target', 'Met', 'Decided', 'Met (%)'],
      [
        ['First response', r.targetsMet.response.met, r.targetsMet.response.total, percent(r.targetsMet.response.share)],
        ['Resolution', r.targetsMet.resolution.met, r.targetsMet.resolution.total, percent(r.targetsMet.resolution.share)],
      ],
    ],
    ['Reopened', ['Resolved in period', 'Reopened at least once', 'Reopened (%)'], [[r.reopen.resolved, r.reopen.reopened, percent(r.reopen.share)]]],
    [
      'Satisfaction',
      ['Ratings', 'Average', '1', '2', '3', '4', '5'],
      [[r.satisfaction.count, r.satisfaction.average, ...r.satisfaction.byScore]],
    ],
    ['Cases per client', ['Client', 'Cases opened', 'Open now'], r.perClient.map((c) => [c.name, c.cases, c.open])],
    ['Cases opened by priority', ['Priority', 'Cases opened'], r.byPriority.map((p) => [PRIORITY_LABELS[p.priority], p.opened])],
  ];
  let rows = 0;
  const parts = sections.map(([title, header, body]) => {
    rows += body.length;
    return line([title]) + line(header) + body.map(line).join('');
  });
  // A BOM so Excel reads UTF-8 names right; CRLF as RFC 4180 says (csvLine ends each record so).
  return { text: `\uFEFF${parts.join('\r\n')}`, rows };
}
