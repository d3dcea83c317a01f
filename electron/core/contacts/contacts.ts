// Contact rules: a contact needs a name or a company; names are derived for display and sorting;
// deletion goes to Trash. Every write is one transaction. No `electron` import.
import type { Kysely } from 'kysely';
import { NEEDS_A_NAME, type Contact } from '../../../shared/domain/contact';
import { contactDisplayName, dedupeTags, foldForSort, phoneDigits } from '../../../shared/domain/text';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findCompany } from '../../db/companies.repo';
import { findContact, insertContact, listContacts, toContact, updateContact, type ContactInsert } from '../../db/contacts.repo';
import { getSetting } from '../../db/jobs.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';

type Fields = Omit<Contact, 'id' | 'displayName' | 'companyName' | 'lastContactedAt' | 'nextTaskDueAt' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

const EMPTY: Fields = {
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
function merge(base: Fields, input: Partial<{ [K in keyof Fields]: Fields[K] | null | undefined }>): Fields {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || !(key in EMPTY)) continue;
    out[key] = value === null ? EMPTY[key as keyof Fields] ?? null : value;
  }
  return out as Fields;
}

function toRow(fields: Fields, companyName: string | null): Omit<ContactInsert, 'id' | 'created_at' | 'updated_at' | 'deleted_at'> {
  const displayName = contactDisplayName({ ...fields, companyName });
  const byLast = [fields.lastName, fields.firstName].filter(Boolean).join(' ') || displayName;
  return {
    first_name: fields.firstName,
    last_name: fields.lastName,
    display_name: displayName,
    sort_name: foldForSort(displayName),
    sort_last: foldForSort(byLast),
    emails: JSON.stringify(fields.emails),
    phones: JSON.stringify(fields.phones),
    search_details: [...fields.emails.map((e) => e.value), ...fields.phones.flatMap((p) => [p.value, phoneDigits(p.value)])].join(' '),
    addresses: JSON.stringify(fields.addresses),
    job_title: fields.jobTitle,
    company_id: fields.companyId,
    website: fields.website,
    birthday: fields.birthday,
    tags: JSON.stringify(dedupeTags(fields.tags)),
    notes: fields.notes,
    kind: fields.kind,
    lead_source: fields.leadSource,
    email_opt_in: fields.emailOptIn ? 1 : 0,
  };
}

async function companyNameFor(db: Kysely<DB>, companyId: string | null): Promise<string | null> {
  if (!companyId) return null;
  const company = await findCompany(db, companyId);
  if (!company || company.deleted_at) throw AppError.validation('companyId', 'No such company');
  return company.name;
}

/** Revenue filters compare in one currency, never mixed: the one asked for, else the default currency. */
export async function revenueCurrencyFor(db: Kysely<DB>, f: { revenueCurrency?: string | undefined; revenueAboveMinor?: number | undefined; revenueBelowMinor?: number | undefined }) {
  if (f.revenueCurrency || (f.revenueAboveMinor === undefined && f.revenueBelowMinor === undefined)) return f.revenueCurrency;
  return (await getSetting(db, 'defaultCurrency')) ?? 'GBP';
}

export function createContactsService({ db, clock, events, newId }: ServiceDeps) {
  async function load(id: string, from: Kysely<DB> = db): Promise<Contact> {
    const row = await findContact(from, id);
    if (!row) throw AppError.notFound('Contact', id);
    return toContact(row);
  }

  async function setDeleted(id: string, deleted: boolean): Promise<Contact> {
    const contact = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      if (!!current.deletedAt === deleted) return null; // already where it was asked to be
      const now = clock.now().toISOString();
      await updateContact(trx, id, { deleted_at: deleted ? now : null, updated_at: now });
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
        const row = toRow(fields, await companyNameFor(trx, fields.companyId));
        await insertContact(trx, { ...row, id, created_at: now, updated_at: now, deleted_at: null });
        return load(id, trx);
      });
      events.emit('data.changed', { entity: 'contact', action: 'created', ids: [id] });
      return created;
    },

    async update(input: ChannelParsedInput<'contacts.update'>): Promise<Contact> {
      const { id, ...patch } = input;
      const updated = await db.transaction().execute(async (trx) => {
        const fields = merge(await load(id, trx), patch);
        if (!fields.firstName && !fields.lastName && !fields.companyId) throw AppError.validation('firstName', NEEDS_A_NAME);
        const row = toRow(fields, await companyNameFor(trx, fields.companyId));
        await updateContact(trx, id, { ...row, updated_at: clock.now().toISOString() });
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
      const page = await listContacts(db, { ...input, revenueCurrency, now: clock.now() });
      return { items: page.items.map(toContact), total: page.total, nextCursor: page.nextCursor };
    },
  };
}
