// Company rules: a company needs a name; renaming it renames contacts shown under it; deletion goes
// to Trash and leaves its people where they are. Every write is one transaction. No SQL, no `electron`.
import type { Kysely } from 'kysely';
import type { Company } from '../../../shared/domain/contact';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findCompany, insertCompany, listCompanies, setCompanyDeleted, toCompany, updateCompany, type CompanyWrite } from '../../db/companies.repo';
import { renameNamelessContacts } from '../../db/contacts.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { fieldDefinitions } from '../fields/definitions';
import { readCustom, saveCustom } from '../fields/record-custom';

export function createCompaniesService({ db, clock, events, newId }: ServiceDeps) {
  const definitions = fieldDefinitions({ db, events });

  async function load(id: string, from: Kysely<DB> = db): Promise<Company> {
    const company = await findCompany(from, id, await definitions.get('company', from));
    if (!company) throw AppError.notFound('Company', id);
    return company;
  }

  async function setDeleted(id: string, deleted: boolean): Promise<Company> {
    const company = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      if (!!current.deletedAt === deleted) return null;
      const now = clock.now().toISOString();
      await setCompanyDeleted(trx, id, deleted ? now : null, now);
      return load(id, trx);
    });
    if (!company) return load(id);
    events.emit('data.changed', { entity: 'company', action: deleted ? 'deleted' : 'restored', ids: [id] });
    return company;
  }

  return {
    get: load,

    async create(input: ChannelParsedInput<'companies.create'>): Promise<Company> {
      const id = newId();
      const now = clock.now().toISOString();
      const created = await db.transaction().execute(async (trx) => {
        await insertCompany(trx, id, input, now);
        // Always checked, custom sent or not: defaults fill in and a required field must be given.
        const defs = await definitions.get('company', trx);
        if (defs.length > 0 || input.custom) await saveCustom(trx, 'company', id, input.custom, { partial: false, definitions: defs });
        return load(id, trx);
      });
      events.emit('data.changed', { entity: 'company', action: 'created', ids: [id] });
      return created;
    },

    async update(input: ChannelParsedInput<'companies.update'>): Promise<Company> {
      const { id, ...patch } = input;
      let renamed: string[] = [];
      const updated = await db.transaction().execute(async (trx) => {
        const current = await load(id, trx);
        const merged: CompanyWrite = {
          name: patch.name ?? current.name,
          website: patch.website === undefined ? current.website : patch.website,
          phone: patch.phone === undefined ? current.phone : patch.phone,
          address: patch.address === undefined ? current.address : patch.address,
          notes: patch.notes === undefined ? current.notes : patch.notes,
          tags: patch.tags ?? current.tags,
        };
        const now = clock.now().toISOString();
        await updateCompany(trx, id, merged, now);
        if (merged.name !== current.name) renamed = await renameNamelessContacts(trx, id, merged.name, now);
        if (patch.custom) await saveCustom(trx, 'company', id, patch.custom, { partial: true, definitions: await definitions.get('company', trx) });
        return load(id, trx);
      });
      events.emit('data.changed', { entity: 'company', action: 'updated', ids: [id] });
      if (renamed.length > 0) events.emit('data.changed', { entity: 'contact', action: 'updated', ids: renamed });
      return updated;
    },

    delete: ({ id }: { id: string }) => setDeleted(id, true),
    restore: ({ id }: { id: string }) => setDeleted(id, false),

    async list(input: ChannelParsedInput<'companies.list'>) {
      const defs = await definitions.get('company');
      const page = await listCompanies(db, { ...input, fields: defs });
      const custom = defs.length === 0 ? null : await readCustom(db, 'company', page.items.map((r) => r.id), defs);
      return { items: page.items.map((row) => toCompany(row, custom?.get(row.id) ?? {})), total: page.total, nextCursor: page.nextCursor };
    },
  };
}
