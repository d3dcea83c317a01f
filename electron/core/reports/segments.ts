// Saved segments: create, rename or re-filter, delete, list with live counts, and count any filter. A name
// is unique (case-insensitive) so the navigation never shows two alike. No `electron` import.
import type { Kysely } from 'kysely';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import { Segment, SegmentFilter } from '../../../shared/domain/segment';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { countContacts } from '../../db/contacts.repo';
import type { DB } from '../../db/schema';
import { deleteSegment, findSegment, insertSegment, listSegments, segmentNamed, updateSegment, type StoredSegment } from '../../db/reports.segments.repo';
import { revenueCurrencyFor } from '../contacts/contacts';
import type { ServiceDeps } from '../deps';
import { fieldDefinitions } from '../fields/definitions';
import { customDefinitions } from '../fields/record-custom';

/**
 * How many live contacts a filter matches right now (the same conditions as contacts.list). `fields`: the contact
 * field definitions when the caller has them; read here only when the filter has custom conditions.
 */
export async function countFilter(db: Kysely<DB>, filter: SegmentFilter, now: Date, fields?: readonly FieldDefinition[]): Promise<number> {
  const defs = filter.custom?.length ? (fields ?? (await customDefinitions(db, 'contact'))) : [];
  return countContacts(db, { ...filter, revenueCurrency: await revenueCurrencyFor(db, filter), fields: defs, trashed: false, now });
}

/** A stored filter read back; one that no longer validates (a newer rule) counts as no filter rather than breaking the list. */
function storedFilter(row: StoredSegment): SegmentFilter {
  const parsed = SegmentFilter.safeParse(JSON.parse(row.filter));
  return parsed.success ? parsed.data : {};
}

export function createSegments({ db, clock, events, newId }: ServiceDeps) {
  const definitions = fieldDefinitions({ db, events });
  const count = async (from: Kysely<DB>, filter: SegmentFilter) =>
    countFilter(from, filter, clock.now(), filter.custom?.length ? await definitions.get('contact', from) : undefined);

  /** `saving`: the filter was just sent, so a condition on an unknown field is the sender's error (VALIDATION). */
  async function toSegment(row: StoredSegment, from: Kysely<DB> = db, saving = false): Promise<Segment> {
    const filter = storedFilter(row);
    return { id: row.id, name: row.name, filter, count: await (saving ? count(from, filter) : storedCount(from, filter)), createdAt: row.createdAt, updatedAt: row.updatedAt };
  }

  /**
   * A saved segment's count. A custom condition can go stale after it was saved (its field deleted, or its type
   * changed to one the operator does not suit): such a segment matches no one rather than breaking the list.
   */
  async function storedCount(from: Kysely<DB>, filter: SegmentFilter): Promise<number> {
    try {
      return await count(from, filter);
    } catch (error) {
      if (filter.custom?.length && error instanceof AppError && error.code === 'VALIDATION') return 0;
      throw error;
    }
  }

  async function assertFreeName(trx: Kysely<DB>, name: string, id: string | null) {
    if (await segmentNamed(trx, name, id)) throw AppError.validation('name', 'A segment with this name exists already');
  }

  return {
    async create(input: ChannelParsedInput<'segments.create'>): Promise<Segment> {
      const id = newId();
      const segment = await db.transaction().execute(async (trx) => {
        await assertFreeName(trx, input.name, null);
        const now = clock.now().toISOString();
        await insertSegment(trx, { id, name: input.name, filter: JSON.stringify(input.filter), createdAt: now, updatedAt: now });
        return toSegment((await findSegment(trx, id))!, trx, true);
      });
      events.emit('data.changed', { entity: 'segment', action: 'created', ids: [id] });
      return segment;
    },

    async update(input: ChannelParsedInput<'segments.update'>): Promise<Segment> {
      const segment = await db.transaction().execute(async (trx) => {
        const row = await findSegment(trx, input.id);
        if (!row) throw AppError.notFound('Segment', input.id);
        const name = input.name ?? row.name;
        await assertFreeName(trx, name, row.id);
        const filter = input.filter ? JSON.stringify(input.filter) : row.filter;
        await updateSegment(trx, row.id, { name, filter, updatedAt: clock.now().toISOString() });
        return toSegment((await findSegment(trx, row.id))!, trx, true);
      });
      events.emit('data.changed', { entity: 'segment', action: 'updated', ids: [input.id] });
      return segment;
    },

    /** Deleted for good: a segment is a saved search, not data; recreating it is one click from the contacts list. */
    async delete({ id }: { id: string }): Promise<{ id: string }> {
      if ((await deleteSegment(db, id)) === 0) throw AppError.notFound('Segment', id);
      events.emit('data.changed', { entity: 'segment', action: 'deleted', ids: [id] });
      return { id };
    },

    async list(): Promise<{ items: Segment[] }> {
      const rows = await listSegments(db);
      const items: Segment[] = [];
      for (const row of rows) items.push(await toSegment(row));
      return { items };
    },

    async count({ filter }: ChannelParsedInput<'segments.count'>): Promise<{ count: number }> {
      return { count: await count(db, filter) };
    },
  };
}
