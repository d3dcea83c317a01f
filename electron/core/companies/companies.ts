// Company rules: a company needs a name; renaming it renames contacts shown under it; deletion goes
// to Trash and leaves its people where they are. Every write is one transaction. No `electron` import.
import type { Kysely } from 'kysely';
import type { Company } from '../../../shared/domain/contact';
import { dedupeTags, foldForSort } from '../../../shared/domain/text';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findCompany, insertCompany, listCompanies, toCompany, updateCompany } from '../../db/companies.repo';
import { renameNamelessContacts } from '../../db/contacts.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';

type CompanyInput = ChannelParsedInput<'companies.create'>;

function toRow(fields: CompanyInput) {
  return {
    name: fields.name,
    sort_name: foldForSort(fields.name),
    website: fields.website ?? null,
    phone: fields.phone ?? null,
    address: fields.address ? JSON.stringify(fields.address) : null,
    notes: fields.notes ?? null,
    tags: JSON.stringify(dedupeTags(fields.tags ?? [])),
  };
}

export function createCompaniesService({ db, clock, events, newId }: ServiceDeps) {
  async function load(id: string, from: Kysely<DB> = db): Promise<Company> {
    const row = await findCompany(from, id);
    if (!row) throw AppError.notFound('Company', id);
    return toCompany(row);
  }

  async function setDeleted(id: string, deleted: boolean): Promise<Company> {
    const company = await db.transaction().execute(async (trx) => {
      const current = await load(id, trx);
      if (!!current.deletedAt === deleted) return null;
      const now = clock.now().toISOString();
      await updateCompany(trx, id, { deleted_at: deleted ? now : null, updated_at: now });
      return load(id, trx);
    });
    if (!company) return load(id);
    events.emit('data.changed', { entity: 'company', action: deleted ? 'deleted' : 'restored', ids: [id] });
    return company;
  }

  return {
    get: load,

    async create(input: CompanyInput): Promise<Company> {
      const id = newId();
      const now = clock.now().toISOString();
      await db.transaction().execute((trx) => insertCompany(trx, { ...toRow(input), id, created_at: now, updated_at: now, deleted_at: null }));
      events.emit('data.changed', { entity: 'company', action: 'created', ids: [id] });
      return load(id);
    },

    async update(input: ChannelParsedInput<'companies.update'>): Promise<Company> {
      const { id, ...patch } = input;
      let renamed: string[] = [];
      const updated = await db.transaction().execute(async (trx) => {
        const current = await load(id, trx);
        const merged: CompanyInput = {
          name: patch.name ?? current.name,
          website: patch.website === undefined ? current.website : patch.website,
          phone: patch.phone === undefined ? current.phone : patch.phone,
          address: patch.address === undefined ? current.address : patch.address,
          notes: patch.notes === undefined ? current.notes : patch.notes,
          tags: patch.tags ?? current.tags,
        };
        const now = clock.now().toISOString();
        const row = toRow(merged);
        await updateCompany(trx, id, { ...row, updated_at: now });
        if (merged.name !== current.name) renamed = await renameNamelessContacts(trx, id, row.name, row.sort_name, now);
        return load(id, trx);
      });
      events.emit('data.changed', { entity: 'company', action: 'updated', ids: [id] });
      if (renamed.length > 0) events.emit('data.changed', { entity: 'contact', action: 'updated', ids: renamed });
      return updated;
    },

    delete: ({ id }: { id: string }) => setDeleted(id, true),
    restore: ({ id }: { id: string }) => setDeleted(id, false),

    async list(input: ChannelParsedInput<'companies.list'>) {
      const page = await listCompanies(db, input);
      return { items: page.items.map(toCompany), total: page.total, nextCursor: page.nextCursor };
    },
  };
}
