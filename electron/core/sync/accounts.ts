// Sync accounts (issue #24 item 1): discovery, adding with the collections chosen (or made), editing, removing, and
// the status the window shows. The password goes only to the platform's secret store; rows never hold it.
import type { SyncAccount, SyncAccountStatus, SyncCollection, SyncDiscovery } from '../../../shared/domain/sync';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { accountRow, accountRows, collectionRows, conflictCounts, deleteAccount, deleteCollections, insertAccount, updateAccount, upsertCollection, unreadableItems, type AccountRow, type CollectionRow } from '../../db/sync.repo';
import type { ServiceDeps } from '../deps';
import type { SecretStore } from '../platform';
import { DavError, type DavCollection, type DavDiscovery } from './dav-transport';
import { passwordKey, type SyncEngine } from './engine';

/** A collection as the window shows it: the server's name, else the last part of its path. */
const view = (c: Pick<DavCollection, 'href' | 'kind' | 'displayName' | 'components'>): SyncCollection => ({
  href: c.href,
  kind: c.kind,
  displayName: c.displayName || c.href.split('/').filter(Boolean).pop() || c.href,
  components: c.components,
});

const rowView = (c: CollectionRow): SyncCollection =>
  view({ href: c.href, kind: c.kind, displayName: c.display_name, components: JSON.parse(c.components) as SyncCollection['components'] });

/** Apple and Google take vCard 3.0 only; everyone else gets 4.0. */
const vcardVersionFor = (serverUrl: string): '3.0' | '4.0' => (/(^|\.)(icloud\.com|google\.com|googleusercontent\.com)$/i.test(new URL(serverUrl).hostname) ? '3.0' : '4.0');

