// Import and export at 100,000 contacts, each against raw better-sqlite3 doing the same rows in the same run:
// import of a Google CSV vs one prepared INSERT per row in one transaction (pre-parsed rows, search and tags indexed
// in bulk at the end as the importer does per batch); export of every
// contact as Rapport CSV vs one statement iterated into the same layout (no paging, no output checks). Prints one JSON line per case.
// Memory is measured apart from timing: a child process that holds nothing but the core (as Electron main does)
// runs one import and reports its peak RSS, then another runs one export; the timing process also holds the bench's own rows.
// Run: tsx tests/bench/transfer.ts
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as esbuild from 'esbuild';
// @ts-expect-error the build script is plain JavaScript (no declarations); its options are checked by tests/electron/build.test.ts
import { electronBuildOptions } from '../../build/build-electron.mjs';
import { v7 as uuidv7 } from 'uuid';
import { DB_FILE, openCore } from '../../electron/core/app';
import { memoryLogger } from '../../electron/core/logger';
import { HARNESS_PICKS_FILE, harnessPlatform } from '../../electron/harness/platform';
import { csvLine } from '../../electron/core/csv-write';
import { GOOGLE_FIXED } from '../../electron/core/import-export/headers';
import { layoutFor, type GroupCounts } from '../../electron/core/import-export/presets';
import { toContact, type ContactRow } from '../../electron/db/contacts.repo';
import { call } from './call';
import { compare, round3 } from './measure';

const ROWS = Number(process.env.BENCH_TRANSFER_ROWS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_TRANSFER_ITERATIONS ?? 3);

interface Person {
  first: string;
  last: string;
  company: string;
  email: string;
  phone: string;
}

export function people(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    first: `Person${i % 997}`,
    last: `Surname${i}`,
    company: `Company ${i % 1000}`,
    email: `person${i}@example.com`,
    // Unique per person, or the duplicate matcher would (rightly) skip the repeats.
    phone: `+44 7${String(i).padStart(9, '0').replace(/(\d{3})(\d{6})$/, '$1 $2')}`,
  }));
}

