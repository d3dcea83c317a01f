// Migration 0022 on a file written at 0021 with opted-in and not opted-in contacts: the old flag becomes the first
// event of the newsletter ledger for exactly the opted-in; the ledger refuses UPDATE always and DELETE unless
// `erasing` names the contact; the default purposes and retention rules are there; the privacy salt is random hex.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;

beforeAll(async () => {
  file = await openDbAt(21);
  const contact = (id: string, optIn: 0 | 1, updatedAt: string) => ({
    id, display_name: id, sort_name: id, sort_last: id, email_opt_in: optIn, created_at: '2025-01-01T00:00:00.000Z', updated_at: updatedAt,
  });
  file.insert('contacts', [contact('ann', 1, '2026-03-03T10:00:00.000Z'), contact('bob', 0, '2026-04-01T10:00:00.000Z'), contact('cat', 1, '2026-05-05T10:00:00.000Z')]);
  backupPath = (await file.migrateTo(22)).backupPath;
});
afterAll(() => file.close());

const NEWSLETTER = '0b5c7e2a-6f0d-4c1e-9a3b-2d1f00000001';

describe('0022_privacy', () => {
  it('backs up the 0021 file and gives exactly the opted-in a newsletter "given" event, dated when they last changed', () => {
    expect(backupPath).toMatch(/before-0022_privacy\.sqlite$/);
    const events = file.rows('consent_events', { columns: ['contact_id', 'purpose_id', 'action', 'source', 'captured_at'], orderBy: 'contact_id' });
    expect(events).toEqual([
      { contact_id: 'ann', purpose_id: NEWSLETTER, action: 'given', source: 'migration', captured_at: '2026-03-03T10:00:00.000Z' },
      { contact_id: 'cat', purpose_id: NEWSLETTER, action: 'given', source: 'migration', captured_at: '2026-05-05T10:00:00.000Z' },
    ]);
    // The flag itself stays: it is the newsletter state the rest of the app reads.
    expect(file.rows('contacts', { columns: ['id', 'email_opt_in'], orderBy: 'id' })).toEqual([
      { id: 'ann', email_opt_in: 1 },
      { id: 'bob', email_opt_in: 0 },
      { id: 'cat', email_opt_in: 1 },
    ]);
  });

  it('has the default purposes, the two retention rules and a 64-hex-character privacy salt', () => {
    expect(file.rows('consent_purposes', { columns: ['key', 'channel', 'archived'], orderBy: 'position' })).toEqual([
      { key: 'newsletter', channel: 'email', archived: 0 },
      { key: 'offers-email', channel: 'email', archived: 0 },
      { key: 'offers-phone', channel: 'phone', archived: 0 },
      { key: 'offers-post', channel: 'post', archived: 0 },
    ]);
    expect(file.rows('retention_rules', { columns: ['applies_to', 'from_date', 'months', 'enabled'], orderBy: 'position' })).toEqual([
      { applies_to: 'prospect', from_date: 'lastContacted', months: 36, enabled: 1 },
      { applies_to: 'formerClient', from_date: 'lastJob', months: 72, enabled: 1 },
    ]);
    const salt = file.sqlite.prepare(`SELECT value FROM settings WHERE key = 'privacySalt'`).pluck().get() as string;
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to change or delete a ledger row, and deletes one only while `erasing` names its contact', () => {
    const run = (statement: string) => () => file.sqlite.prepare(statement).run();
    expect(run(`UPDATE consent_events SET action = 'withdrawn' WHERE contact_id = 'ann'`)).toThrow(/cannot be changed, only added to/);
    expect(run(`DELETE FROM consent_events WHERE contact_id = 'ann'`)).toThrow(/cannot be changed, only added to/);
    // Another contact being erased does not open Ann's history.
    file.insert('erasing', { contact_id: 'cat' });
    expect(run(`DELETE FROM consent_events WHERE contact_id = 'ann'`)).toThrow(/cannot be changed, only added to/);
    expect(run(`UPDATE consent_events SET action = 'withdrawn' WHERE contact_id = 'cat'`)).toThrow(/cannot be changed, only added to/);
    run(`DELETE FROM consent_events WHERE contact_id = 'cat'`)();
    run(`DELETE FROM erasing`)();
    expect(file.rows('consent_events', { columns: ['contact_id'] })).toEqual([{ contact_id: 'ann' }]);
    // Appending is always allowed.
    file.insert('consent_events', {
      id: 'e2', contact_id: 'bob', purpose_id: NEWSLETTER, action: 'given', basis: 'consent', source: 'form', captured_at: 't', recorded_at: 't',
    });
    expect(file.rows('consent_events', { columns: ['contact_id'], orderBy: 'contact_id' })).toEqual([{ contact_id: 'ann' }, { contact_id: 'bob' }]);
  });
});
