// The data domain's SQL for the first run: whether the store holds anything yet, which records are the sample
// data (their ids, kept in `settings`), and removing exactly those for good. Never imports core or `electron`.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';
import { getSetting, setSetting } from './settings.repo';

const SAMPLE_KEY = 'data.sampleRecords';
const WELCOME_KEY = 'data.welcomeDismissed';

/** The ids of the records "Explore with sample data" added, by table. */
export interface SampleIds {
  companies: string[];
  contacts: string[];
  jobs: string[];
  activities: string[];
  tasks: string[];
  appointments: string[];
}

export type SampleTable = keyof SampleIds;
const TABLES: readonly SampleTable[] = ['companies', 'contacts', 'jobs', 'activities', 'tasks', 'appointments'];

/** True while no record of any kind exists, not even in the Trash. */
export async function storeIsEmpty(db: Kysely<DB>): Promise<boolean> {
  const found = await sql<{ found: number }>`SELECT
      EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM companies) OR EXISTS (SELECT 1 FROM jobs)
      OR EXISTS (SELECT 1 FROM activities) OR EXISTS (SELECT 1 FROM tasks) OR EXISTS (SELECT 1 FROM appointments) AS found`.execute(db);
  return found.rows[0]?.found === 0;
}

export async function readSampleIds(db: Kysely<DB>): Promise<SampleIds | null> {
  const raw = await getSetting(db, SAMPLE_KEY);
  if (raw === null) return null;
  const parsed = JSON.parse(raw) as Partial<SampleIds>;
  return Object.fromEntries(TABLES.map((t) => [t, Array.isArray(parsed[t]) ? parsed[t] : []])) as unknown as SampleIds;
}

export async function writeSampleIds(db: Kysely<DB>, ids: SampleIds): Promise<void> {
  await setSetting(db, SAMPLE_KEY, JSON.stringify(ids));
}

export async function welcomeDismissed(db: Kysely<DB>): Promise<boolean> {
  return (await getSetting(db, WELCOME_KEY)) === '1';
}

export async function dismissWelcome(db: Kysely<DB>): Promise<void> {
  await setSetting(db, WELCOME_KEY, '1');
}

/** Dates a follow-up already past due and marks it reminded, in one statement (no reminder for made-up work). */
export async function setDueAndReminded(db: Kysely<DB>, id: string, dueAt: string, remindedAt: string): Promise<void> {
  await db.updateTable('tasks').set({ due_at: dueAt, reminded_at: remindedAt }).where('id', '=', id).execute();
}

/** Which of the ids still name a row (live or in the Trash), by table. */
export async function presentSampleIds(db: Kysely<DB>, ids: SampleIds): Promise<SampleIds> {
  const present = { companies: [], contacts: [], jobs: [], activities: [], tasks: [], appointments: [] } as SampleIds;
  for (const table of TABLES) {
    if (ids[table].length === 0) continue;
    const rows = await db.selectFrom(table).select('id').where('id', 'in', ids[table]).execute();
    present[table] = rows.map((r) => r.id);
  }
  return present;
}

/**
 * Deletes the sample rows for good, children first, in one transaction, and forgets the list. Triggers keep the
 * search index and report summaries in step; foreign keys take what hangs on a sample contact (activities and
 * follow-ups logged on it) and unlink records of the user's own that pointed at one (a job, an appointment).
 */
export async function deleteSampleRecords(db: Kysely<DB>, ids: SampleIds): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of ['tasks', 'activities', 'appointments', 'jobs', 'contacts', 'companies'] as const) {
      if (ids[table].length > 0) await trx.deleteFrom(table).where('id', 'in', ids[table]).execute();
    }
    await trx.deleteFrom('settings').where('key', '=', SAMPLE_KEY).execute();
  });
}