export function writeGoogleCsv(file: string, rows: Person[]): void {
  const header = [...GOOGLE_FIXED, 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value'];
  const lines = [`\uFEFF${header.join(',')}`];
  for (const p of rows) {
    const cells: Record<string, string> = { 'First Name': p.first, 'Last Name': p.last, 'Organization Name': p.company, Labels: '* myContacts ::: Clients', Notes: 'Met at the fair, "keen"' };
    const fixed = GOOGLE_FIXED.map((h) => (cells[h]?.includes(',') ? `"${cells[h]!.replaceAll('"', '""')}"` : (cells[h] ?? '')));
    lines.push([...fixed, '* Work', p.email, 'Mobile', p.phone].join(','));
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

/** A data dir with every migration applied, so timing an import starts from an empty, ready store. */
export async function freshDataDir(root: string, name: string): Promise<string> {
  const dir = join(root, name);
  const core = await openCore({ dataDir: dir, logger: memoryLogger(), startReminders: false, platform: harnessPlatform(dir) });
  core.close();
  return dir;
}


/**
 * The peak RSS (MB) of a fresh process running one import of `csv` into `dataDir`, and of another exporting it all:
 * transfer-memory.ts bundled as Electron main is (electronBuildOptions), run on plain Node.
 */
async function childPeakRss(root: string, dataDir: string, csv: string): Promise<{ importMb: number; exportMb: number }> {
  const bundle = join(root, 'transfer-memory.cjs');
  const { main } = electronBuildOptions(root);
  await esbuild.build({ ...main, entryPoints: ['tests/bench/transfer-memory.ts'], outfile: bundle, sourcemap: false, external: ['better-sqlite3'] });
  const env = { ...process.env, NODE_PATH: join(main.absWorkingDir, 'node_modules') };
  const run = (...args: string[]) => Number(execFileSync(process.execPath, [bundle, ...args], { encoding: 'utf8', env }).trim().split('\n').pop());
  return { importMb: run('import', dataDir, csv), exportMb: run('export', dataDir) };
}

export async function benchTransfer(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'rapport-bench-transfer-'));
  try {
    const rows = people(ROWS);
    const csv = join(root, 'google.csv');
    writeGoogleCsv(csv, rows);

    // ---- import ----
    const appDirs: string[] = [];
    const rawDirs: string[] = [];
    for (let i = 0; i < ITERATIONS + 1; i++) {
      appDirs.push(await freshDataDir(root, `app-${i}`));
      rawDirs.push(await freshDataDir(root, `raw-${i}`));
    }
    let lastReport: { created: number } | null = null;
    const importApp = async () => {
      const dataDir = appDirs.shift()!;
      const core = await openCore({ dataDir, logger: memoryLogger(), startReminders: false, platform: harnessPlatform(dataDir) });
      try {
        writeFileSync(join(dataDir, HARNESS_PICKS_FILE), JSON.stringify([csv]));
        await call(core, 'files.pick', { purpose: 'import' });
        lastReport = await call(core, 'import.run', { path: csv, duplicates: 'skip' });
      } finally {
        core.close();
      }
    };
    const now = new Date().toISOString();
    const importRaw = () => {
      const db = new Database(join(rawDirs.shift()!, DB_FILE));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      const company = db.prepare(`INSERT INTO companies (id, name, sort_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
      const contact = db.prepare(`INSERT INTO contacts (id, first_name, last_name, display_name, sort_name, sort_last, emails, phones, search_details, company_id, tags, notes, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      // The same bulk indexing the importer uses (migration 0012): triggers stand down, two INSERT … SELECTs at the end.
      db.transaction(() => {
        db.prepare(`INSERT INTO bulk_insert (on_table) VALUES ('contacts')`).run();
        const companies = new Map<string, string>();
        for (const p of rows) {
          let companyId = companies.get(p.company);
          if (!companyId) {
            companyId = uuidv7();
            companies.set(p.company, companyId);
            company.run(companyId, p.company, p.company.toLowerCase(), now, now);
          }
          const display = `${p.first} ${p.last}`;
          contact.run(uuidv7(), p.first, p.last, display, display.toLowerCase(), `${p.last} ${p.first}`.toLowerCase(), JSON.stringify([{ value: p.email, label: 'Work' }]),
            JSON.stringify([{ value: p.phone, label: 'Mobile' }]), `${p.email} ${p.phone}`, companyId, '["Clients"]', 'Met at the fair, "keen"', now, now);
        }
        db.exec(`INSERT INTO contacts_fts (rowid, name, details, job_title, tags, notes) SELECT seq, name, details, job_title, tags, notes FROM contacts_search`);
        db.exec(`INSERT OR IGNORE INTO contact_tags (tag, contact_id) SELECT j.value, c.id FROM contacts c, json_each(c.tags) j`);
        db.exec(`DELETE FROM bulk_insert`);
      })();
      db.close();
    };
    const imported = await compare(importApp, importRaw, { warmup: 1, minIterations: ITERATIONS, maxIterations: ITERATIONS });
    const memory = await childPeakRss(root, await freshDataDir(root, 'memory'), csv);
    if (lastReport!.created !== ROWS) throw new Error(`import created ${lastReport!.created} of ${ROWS}`);
    console.log(
      JSON.stringify({
        case: `import ${ROWS.toLocaleString('en')}-row Google CSV`,
        appMedianMs: round3(imported.app.medianMs),
        rawMedianMs: round3(imported.raw.medianMs),
        ratio: round3(imported.app.medianMs / imported.raw.medianMs),
        rowsPerSecond: Math.round(ROWS / (imported.app.medianMs / 1000)),
        targetRowsPerSecond: 20_000,
        targetRatio: 3,
        mainProcessPeakMb: memory.importMb,
        targetRssMb: 300,
      }),
    );

    // ---- export (the store the last import filled) ----
    const dataDir = join(root, `app-${ITERATIONS}`);
    const core = await openCore({ dataDir, logger: memoryLogger(), startReminders: false, platform: harnessPlatform(dataDir) });
    const raw = new Database(join(dataDir, DB_FILE), { readonly: true });
    try {
      const exportApp = async () => {
        const out = await call(core, 'export.contacts', { format: 'csv' });
        if (out.path) rmSync(out.path, { force: true });
        if (out.count !== ROWS) throw new Error(`export wrote ${out.count} of ${ROWS}`);
      };
      // The same work by hand: one statement iterated, the same Rapport layout and quoting, no paging.
      const select = raw.prepare(`SELECT c.*, co.name AS company_name FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.deleted_at IS NULL ORDER BY c.sort_name, c.id`);
      const counts = raw.prepare(`SELECT max(json_array_length(emails)) AS emails, max(json_array_length(phones)) AS phones, max(json_array_length(addresses)) AS addresses FROM contacts WHERE deleted_at IS NULL`).get() as GroupCounts;
      const exportRaw = async () => {
        const layout = layoutFor('rapport', { emails: Math.max(1, counts.emails), phones: Math.max(1, counts.phones), addresses: Math.max(1, counts.addresses) });
        const file = join(root, 'raw-export.csv');
        const out = createWriteStream(file);
        let buffer = csvLine(layout.header);
        for (const r of select.iterate() as Iterable<ContactRow>) {
          buffer += csvLine(layout.row(toContact(r, {})));
          if (buffer.length > 1 << 16) {
            if (!out.write(buffer)) await once(out, 'drain');
            buffer = '';
          }
        }
        out.end(buffer);
        await once(out, 'finish');
        rmSync(file, { force: true });
      };
      const exported = await compare(exportApp, exportRaw, { warmup: 1, minIterations: 5, maxIterations: 5 });
      console.log(
        JSON.stringify({
          case: `export ${ROWS.toLocaleString('en')} contacts as CSV`,
          appMedianMs: round3(exported.app.medianMs),
          rawMedianMs: round3(exported.raw.medianMs),
          ratio: round3(exported.app.medianMs / exported.raw.medianMs),
          targetMs: 1500,
          targetRatio: 1.5,
          mainProcessPeakMb: memory.exportMb,
          targetRssMb: 300,
        }),
      );
    } finally {
      raw.close();
      core.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Only the memory figures (BENCH_TRANSFER_MEMORY_ONLY=1): a quick loop while working on the import's footprint. */
async function memoryOnly(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'rapport-bench-memory-'));
  try {
    const csv = join(root, 'google.csv');
    writeGoogleCsv(csv, people(ROWS));
    const memory = await childPeakRss(root, await freshDataDir(root, 'memory'), csv);
    console.log(JSON.stringify({ case: `peak RSS, ${ROWS.toLocaleString('en')}-row Google CSV`, importMb: memory.importMb, exportMb: memory.exportMb, targetRssMb: 300 }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  (process.env.BENCH_TRANSFER_MEMORY_ONLY ? memoryOnly : benchTransfer)().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
