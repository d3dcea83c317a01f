// Contact rules: a contact needs a name or a company, linked to a company that exists; deletion goes to Trash.
// Every write is one transaction; db/contacts.repo.ts derives the display and sort names. No SQL, no `electron`.
import type { Kysely } from 'kysely';
import { NEEDS_A_NAME, type Contact } from '../../../shared/domain/contact';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findCompany } from '../../db/companies.repo';
import { findContact, insertContact, listContacts, setContactDeleted, toContact, updateContact, type ContactWrite } from '../../db/contacts.repo';
import type { DB } from '../../db/schema';
import { getSetting } from '../../db/settings.repo';
import type { ServiceDeps } from '../deps';
import { recordOptIns } from '../consent/mirror';
import { fieldDefinitions } from '../fields/definitions';
import { readCustom, saveCustom } from '../fields/record-custom';

const EMPTY: ContactWrite = {
  firstName: null,
  lastName: null,
  emails: [],
  phones: [],
  addresses: [],
  jobTitle: null,
  companyId: null,
  website: null,
  birthday: null,
  tags: [],
  notes: null,
  kind: 'customer', // a sole trader's contacts are mostly clients; the form makes the choice visible
  leadSource: null,
  emailOptIn: false, // consent to marketing email is never assumed
};

/** Applies an input onto fields: `undefined` keeps a value, `null` clears it. */
function merge(base: ContactWrite, input: Partial<{ [K in keyof ContactWrite]: ContactWrite[K] | null | undefined }>): ContactWrite {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || !(key in EMPTY)) continue;
    out[key] = value === null ? EMPTY[key as keyof ContactWrite] ?? null : value;
  }
  return out as ContactWrite;
}

async function companyNameFor(db: Kysely<DB>, companyId: string | null): Promise<string | null> {
  if (!companyId) return null;
  const company = await findCompany(db, companyId, []);
  if (!company || company.deletedAt) throw AppError.validation('companyId', 'No such company');
  return company.name;
}

/** Revenue filters compare in one currency, never mixed: the one asked for, else the default currency. */
export async function revenueCurrencyFor(db: Kysely<DB>, f: { revenueCurrency?: string | undefined; revenueAboveMinor?: number | undefined; revenueBelowMinor?: number | undefined }) {
  if (f.revenueCurrency || (f.revenueAboveMinor === undefined && f.revenueBelowMinor === undefined)) return f.revenueCurrency;
  return (await getSetting(db, 'defaultCurrency')) ?? 'GBP';
}

export function createContactsService({ db, clock, events, newId }: ServiceDeps) {
  const definitions = fieldDefinitions({ db, events });

  async function load(id: string, from: Kysely<DB> = db): Promise<Contact> {
    const contact = await findContact(from, id, await definitions.get('contact', from));
    if (!contact) throw AppError.notFound('Contact', id);
    return contact;
  }

  async function setDeleted(id: string, deleted: boolean): Promise<Contact> {
    const contact = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      if (!!current.deletedAt === deleted) return null; // already where it was asked to be
      const now = clock.now().toISOString();
      await setContactDeleted(trx, id, deleted ? now : null, now);
      return load(id, trx);
    });
    if (!contact) return load(id);
    events.emit('data.changed', { entity: 'contact', action: deleted ? 'deleted' : 'restored', ids: [id] });
    return contact;
  }

  return {
    get: load,

    async create(input: ChannelParsedInput<'contacts.create'>): Promise<Contact> {
      const id = newId();
      const created = await db.transaction().execute(async (trx) => {
        const fields = merge(EMPTY, input);
        const now = clock.now().toISOString();
        await insertContact(trx, id, fields, await companyNameFor(trx, fields.companyId), now);
        // Always checked, custom sent or not: defaults fill in and a required field must be given.
        const defs = await definitions.get('contact', trx);
        if (defs.length > 0 || input.custom) await saveCustom(trx, 'contact', id, input.custom, { partial: false, definitions: defs });
        // A "yes" on the form goes on the newsletter consent ledger (issue #21).
        if (fields.emailOptIn) await recordOptIns(trx, { clock, newId }, { source: 'form', evidence: null, contactIds: [id] });
        return load(id, trx);
      });
      events.emit('data.changed', { entity: 'contact', action: 'created', ids: [id] });
      return created;
    },

    async update(input: ChannelParsedInput<'contacts.update'>): Promise<Contact> {
      const { id, ...patch } = input;
      const updated = await db.transaction().execute(async (trx) => {
        const before = await load(id, trx);
        const fields = merge(before, patch);
        // The form's rule, except for a contact an import stored by its email or phone alone (issue #15): it may
        // be edited while it keeps one, but a contact that had a name cannot lose it.
        const shownByContact = !before.firstName && !before.lastName && !before.companyId && (fields.emails.length > 0 || fields.phones.length > 0);
        if (!fields.firstName && !fields.lastName && !fields.companyId && !shownByContact) throw AppError.validation('firstName', NEEDS_A_NAME);
        await updateContact(trx, id, fields, await companyNameFor(trx, fields.companyId), clock.now().toISOString());
        if (patch.custom) await saveCustom(trx, 'contact', id, patch.custom, { partial: true, definitions: await definitions.get('contact', trx) });
        if (fields.emailOptIn !== before.emailOptIn) await recordOptIns(trx, { clock, newId }, { source: 'form', evidence: null, contactIds: [id] });
        return load(id, trx);
      });
      events.emit('data.changed', { entity: 'contact', action: 'updated', ids: [id] });
      return updated;
    },

    delete: ({ id }: { id: string }) => setDeleted(id, true),
    restore: ({ id }: { id: string }) => setDeleted(id, false),

    async list(input: ChannelParsedInput<'contacts.list'>) {
      // The plain list (benchmarked) never waits for the settings read that only revenue filters need.
      const revenueCurrency = input.revenueAboveMinor === undefined && input.revenueBelowMinor === undefined ? input.revenueCurrency : await revenueCurrencyFor(db, input);
      const defs = await definitions.get('contact');
      const page = await listContacts(db, { ...input, revenueCurrency, fields: defs, now: clock.now() });
      // One read for the page's values, none when contacts have no fields (the plain list keeps its measured cost).
      const custom = defs.length === 0 ? null : await readCustom(db, 'contact', page.items.map((r) => r.id), defs);
      return { items: page.items.map((row) => toContact(row, custom?.get(row.id) ?? {})), total: page.total, nextCursor: page.nextCursor };
    },
  };
}
