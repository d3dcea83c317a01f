// Migration 0025 on a file written at 0024 with a contact: the contact is untouched and nothing syncs until an
// account is added; an item's UID is unique within its collection (what makes a second copy impossible); removing an
// account takes its collections, items and conflict cards with it; states and kinds are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;
const NOW = '2026-12-06T10:00:00.000Z';

beforeAll(async () => {
  file = await openDbAt(24);
  file.insert('contacts', { id: 'ann', display_name: 'Ann', sort_name: 'ann', sort_last: 'ann', created_at: NOW, updated_at: NOW });
  backupPath = (await file.migrateTo(25)).backupPath;
});
afterAll(() => file.close());

const object = (href: string, uid: string, extra: Record<string, unknown> = {}) =>
  file.insert('sync_objects', { collection_id: 'book', href, etag: '"1"', uid, record_kind: 'contact', local_id: 'ann', base_text: 'BEGIN:VCARD', local_hash: 'h', updated_at: NOW, ...extra });

describe('0025_sync', () => {
  it('backs up the 0024 file; contacts keep their data and there is no account yet', () => {
    expect(backupPath).toMatch(/before-0025_sync\.sqlite$/);
    expect(file.rows('contacts', { columns: ['id', 'display_name'] })).toEqual([{ id: 'ann', display_name: 'Ann' }]);
    expect(file.rows('sync_accounts', { columns: ['id'] })).toEqual([]);
  });

  it('keeps one item per UID in a collection, checks kinds and states, and removing an account takes everything of it', () => {
    file.insert('sync_accounts', { id: 'acct', name: 'Home', server_url: 'https://dav.example.com/', username: 'me', created_at: NOW, updated_at: NOW });
    expect(file.rows('sync_accounts', { columns: ['vcard_version', 'enabled', 'failures'] })).toEqual([{ vcard_version: '4.0', enabled: 1, failures: 0 }]);
    file.insert('sync_collections', { id: 'book', account_id: 'acct', href: '/me/contacts/', kind: 'addressbook', display_name: 'Contacts', role_contacts: 1 });
    expect(() => file.insert('sync_collections', { id: 'book2', account_id: 'acct', href: '/me/contacts/', kind: 'addressbook', display_name: 'Again' })).toThrow(/UNIQUE/);
    expect(() => file.insert('sync_collections', { id: 'x', account_id: 'nobody', href: '/x/', kind: 'addressbook', display_name: 'X' })).toThrow(/FOREIGN KEY/);
    object('/me/contacts/ann.vcf', 'ann');
    expect(() => object('/me/contacts/ann-again.vcf', 'ann')).toThrow(/UNIQUE/);
    expect(() => object('/me/contacts/bob.vcf', 'bob', { record_kind: 'company' })).toThrow(/CHECK/);
    expect(() => object('/me/contacts/bob.vcf', 'bob', { state: 'dirty' })).toThrow(/CHECK/);
    file.insert('sync_conflicts', { id: 'card', collection_id: 'book', href: '/me/contacts/ann.vcf', record_kind: 'contact', local_id: 'ann', kind: 'bothEdited', created_at: NOW });
    expect(() => file.insert('sync_conflicts', { id: 'card2', collection_id: 'book', href: '/me/contacts/ann.vcf', record_kind: 'contact', local_id: 'ann', kind: 'bothEdited', created_at: NOW })).toThrow(/UNIQUE/);
    file.sqlite.prepare(`DELETE FROM sync_accounts WHERE id = 'acct'`).run();
    for (const table of ['sync_collections', 'sync_objects', 'sync_conflicts']) expect(file.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    expect(file.rows('contacts', { columns: ['id'] })).toEqual([{ id: 'ann' }]);
  });
});
