// A record type's field definitions, read once and kept until a field changes (issue #19): every contact or company
// read needs them (if there are none, no values are read at all), and the plain list must not pay a query for that.
// Cleared by the fields service's 'data.changed' (entity 'field') and by a whole restore from a backup.
import type { Kysely } from 'kysely';
import type { FieldDefinition, FieldRecordType } from '../../../shared/domain/custom-fields';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { customDefinitions } from './record-custom';

export interface FieldDefinitions {
  /**
   * The type's live fields, archived included. Inside a transaction pass it as `from`: a read on the main connection
   * would wait for that very transaction. Only reads outside one are kept (a transaction's may yet roll back).
   */
  get(recordType: FieldRecordType, from?: Kysely<DB>): Promise<readonly FieldDefinition[]>;
}

const perStore = new WeakMap<Kysely<DB>, FieldDefinitions>();

/** The one cache of an opened store (every service of one core shares it, and its one event subscription). */
export function fieldDefinitions({ db, events }: Pick<ServiceDeps, 'db' | 'events'>): FieldDefinitions {
  const existing = perStore.get(db);
  if (existing) return existing;
  const kept = new Map<FieldRecordType, readonly FieldDefinition[]>();
  // A read that started before a change must not store what it read after the change cleared the cache.
  let generation = 0;
  events.subscribe((name, payload) => {
    const p = payload as { entity?: string; phase?: string };
    if ((name === 'data.changed' && p.entity === 'field') || (name === 'backups.progress' && p.phase === 'restored')) {
      generation++;
      kept.clear();
    }
  });
  const cache: FieldDefinitions = {
    async get(recordType, from = db) {
      const hit = kept.get(recordType);
      if (hit) return hit;
      const started = generation;
      const read = await customDefinitions(from, recordType);
      if (from === db && started === generation) kept.set(recordType, read);
      return read;
    },
  };
  perStore.set(db, cache);
  return cache;
}
