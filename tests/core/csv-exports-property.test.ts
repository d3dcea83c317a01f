// Issue #16: no live formula in any export. Random hostile values (formula starts, lone CR, lone LF, CRLF, quotes,
// delimiters, tabs, unicode, leading spaces) go into contacts, companies, jobs and activities, EVERY CSV export
// channel runs (Export everything's zip included), and each file is read the way a spreadsheet opens it: 0 live cells, no row split, and the values
// come back exact where Rapport promises it. Short by default; CSV_PROPERTY_RUNS=30 for the long run.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, PLAIN, unneutralise } from '../../electron/core/csv-write';
import type { Contact } from '../../shared/domain/contact';
import { ReportMetric } from '../../shared/domain/report';
import { ExportPreset } from '../../shared/domain/transfer';
import { CHANNELS } from '../../shared/ipc/channels';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { isLive, liveCells, readAsSpreadsheet } from '../helpers/spreadsheet';
import { importFile } from './import-export-helpers';

const RUNS = Number(process.env.CSV_PROPERTY_RUNS ?? 2);
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** The channels that write a CSV file, and those that export something else (each says what). */
const CSV_CHANNELS = ['export.contacts', 'export.table', 'reports.exportCsv', 'data.exportAll', 'products.exportCsv', 'quotes.exportCsv', 'invoices.exportCsv'];
const OTHER_EXPORTS: Record<string, string> = {
  'export.cancel': 'cancels a running export',
  'reports.exportPdf': 'PDF or HTML (escaped, tested in reports-export)',
  'schedule.exportIcs': 'iCalendar',
  'privacy.export': 'a zip whose CSVs go through csv-write.ts csvLine (formula guard checked in privacy-export.test.ts)',
};

const PIECES = ['=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ',', ';', "'", ' ', '\u00a0', '\u3000', "cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","x")', '@SUM(1+1)', '1+1', 'Zoë', '😀', 'ok', 'A1', '-2'];
const hostile = (max: number) =>
  fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 })
    .map((p) => p.join(''))
    .filter((s) => s.trim() !== '' && s.length <= max);