export function createAccounts(deps: ServiceDeps, secrets: SecretStore, engine: SyncEngine) {
  const { db, clock, newId } = deps;

  async function discoverWith(serverUrl: string, username: string, password: string): Promise<DavDiscovery> {
    // The contract's pattern cannot parse a URL (shared/ has no URL); one that still does not parse is the user's to fix.
    if (!URL.canParse(serverUrl)) throw AppError.validation('serverUrl', 'Enter the server address as https://… (for example https://cloud.example.com)');
    const transport = engine.transportFor({ server_url: serverUrl, username }, password);
    try {
      return await transport.discover();
    } catch (error) {
      if (error instanceof DavError) throw AppError.validation(error.kind === 'auth' ? 'password' : 'serverUrl', error.message);
      throw error;
    }
  }

  async function passwordFor(input: { password?: string; accountId?: string }): Promise<string> {
    const stored = input.accountId ? secrets.get(passwordKey(input.accountId)) : null;
    const password = input.password ?? stored;
    if (!password) throw AppError.validation('password', 'Enter the password (or an app password)');
    return password;
  }

  async function toView(row: AccountRow): Promise<SyncAccount> {
    const collections = await collectionRows(db, row.id);
    const role = (flag: 'role_contacts' | 'role_events' | 'role_tasks') => collections.find((c) => c[flag] === 1);
    const one = (c: CollectionRow | undefined) => (c ? rowView(c) : null);
    return {
      id: row.id, name: row.name, serverUrl: row.server_url, username: row.username,
      hasPassword: secrets.get(passwordKey(row.id)) !== null,
      secretStore: { backend: secrets.backend, secure: secrets.secure },
      addressBook: one(role('role_contacts')), eventsCalendar: one(role('role_events')), tasksCalendar: one(role('role_tasks')),
      calendars: collections.filter((c) => c.kind === 'calendar').map(rowView),
      enabled: row.enabled === 1, createdAt: row.created_at,
    };
  }

  /** The collections an account syncs, from the choices; a chosen href the server does not offer is refused by name. */
  async function saveCollections(account: AccountRow, found: DavDiscovery, choice: { addressBook: string | null; eventsCalendar: string | null; tasksCalendar: string | null; calendars: string[] }): Promise<void> {
    const pick = (href: string | null, list: DavCollection[], field: string) => {
      if (href === null) return null;
      const c = list.find((x) => x.href === href);
      if (!c) throw AppError.validation(field, 'The server does not offer this one any more. Find them again.');
      return c;
    };
    const book = pick(choice.addressBook, found.addressBooks, 'addressBook');
    const events = pick(choice.eventsCalendar, found.calendars, 'eventsCalendar');
    const tasks = pick(choice.tasksCalendar, found.calendars, 'tasksCalendar');
    const calendars = new Map<string, DavCollection>();
    for (const c of [events, tasks, ...choice.calendars.map((h, i) => pick(h, found.calendars, `calendars.${i}`))]) if (c) calendars.set(c.href, c);
    const wanted = [...(book ? [book] : []), ...calendars.values()];
    await db.transaction().execute(async (trx) => {
      await deleteCollections(trx, account.id, wanted.map((c) => c.href));
      for (const c of wanted) {
        await upsertCollection(trx, {
          id: newId(), account_id: account.id, href: c.href, kind: c.kind, display_name: c.displayName, components: JSON.stringify(c.components),
          role_contacts: c === book ? 1 : 0, role_events: c.href === events?.href ? 1 : 0, role_tasks: c.href === tasks?.href ? 1 : 0,
          sync_token: null, ctag: c.ctag, supports_sync: c.supportsSync ? 1 : 0, last_full_sync_at: null,
        });
      }
    });
  }

  async function withCreated(found: DavDiscovery, serverUrl: string, username: string, password: string, input: { createAddressBook?: string; createCalendar?: string }) {
    const transport = engine.transportFor({ server_url: serverUrl, username }, password);
    const made: { addressBook?: string; calendar?: string } = {};
    if (input.createAddressBook) {
      if (!found.addressBookHome) throw AppError.validation('createAddressBook', 'This server has no place for new address books. Choose an existing one.');
      const c = await transport.createCollection(found.addressBookHome, { kind: 'addressbook', name: `rapport-${newId().slice(-8)}`, displayName: input.createAddressBook });
      found.addressBooks.push(c);
      made.addressBook = c.href;
    }
    if (input.createCalendar) {
      if (!found.calendarHome) throw AppError.validation('createCalendar', 'This server has no place for new calendars. Choose an existing one.');
      const c = await transport.createCollection(found.calendarHome, { kind: 'calendar', name: `rapport-${newId().slice(-8)}`, displayName: input.createCalendar, components: ['VEVENT', 'VTODO'] });
      found.calendars.push(c);
      made.calendar = c.href;
    }
    return made;
  }

  return {
    async discover(input: ChannelParsedInput<'sync.discover'>): Promise<SyncDiscovery> {
      const found = await discoverWith(input.serverUrl, input.username, await passwordFor(input));
      return { addressBooks: found.addressBooks.map(view), calendars: found.calendars.map(view), canCreateAddressBook: found.addressBookHome !== null, canCreateCalendar: found.calendarHome !== null };
    },

    async list(): Promise<{ accounts: SyncAccount[] }> {
      return { accounts: await Promise.all((await accountRows(db)).map(toView)) };
    },

    async add(input: ChannelParsedInput<'sync.accounts.add'>): Promise<SyncAccount> {
      const found = await discoverWith(input.serverUrl, input.username, input.password);
      const made = await withCreated(found, input.serverUrl, input.username, input.password, input);
      const fills = (slot: 'events' | 'tasks') => input.createCalendarFor?.includes(slot) ?? true;
      const now = clock.now().toISOString();
      const row: AccountRow = {
        id: newId(), name: input.name || new URL(input.serverUrl).hostname, server_url: input.serverUrl, username: input.username,
        vcard_version: vcardVersionFor(input.serverUrl), enabled: 1, last_sync_at: null, last_error: null, failures: 0, next_attempt_at: null, created_at: now, updated_at: now,
      };
      await insertAccount(db, row);
      secrets.set(passwordKey(row.id), input.password);
      try {
        await saveCollections(row, found, {
          addressBook: made.addressBook ?? input.addressBook,
          eventsCalendar: input.eventsCalendar ?? (fills('events') ? made.calendar : null) ?? null,
          tasksCalendar: input.tasksCalendar ?? (fills('tasks') ? made.calendar : null) ?? null,
          calendars: input.calendars,
        });
      } catch (error) {
        await deleteAccount(db, row.id);
        secrets.delete(passwordKey(row.id));
        throw error;
      }
      deps.events.emit('data.changed', { entity: 'sync', action: 'created', ids: [row.id] });
      return toView(row);
    },

    async update(input: ChannelParsedInput<'sync.accounts.update'>): Promise<SyncAccount> {
      const row = await accountRow(db, input.id);
      if (!row) throw AppError.notFound('Sync account', input.id);
      const password = input.password ?? secrets.get(passwordKey(row.id));
      const changesCollections = input.addressBook !== undefined || input.eventsCalendar !== undefined || input.tasksCalendar !== undefined || input.calendars !== undefined;
      if (changesCollections || input.password !== undefined) {
        if (!password) throw AppError.validation('password', 'Enter the password (or an app password)');
        const found = await discoverWith(row.server_url, row.username, password);
        if (changesCollections) {
          const current = await toView(row);
          await saveCollections(row, found, {
            addressBook: input.addressBook !== undefined ? input.addressBook : (current.addressBook?.href ?? null),
            eventsCalendar: input.eventsCalendar !== undefined ? input.eventsCalendar : (current.eventsCalendar?.href ?? null),
            tasksCalendar: input.tasksCalendar !== undefined ? input.tasksCalendar : (current.tasksCalendar?.href ?? null),
            calendars: input.calendars ?? current.calendars.map((c) => c.href),
          });
        }
        if (input.password !== undefined) secrets.set(passwordKey(row.id), input.password);
      }
      await updateAccount(db, row.id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
        ...(input.password !== undefined ? { failures: 0, next_attempt_at: null, last_error: null } : {}),
        updated_at: clock.now().toISOString(),
      });
      deps.events.emit('data.changed', { entity: 'sync', action: 'updated', ids: [row.id] });
      return toView((await accountRow(db, row.id))!);
    },

    async remove(id: string): Promise<{ ok: true }> {
      if (!(await accountRow(db, id))) throw AppError.notFound('Sync account', id);
      await deleteAccount(db, id);
      secrets.delete(passwordKey(id));
      deps.events.emit('data.changed', { entity: 'sync', action: 'deleted', ids: [id] });
      return { ok: true };
    },

    async status(input: { pending?: boolean | undefined }): Promise<{ accounts: SyncAccountStatus[] }> {
      const counts = await conflictCounts(db);
      const rows = await accountRows(db);
      return {
        accounts: await Promise.all(rows.map(async (row) => ({
          accountId: row.id, name: row.name,
          state: row.enabled === 0 ? 'paused' : (engine.state(row.id) ?? (row.last_error ? 'error' : 'idle')),
          lastSyncAt: row.last_sync_at, lastError: row.last_error,
          pendingChanges: input.pending ? await engine.pending(row.id) : null,
          conflicts: counts.get(row.id) ?? 0,
          nextAttemptAt: row.next_attempt_at,
          unreadable: (await unreadableItems(db, row.id)).map((u) => ({ item: decodeURIComponent(u.href.split('/').pop() ?? u.href), reason: u.problem })),
        }))),
      };
    },
  };
}
