// The import's duplicate index, kept in TEMP tables of the import's own connection rather than in the JS heap: at
// 100,000 contacts an in-memory index cost ~80 MB of heap (and as much again in garbage headroom), where these
// tables are bounded by SQLite's page cache and vanish when the connection closes. Keys are 31-bit hashes: a
// collision only adds a candidate, which the matcher checks on the full keys. Imports no core.
import type { Sqlite } from './connection';

/** What the matcher stores: people by slot (the order they were added) with their packed keys, and key hashes. */
export interface MatchStore {
  /** The slot of `id`, adding it when new; its keys become `packed`. */
  put(id: string, packed: string): number;
  /** Files `slot` under a key; a key keeps its first `limit` slots (a switchboard number is not searched further). */
  addKey(kind: number, hash: number, slot: number): void;
  /** The slots filed under a key, oldest first. */
  slots(kind: number, hash: number): number[];
  person(slot: number): { id: string; packed: string };
}

export function prepareMatchStore(sqlite: Sqlite, limit: number): MatchStore {
  // The temp schema gets a small cache of its own: the index is read by key, not scanned.
  sqlite.exec(`PRAGMA temp.cache_size = -4000;
    CREATE TEMP TABLE IF NOT EXISTS match_people (slot INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, packed TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS match_keys (kind INTEGER NOT NULL, hash INTEGER NOT NULL, slot INTEGER NOT NULL, PRIMARY KEY (kind, hash, slot)) WITHOUT ROWID;
    DELETE FROM temp.match_people; DELETE FROM temp.match_keys;`);
  const st = {
    slotOf: sqlite.prepare<[string], number>('SELECT slot FROM temp.match_people WHERE id = ?').pluck(),
    insert: sqlite.prepare<[string, string]>('INSERT INTO temp.match_people (id, packed) VALUES (?, ?)'),
    update: sqlite.prepare<[string, number]>('UPDATE temp.match_people SET packed = ? WHERE slot = ?'),
    count: sqlite.prepare<[number, number], number>('SELECT count(*) FROM temp.match_keys WHERE kind = ? AND hash = ?').pluck(),
    addKey: sqlite.prepare<[number, number, number]>('INSERT OR IGNORE INTO temp.match_keys (kind, hash, slot) VALUES (?, ?, ?)'),
    slots: sqlite.prepare<[number, number, number], number>('SELECT slot FROM temp.match_keys WHERE kind = ? AND hash = ? ORDER BY slot LIMIT ?').pluck(),
    person: sqlite.prepare<[number], { id: string; packed: string }>('SELECT id, packed FROM temp.match_people WHERE slot = ?'),
  };
  return {
    put(id, packed) {
      const slot = st.slotOf.get(id);
      if (slot === undefined) return Number(st.insert.run(id, packed).lastInsertRowid);
      st.update.run(packed, slot);
      return slot;
    },
    addKey(kind, hash, slot) {
      if (st.count.get(kind, hash)! < limit) st.addKey.run(kind, hash, slot);
    },
    slots: (kind, hash) => st.slots.all(kind, hash, limit),
    person(slot) {
      const row = st.person.get(slot);
      if (!row) throw new Error(`no person in match slot ${slot}`);
      return row;
    },
  };
}