const PHONE_PIECES = ['+', '-', '(', ')', '.', '/', ' ', '\t', '\n', '\r', '#', '*', 'ext', '1', '44', '20 7946 0958'];
const phone = fc.oneof(
  fc.constantFrom('+44 20 7946 0958', '+1 (617) 555-0100', '+1-617-555-0100', '+33 1.23.45.67.89'),
  fc.array(fc.constantFrom(...PHONE_PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join('')).filter((s) => /\d/.test(s) && s.trim().length <= 40),
);

const seedShape = fc.record({
  companies: fc.array(fc.record({ name: hostile(200), phone, street: hostile(200), city: hostile(100), notes: hostile(2000), tag: hostile(50) }), { minLength: 1, maxLength: 2 }),
  contacts: fc.array(
    fc.record({ firstName: hostile(100), lastName: hostile(100), jobTitle: hostile(100), notes: hostile(2000), leadSource: hostile(100), phones: fc.array(phone, { minLength: 1, maxLength: 2 }), street: hostile(200), label: hostile(40) }),
    { minLength: 1, maxLength: 3 },
  ),
  jobs: fc.array(fc.record({ title: hostile(200), notes: hostile(2000), lostReason: hostile(500), stage: fc.constantFrom('open', 'won', 'paid', 'lost') }), { minLength: 1, maxLength: 4 }),
  activities: fc.array(fc.record({ subject: hostile(200), notes: hostile(2000), followUp: hostile(200) }), { minLength: 1, maxLength: 3 }),
});
type Seed = typeof seedShape extends fc.Arbitrary<infer T> ? T : never;

async function seed(t: TestCore, s: Seed) {
  const companies = [];
  for (const c of s.companies) companies.push(await t.call('companies.create', { name: c.name, phone: c.phone, address: { street: c.street, city: c.city }, notes: c.notes, tags: [c.tag.replaceAll(':', '')].filter((x) => x.trim()) }));
  const contacts: Contact[] = [];
  for (const [i, c] of s.contacts.entries()) {
    contacts.push(
      await t.call('contacts.create', {
        firstName: c.firstName, lastName: c.lastName, jobTitle: c.jobTitle, notes: c.notes, leadSource: c.leadSource,
        companyId: companies[i % companies.length]!.id,
        phones: c.phones.map((value, n) => ({ value, label: n === 0 ? 'Mobile' : 'Work' })),
        addresses: [{ label: 'Work', street: c.street, city: 'London' }],
        emails: [{ value: `person${i}@example.com`, label: c.label.replaceAll(':::', '') || 'x' }],
      }),
    );
  }
  const stages = (await t.call('jobs.settings.get', {})).stages;
  const jobs = [];
  for (const [i, j] of s.jobs.entries()) {
    const job = await t.call('jobs.create', { title: j.title, contactId: contacts[i % contacts.length]!.id, amountMinor: 1000 * (i + 1), notes: j.notes });
    if (j.stage !== 'open') await t.call('jobs.move', { id: job.id, stage: stages.find((x) => x.category === j.stage)!.id, ...(j.stage === 'lost' ? { lostReason: j.lostReason } : {}) });
    jobs.push(await t.call('jobs.get', { id: job.id }));
  }
  const activities = [];
  for (const [i, a] of s.activities.entries()) {
    activities.push(
      await t.call('activities.create', {
        contactId: contacts[i % contacts.length]!.id, type: 'call', subject: a.subject, notes: a.notes, occurredAt: '2026-10-01T10:00:00.000Z',
        followUp: { title: a.followUp, dueAt: '2026-11-01T10:00:00.000Z' },
      }),
    );
  }
  return { companies, contacts, jobs, activities };
}

interface Tally {
  files: number;
  cells: number;
  hostile: number;
  live: { file: string; row: number; column: number; cell: string }[];
}

/** Reads one exported file as a spreadsheet and adds what it finds to the tally; returns its rows. */
function judge(path: string, tally: Tally, expectedRows: number | null, phoneColumns = false): string[][] {
  const rows = readAsSpreadsheet(readFileSync(path, 'utf8'));
  const [header, ...body] = rows;
  // A line break outside quotes would have split a record: every row keeps the header's width, none is added.
  if (expectedRows !== null) expect(body, path).toHaveLength(expectedRows);
  for (const row of body) expect(row, path).toHaveLength(header!.length);
  const phoneish = (h: string) => phoneColumns && /phone|fax|pager|isdn|telex|callback|tty/i.test(h);
  for (const live of liveCells(rows, phoneish)) tally.live.push({ file: path, ...live });
  tally.files += 1;
  for (const cell of body.flat()) {
    tally.cells += 1;
    const original = unneutralise(cell);
    if (isLive(original) || /[\r\n",;\t]/.test(original)) tally.hostile += 1;
  }
  return rows;
}

const column = (rows: string[][], name: string) => {
  const at = rows[0]!.indexOf(name);
  expect(at, name).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => unneutralise(r[at]!));
};
const sorted = (values: (string | null | undefined)[]) => values.map((v) => v ?? '').sort();

describe('no live formula in any CSV export', () => {
  it('knows every export channel: each writes CSV through the shared writer or is listed as not CSV', () => {
    const exporting = CHANNELS.filter((c) => /(^|\.)export/i.test(c));
    expect([...exporting].sort()).toEqual([...CSV_CHANNELS, ...Object.keys(OTHER_EXPORTS)].filter((c) => (CHANNELS as readonly string[]).includes(c)).sort());
  });

  it('every channel, every preset, table and report: 0 live cells, rows intact, values recovered', async () => {
    const tally: Tally = { files: 0, cells: 0, hostile: 0, live: [] };
    await fc.assert(
      fc.asyncProperty(seedShape, async (shape) => {
        const t = await openTestCore({ start: '2026-11-22T09:00:00.000Z' });
        const target = await openTestCore();
        try {
          const stored = await seed(t, shape);

          for (const preset of ExportPreset.options) {
            const out = await t.call('export.contacts', { format: 'csv', preset, bom: preset === 'rapport' });
            judge(out.path!, tally, out.count, preset !== 'rapport');
            if (preset !== 'rapport') continue;
            // Rapport's own CSV is lossless: importing it gives back the very contacts (neutralising undone).
            const report = await importFile(target, out.path!, 'create');
            expect(report.rejected).toEqual([]);
            const strip = ({ id: _i, companyId: _c, createdAt: _a, updatedAt: _u, ...rest }: Contact) => rest;
            const back = (await target.call('contacts.list', { limit: 200 })).items.map(strip);
            const key = (c: object) => JSON.stringify(c);
            expect(back.map(key).sort()).toEqual(stored.contacts.map(strip).map(key).sort());
          }

          for (const table of ['companies', 'jobs', 'activities'] as const) {
            const out = await t.call('export.table', { table });
            const rows = judge(out.path!, tally, out.count);
            // The file holds every value exactly, once the guard's apostrophe is taken off.
            if (table === 'companies') {
              expect(sorted(column(rows, 'Name'))).toEqual(sorted(stored.companies.map((c) => c.name)));
              expect(sorted(column(rows, 'Notes'))).toEqual(sorted(stored.companies.map((c) => c.notes)));
              expect(sorted(column(rows, 'Phone'))).toEqual(sorted(stored.companies.map((c) => c.phone)));
            } else if (table === 'jobs') {
              expect(sorted(column(rows, 'Title'))).toEqual(sorted(stored.jobs.map((j) => j.title)));
              expect(sorted(column(rows, 'Lost reason'))).toEqual(sorted(stored.jobs.map((j) => j.lostReason)));
            } else {
              expect(sorted(column(rows, 'Subject'))).toEqual(sorted(stored.activities.map((a) => a.subject)));
              expect(sorted(column(rows, 'Notes'))).toEqual(sorted(stored.activities.map((a) => a.notes)));
            }
          }

          // The jobs-by-a-choice-field drill-down needs its field; '' lists the jobs with no value (all of them here).
          const jobType = await t.call('fields.create', { recordType: 'job', label: 'Job type', type: 'choice', options: [{ label: 'Boiler' }] });
          for (const metric of ReportMetric.options) {
            const byField = metric === 'fieldJobs' ? { fieldId: jobType.id, option: '' } : {};
            const out = await t.call('reports.exportCsv', { ...YEAR, metric, ...byField });
            const rows = judge(out.path!, tally, out.rows);
            if (metric === 'activities') expect(sorted(column(rows, 'Subject'))).toEqual(sorted(stored.activities.map((a) => a.subject)));
            if (metric === 'overdueFollowUps') expect(column(rows, 'Follow-up').length).toBe(stored.activities.length);
          }

          // The catalogue, quotes and invoices (issue #23): hostile names, descriptions, titles and client names.
          const VAT20 = { taxRateId: '5a1e57a0-0000-4000-8000-000000000001', rateMilli: 20_000 };
          for (const [i, j] of shape.jobs.entries()) {
            await t.call('products.create', { name: j.title.trim() || `p${i}`, description: j.notes, category: j.lostReason.slice(0, 60), unitPriceE4: 1_000_000 * (i + 1) });
          }
          const products = await t.call('products.exportCsv', {});
          const catalogue = (await t.call('products.list', { limit: 200 })).items;
          const productRows = judge(products.path!, tally, catalogue.length);
          expect(sorted(column(productRows, 'Description'))).toEqual(sorted(catalogue.map((p) => p.description)));
          expect(sorted(column(productRows, 'Name'))).toEqual(sorted(catalogue.map((p) => p.name)));
          const job = stored.jobs[0]!;
          const quote = await t.call('quotes.create', {
            title: job.title, jobId: job.id,
            lines: shape.activities.map((a, i) => ({ kind: 'item' as const, description: a.subject.trim() || `line ${i}`, quantityMilli: 1000, unitPriceE4: 500_000, taxes: [VAT20] })),
          });
          const quotes = await t.call('quotes.exportCsv', {});
          judge(quotes.path!, tally, null);
          await t.call('quotes.send', { id: quote.id, markSentOnly: true });
          const invoice = await t.call('invoices.create', { jobId: job.id });
          await t.call('invoices.send', { id: invoice.id, markSentOnly: true });
          const invoices = await t.call('invoices.exportCsv', { ...YEAR });
          // The client's name (hostile) is on the invoice's row.
          expect(column(judge(invoices.path!, tally, null), 'Client').filter(Boolean)).toContain(stored.contacts.find((c) => c.id === job.contactId)!.displayName);

          // Export everything: a zip whose tables/*.csv and documents/index.csv are CSV too (unpacked by a real unzip).
          const all = await t.call('data.exportAll', {});
          const unpacked = tempDir('rapport-unzip-');
          try {
            execFileSync('unzip', ['-qq', all.path!, '-d', unpacked]);
            const csvs = readdirSync(unpacked, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.csv'));
            expect(csvs.length).toBeGreaterThan(all.tables - 1);
            for (const name of csvs) judge(join(unpacked, name), tally, null);
          } finally {
            rmSync(unpacked, { recursive: true, force: true });
          }
        } finally {
          t.destroy();
          target.destroy();
        }
      }),
      { numRuns: RUNS, endOnFailure: true }, // no shrinking: each try opens two stores
    );
    console.info(`csv exports: ${tally.files} files, ${tally.cells} cells, ${tally.hostile} hostile cells checked, ${tally.live.length} live`);
    expect(tally.live).toEqual([]);
    expect(tally.hostile).toBeGreaterThan(0);
  }, 60_000 + RUNS * 10_000);
});

describe('the shared writer', () => {
  const raw = fc.array(fc.constantFrom(...PIECES, '\u2028', '\0'), { maxLength: 6 }).map((p) => p.join(''));

  it('never writes a live cell or splits a row, with any delimiter, and unneutralise gives back each value', () => {
    let hostileCells = 0;
    fc.assert(
      fc.property(fc.array(raw, { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), (cells, delimiter, quoteAll) => {
        const rows = readAsSpreadsheet(csvLine(cells, delimiter, quoteAll), delimiter);
        expect(rows).toHaveLength(1);
        expect(rows[0]!.filter((cell) => isLive(cell))).toEqual([]);
        expect(rows[0]!.map(unneutralise)).toEqual(cells);
        hostileCells += cells.filter((c) => isLive(c) || /[\r\n",;\t]/.test(c)).length;
      }),
      { numRuns: 2000 },
    );
    console.info(`shared writer: ${hostileCells} hostile cells checked, 0 live`);
  });

  it('leaves only a pure phone number bare in a phone column, and guards the rest', () => {
    const phones = new Map([[0, 'phone' as const]]);
    const write = (value: string) => readAsSpreadsheet(csvLine([value], ',', false, phones))[0]![0]!;
    expect(write('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(write('+1 (617) 555-0100')).toBe('+1 (617) 555-0100');
    for (const abuse of ["+1+cmd|' /C calc'!A0", '+44 20 7946 0958\n=cmd', '+1\r=1', '+1 ext 2', '+1+2', '+12', '+44\t20 7946 0958', `+${'1'.repeat(21)}`, '+1,=2', '+(1)"=2"']) {
      expect(write(abuse), JSON.stringify(abuse)).toBe(`'${abuse}`);
      expect(PLAIN.phone(abuse)).toBe(false);
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PHONE_PIECES, '=', '@', '|', '!', 'A', ','), { minLength: 1, maxLength: 8 }).map((p) => p.join('')), (value) => {
        const cell = write(value);
        expect(isLive(cell, true)).toBe(false);
        expect(unneutralise(cell)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a plain number bare in a number column, and guards anything else there', () => {
    const numbers = new Map([[0, 'number' as const]]);
    const write = (value: string) => readAsSpreadsheet(csvLine([value], ',', false, numbers))[0]![0]!;
    expect(['-12.50', '0', '1250.05'].map(write)).toEqual(['-12.50', '0', '1250.05']);
    expect(['-1-1', '-1e9', '=1', '-1,5', ' -1'].map(write)).toEqual(["'-1-1", "'-1e9", "'=1", "'-1,5", "' -1"]);
  });
});
