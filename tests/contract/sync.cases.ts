// Contract cases for sync's channels (issue #24; see channels.test.ts). The valid calls talk to a real Radicale on
// loopback started here; the conflict to resolve is a "deleted here, changed on the server" card made directly in
// the store, resolved by deleting (the server no longer has the item, so nothing else is touched).
import { afterAll } from 'vitest';
import type { SyncChannel } from '../../shared/ipc/sync.channels';
import { startDavServer, type DavServer } from '../helpers/dav-servers';
import type { FeatureCases } from './cases';
import { long } from './cases';

let server: DavServer | null = null;
let login = { serverUrl: '', username: '', password: '' };
let keepId = '';
let removeId = '';
let conflictId = '';
const none = { addressBook: null, eventsCalendar: null, tasksCalendar: null, calendars: [] };

afterAll(async () => {
  await server?.stop();
});

export const syncCases: FeatureCases<SyncChannel> = {
  async setup({ t }) {
    server = await startDavServer('radicale');
    login = { serverUrl: server.url, ...server.credentials };
    keepId = (await t.call('sync.accounts.add', { ...login, ...none, name: 'Kept', createAddressBook: 'Contract contacts' })).id;
    removeId = (await t.call('sync.accounts.add', { ...login, ...none, name: 'Removed' })).id;
    const collection = t.core.store.sqlite.prepare('SELECT id, href FROM sync_collections WHERE account_id = ?').get(keepId) as { id: string; href: string };
    const gone = `${collection.href}gone.vcf`;
    conflictId = '0193b3f0-0000-7000-8000-00000000c0f1';
    t.core.store.sqlite.prepare(`INSERT INTO sync_objects (collection_id, href, etag, uid, record_kind, local_id, base_text, local_hash, state, updated_at)
      VALUES (?, ?, '"1"', 'gone', 'contact', '', 'BEGIN:VCARD\r\nFN:Gone\r\nEND:VCARD\r\n', '', 'conflict', '2026-11-22T09:00:00.000Z')`).run(collection.id, gone);
    t.core.store.sqlite.prepare(`INSERT INTO sync_conflicts (id, collection_id, href, record_kind, local_id, kind, base_text, local_text, remote_text, remote_etag, fields, created_at)
      VALUES (?, ?, ?, 'contact', NULL, 'deletedHere', NULL, NULL, 'BEGIN:VCARD\r\nFN:Gone\r\nEND:VCARD\r\n', '"1"', '[]', '2026-11-22T09:00:00.000Z')`).run(conflictId, collection.id, gone);
  },
  cases: {
    'sync.accounts.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'sync.accounts.add': {
      valid: () => ({ ...login, ...none, name: 'Another' }),
      invalid: [
        [() => ({ ...login, ...none, serverUrl: 'cloud.example.com' }), 'serverUrl'],
        [() => ({ ...login, ...none, serverUrl: long(501) }), 'serverUrl'],
        [() => ({ ...login, ...none, username: '' }), 'username'],
        [() => ({ ...login, ...none, password: '' }), 'password'],
        [() => ({ ...login, ...none, addressBook: 'contacts' }), 'addressBook'],
        [() => ({ ...login, ...none, calendars: [7] }), 'calendars.0'],
        [() => ({ ...login, ...none, colour: 'red' }), '(input)'],
      ],
    },
    'sync.accounts.update': {
      valid: () => ({ id: keepId, name: 'Office server', enabled: true }),
      invalid: [
        [() => ({ id: 'kept' }), 'id'],
        [() => ({ id: keepId, name: '' }), 'name'],
        [() => ({ id: keepId, enabled: 'yes' }), 'enabled'],
        [() => ({ id: keepId, password: '' }), 'password'],
      ],
    },
    'sync.accounts.remove': { valid: () => ({ id: removeId }), invalid: [[() => ({ id: 3 }), 'id']] },
    'sync.discover': {
      valid: () => login,
      invalid: [
        [() => ({ ...login, serverUrl: 'ftp://example.com' }), 'serverUrl'],
        [() => ({ ...login, serverUrl: 'http://U^*' }), 'serverUrl'], // passes the contract's pattern, fails URL parsing (the fuzz found it)
        [() => ({ ...login, username: long(201) }), 'username'],
        [() => ({ ...login, accountId: 'mine' }), 'accountId'],
      ],
    },
    'sync.now': { valid: () => ({ accountId: keepId }), invalid: [[() => ({ accountId: 'all' }), 'accountId']] },
    'sync.status': { valid: () => ({ pending: true }), invalid: [[() => ({ accountId: keepId }), '(input)'], [() => ({ pending: 'yes' }), 'pending']] },
    'sync.conflicts.list': { valid: () => ({ accountId: keepId }), invalid: [[() => ({ accountId: '' }), 'accountId']] },
    'sync.conflicts.resolve': {
      valid: () => ({ id: conflictId, action: 'delete' }),
      invalid: [
        [() => ({ id: 'c1', action: 'delete' }), 'id'],
        [() => ({ id: conflictId, action: 'both' }), 'action'],
        [() => ({ id: conflictId, choices: { TEL: 'mine' } }), 'choices.TEL'],
      ],
    },
  },
};
