// Report exports on real files: a records table as CSV (money as decimals from integer minor units, formula-like
// cells neutralised, readable by a CSV parser), and the dashboard as a PDF, or as HTML where the platform cannot print.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minorToDecimal } from '../../shared/domain/money';
import { neutralise } from '../../electron/core/csv-write';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

beforeAll(async () => {
  t = await openTestCore({ start: '2026-03-01T09:00:00.000Z' });
  const contactId = (await t.call('contacts.create', { firstName: '=HYPERLINK("http://evil")', lastName: 'Smith' })).id;
  const paid = (await t.call('jobs.settings.get', {})).stages.find((s) => s.name === 'Paid')!.id;
  const job = await t.call('jobs.create', { title: '+cmd|calc', contactId, amountMinor: 125_005 });
  await t.call('jobs.move', { id: job.id, stage: paid });
  await t.call('jobs.create', { title: 'Tokyo job', contactId, amountMinor: 5000, currency: 'JPY' });
});
afterAll(() => t.destroy());

describe('report exports', () => {
  it('writes a records table as CSV with neutralised cells and decimal money', async () => {
    const result = await t.call('reports.exportCsv', { ...YEAR, metric: 'pipeline' });
    expect(result).toMatchObject({ format: 'csv', rows: 2 });
    expect(result.path).toMatch(/exports\/rapport-pipeline-2026-01-01-to-2026-12-31\.csv$/);
    const rows = parse(readFileSync(result.path!, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Job', 'Client', 'Stage', 'Amount', 'Currency', 'Date']);
    const byTitle = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(byTitle["'+cmd|calc"]?.slice(1, 5)).toEqual([`'=HYPERLINK("http://evil") Smith`, 'Paid', '1250.05', 'GBP']);
    expect(byTitle['Tokyo job']?.[3]).toBe('5000');
  });

  it('neutralises every formula-like start and formats minor units without floats', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx', 'ok'].map(neutralise)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", 'ok']);
    expect(minorToDecimal(29, 'GBP')).toBe('0.29');
    expect(minorToDecimal(1_000_000_000_001, 'GBP')).toBe('10000000000.01');
    expect(minorToDecimal(1234, 'BHD')).toBe('1.234');
  });

  it('saves the dashboard as HTML where the platform cannot print a PDF', async () => {
    // The harness prints real PDFs (issue #23); a platform that cannot print answers null.
    const printToPdf = t.core.platform.printToPdf;
    Object.assign(t.core.platform, { printToPdf: async () => null });
    const result = await t.call('reports.exportPdf', YEAR).finally(() => Object.assign(t.core.platform, { printToPdf }));
    expect(result.format).toBe('html');
    const html = readFileSync(result.path!, 'utf8');
    expect(html).toContain('Dashboard 2026-01-01 – 2026-12-31');
    expect(html).toContain('1250.05 GBP');
    expect(html).not.toContain('<script');
    expect(html).toContain('=HYPERLINK(&#34;http://evil&#34;) Smith');
  });

  it('prints a PDF when the platform can', async () => {
    const pdfCore = await openTestCore({ start: '2026-03-01T09:00:00.000Z' });
    try {
      const printed: string[] = [];
      // The harness's real Chromium prints it; the page it was given is kept to check.
      const print = pdfCore.core.platform.printToPdf;
      Object.assign(pdfCore.core.platform, { printToPdf: (html: string, options?: { pageSize?: 'A4' | 'Letter' }) => (printed.push(html), print(html, options)) });
      const result = await pdfCore.call('reports.exportPdf', YEAR);
      expect(result.format).toBe('pdf');
      expect(readFileSync(result.path!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(printed[0]).toContain('<h1>Dashboard');
    } finally {
      pdfCore.destroy();
    }
  });
});
