// The people an import compares its rows with, kept in a TEMP table of the import's own connection rather than in
// the JS heap: at 100,000 contacts their keys cost ~40 MB of heap (and as much again in garbage headroom), where
// this table is bounded by SQLite's page cache and vanishes when the connection closes. Slots grow in order and
// ids are time-ordered (UUIDv7), so inserts append. The key hashes stay in the heap (matcher.ts): small integers,
// read for every row. Imports no core.
import type { Sqlite } from './connection';

/** What the matcher stores: people by slot (the order they were added) with their packed keys. */
export interface MatchStore {
  /** The slot of `id`, adding it when new; its keys become `packed`. */
  put(id: string, packed: string): number;
  person(slot: number): { id: string; packed: string };
}

export function prepareMatchStore(sqlite: Sqlite): MatchStore {
  // A memory journal: the table is thrown away with the connection, and a file journal doubled its writes.
  sqlite.exec(`PRAGMA temp.cache_size = -16000; PRAGMA temp.journal_mode = MEMORY;
    CREATE TEMP TABLE IF NOT EXISTS match_people (slot INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, packed TEXT NOT NULL);
    DELETE FROM temp.match_people;`);
  const st = {
    slotOf: sqlite.prepare<[string], number>('SELECT slot FROM temp.match_people WHERE id = ?').pluck(),
    insert: sqlite.prepare<[string, string]>('INSERT INTO temp.match_people (id, packed) VALUES (?, ?)'),
    update: sqlite.prepare<[string, number]>('UPDATE temp.match_people SET packed = ? WHERE slot = ?'),
    person: sqlite.prepare<[number], { id: string; packed: string }>('SELECT id, packed FROM temp.match_people WHERE slot = ?'),
  };
  return {
    put(id, packed) {
      const slot = st.slotOf.get(id);
      if (slot === undefined) return Number(st.insert.run(id, packed).lastInsertRowid);
      st.update.run(packed, slot);
      return slot;
    },
    person(slot) {
      const row = st.person.get(slot);
      if (!row) throw new Error(`no person in match slot ${slot}`);
      return row;
    },
  };
}
