// Migration 0014 on a file written at 0013 with clients already there: client_jobs gains its contact's creation
// time and lead source (backfilled, then kept by triggers as clients appear and contacts change), and
// contacts_live_created is rebuilt to hold lead_source, so counting a period's new contacts per source finds each
// one's source in the index, while the contacts list keeps its (created_at, id) order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;
let backupPath: string | null = null;
let columnsBefore: string[];

// The lead-source figure's contacts part (reports.repo leadSources).
const COUNT_PER_SOURCE = `SELECT c.lead_source, count(*) FROM contacts c INDEXED BY contacts_live_created
  WHERE c.deleted_at IS NULL AND c.created_at >= ? AND c.created_at < ? GROUP BY c.lead_source`;
const countPlan = () => file.plan(COUNT_PER_SOURCE, '2025-01-01', '2026-01-01');
const contact = (id: string, createdAt: string, leadSource: string | null, deletedAt: string | null = null) =>
  file.insert('contacts', { id, display_name: id, sort_name: id, sort_last: id, lead_source: leadSource, created_at: createdAt, updated_at: 't', deleted_at: deletedAt });
const job = (id: string, contactId: string | null) =>
  file.insert('jobs', {
    id, title: id, sort_title: id, contact_id: contactId, stage_id: sqlite.prepare(`SELECT id FROM pipeline_stages WHERE name = 'Lead'`).pluck().get(),
    currency: 'GBP', rank: 1, stage_changed_at: 't', created_at: 't', updated_at: 't',
  });
const clients = () => file.rows('client_jobs', { columns: ['contact_id', 'live', 'jobs', 'created_at', 'lead_source'], orderBy: 'contact_id' });

beforeAll(async () => {
  file = await openDbAt(13);
  sqlite = file.sqlite;
  contact('c1', '2025-06-01T00:00:00.000Z', 'Referral');
  contact('c2', '2025-07-01T00:00:00.000Z', null);
  contact('c3', '2025-08-01T00:00:00.000Z', 'Flyer'); // no job yet: not a client
  contact('c4', '2025-09-01T00:00:00.000Z', 'Web', 't'); // in Trash, with a job
  job('j1', 'c1');
  job('j2', 'c1');
  job('j3', 'c2');
  job('j4', 'c4');
  job('j5', null);
  columnsBefore = file.columns('client_jobs');
  backupPath = (await file.migrateTo(14)).backupPath;
});
afterAll(() => file.close());

describe('0014_client_sources', () => {
  it('backs up the 0013 file and adds created_at and lead_source to client_jobs', () => {
    expect(backupPath).toMatch(/before-0014_client_sources\.sqlite$/);
    expect(columnsBefore).toEqual(['contact_id', 'live', 'jobs', 'won', 'paid']);
    expect(file.columns('client_jobs')).toEqual(['contact_id', 'live', 'jobs', 'won', 'paid', 'created_at', 'lead_source']);
  });

  it("backfills every client's creation time and lead source from its contact, trashed ones too", () => {
    expect(clients()).toEqual([
      { contact_id: 'c1', live: 1, jobs: 2, created_at: '2025-06-01T00:00:00.000Z', lead_source: 'Referral' },
      { contact_id: 'c2', live: 1, jobs: 1, created_at: '2025-07-01T00:00:00.000Z', lead_source: null },
      { contact_id: 'c4', live: 0, jobs: 1, created_at: '2025-09-01T00:00:00.000Z', lead_source: 'Web' },
    ]);
  });

  it('keeps them: a new client brings its contact\'s fields, and a contact\'s edits reach its client row', () => {
    job('j6', 'c3');
    sqlite.prepare(`UPDATE contacts SET lead_source = 'Flyer' WHERE id = 'c1'`).run();
    sqlite.prepare(`UPDATE contacts SET created_at = '2025-05-01T00:00:00.000Z', lead_source = 'Show' WHERE id = 'c2'`).run();
    sqlite.prepare(`UPDATE contacts SET deleted_at = NULL WHERE id = 'c4'`).run();
    expect(clients()).toEqual([
      { contact_id: 'c1', live: 1, jobs: 2, created_at: '2025-06-01T00:00:00.000Z', lead_source: 'Flyer' },
      { contact_id: 'c2', live: 1, jobs: 1, created_at: '2025-05-01T00:00:00.000Z', lead_source: 'Show' },
      { contact_id: 'c3', live: 1, jobs: 1, created_at: '2025-08-01T00:00:00.000Z', lead_source: 'Flyer' },
      { contact_id: 'c4', live: 1, jobs: 1, created_at: '2025-09-01T00:00:00.000Z', lead_source: 'Web' },
    ]);
  });

  it('rebuilds contacts_live_created with lead_source: the count per source searches it by period, the list keeps its order', () => {
    expect(sqlite.prepare(`SELECT name FROM pragma_index_info('contacts_live_created') ORDER BY seqno`).pluck().all()).toEqual(['created_at', 'id', 'lead_source']);
    expect(sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'contacts_live_created'`).pluck().get()).toMatch(/WHERE deleted_at IS NULL$/);
    // Not "COVERING": SQLite (3.54) still reads each row for the partial index's deleted_at term.
    expect(countPlan()).toContain('SEARCH c USING INDEX contacts_live_created (created_at>? AND created_at<?)');
    const newest = file.plan(`SELECT * FROM contacts c WHERE c.deleted_at IS NULL ORDER BY c.created_at DESC, c.id DESC LIMIT 51`);
    expect(newest).toContain('contacts_live_created');
    expect(newest).not.toContain('TEMP B-TREE');
  });
});
