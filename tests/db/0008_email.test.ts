// Migration 0008 on a file written at 0007: the outbox, its attachments, templates, campaigns and received
// attachments, with their rules (known statuses, unique Message-IDs, JSON columns, cascades).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;
let backupPath: string | null = null;

beforeAll(async () => {
  file = await openDbAt(7);
  sqlite = file.sqlite;
  backupPath = (await file.migrateTo(8)).backupPath;
});
afterAll(() => file.close());

const insert = (table: string, row: Record<string, unknown>) => file.insert(table, row);
const outbox = (id: string, fields: Record<string, unknown> = {}) =>
  insert('outbox', { id, message_id: `<${id}@x>`, status: 'queued', recipients: '{"to":[],"cc":[],"bcc":[]}', subject: 's', body: 'b', created_at: 't', updated_at: 't', ...fields });

describe('0008_email', () => {
  it('backs up the earlier file and creates STRICT tables', () => {
    expect(backupPath).toMatch(/before-0008_email\.sqlite$/);
    for (const table of ['outbox', 'outbox_attachments', 'email_templates', 'email_campaigns', 'email_received_attachments']) {
      expect(sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table)).toMatch(/STRICT$/);
    }
  });

  it('allows only known statuses, one row per Message-ID, JSON recipients', () => {
    outbox('m1');
    expect(() => outbox('m2', { status: 'lost' })).toThrow(/CHECK/);
    expect(() => outbox('m3', { message_id: '<m1@x>' })).toThrow(/UNIQUE/);
    expect(() => outbox('m4', { recipients: 'not json' })).toThrow(/CHECK/);
    expect(() => outbox('m5', { campaign_id: 'missing' })).toThrow(/FOREIGN KEY/);
  });

  it('keeps attachment bytes with their message and removes them with it', () => {
    insert('outbox_attachments', { outbox_id: 'm1', position: 0, filename: 'a.pdf', content: Buffer.from('pdf') });
    expect(() => insert('outbox_attachments', { outbox_id: 'missing', position: 0, filename: 'a', content: Buffer.from('x') })).toThrow(/FOREIGN KEY/);
    sqlite.prepare(`DELETE FROM outbox WHERE id = 'm1'`).run();
    expect(sqlite.prepare(`SELECT count(*) FROM outbox_attachments`).pluck().get()).toBe(0);
  });

  it('finds due messages through its partial index', () => {
    const plan = file.plan(`SELECT * FROM outbox WHERE status = 'waiting' AND next_attempt_at <= ?`, 'x');
    expect(plan).toMatch(/outbox_due/);
  });
});
