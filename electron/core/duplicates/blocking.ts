// Which records a scan compares: only those sharing a block key (records.ts blockKeys), never all with all, so
// 100,000 contacts cost a few million cheap comparisons rather than five billion. A block bigger than
// MAX_BLOCK (a switchboard number 300 people share, info@, a common surname) is not compared all against all on
// that key alone: its records are sorted by name and each is compared with its next WINDOW neighbours. Pairs that
// share something else as well still meet in that other, smaller block. Generators: the caller runs them in steps.
import { blockKeys, type DupRecord } from './records';

export const MAX_BLOCK = 40;
export const WINDOW = 6;

/** A 31-bit hash of a block key (FNV-1a, as import-export/matcher.ts): a number keys a Map far cheaper than a string. */
export function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 1;
}

/**
 * Block key hash -> its records' slots: one slot as a plain number (most keys, an email or a phone, are one record's),
 * several as an array. Two keys with one hash only share a block: every candidate is checked on its own values.
 */
export interface Blocks {
  members: Map<number, number | number[]>;
  /** How many records hold `key` (a switchboard's count tells it from a person's line). */
  count(key: string): number;
}

/** Puts every record in its blocks; yields now and then so a caller in steps can give the event loop a turn. */
export function* buildBlocks(records: readonly DupRecord[]): Generator<void, Blocks> {
  const members = new Map<number, number | number[]>();
  for (let i = 0; i < records.length; i++) {
    for (const key of blockKeys(records[i]!)) {
      const hash = hashKey(key);
      const slots = members.get(hash);
      if (slots === undefined) members.set(hash, i);
      else if (typeof slots === 'number') {
        // A record's keys are distinct but for a rare swapped key equal to its own: never twice in one block.
        if (slots !== i) members.set(hash, [slots, i]);
      } else if (slots[slots.length - 1] !== i) slots.push(i);
    }
    if ((i & 255) === 255) yield;
  }
  return {
    members,
    count(key) {
      const slots = members.get(hashKey(key));
      return slots === undefined ? 0 : typeof slots === 'number' ? 1 : slots.length;
    },
  };
}

// Namesakes at one company sit side by side in a big block's window.
const sortKey = (r: DupRecord) => `${r.family ?? ''} ${r.company ?? ''} ${r.given ?? ''} ${r.orgName ?? ''}`;

/**
 * Each candidate pair (slots a and b of `records`) to `visit`; a pair sharing several blocks comes once per block
 * (the caller keeps one: far cheaper than remembering millions of pairs here). Yields every thousand visits.
 */
export function* candidatePairs(records: readonly DupRecord[], blocks: Blocks, visit: (a: number, b: number) => void, onBlock?: () => void): Generator<void, number> {
  let work = 0;
  let visits = 0;
  const keys: (string | undefined)[] = new Array(records.length);
  const keyOf = (slot: number) => (keys[slot] ??= sortKey(records[slot]!));
  for (const slots of blocks.members.values()) {
    onBlock?.();
    if (typeof slots === 'number') continue;
    const big = slots.length > MAX_BLOCK;
    const order = big ? [...slots].sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : keyOf(x) > keyOf(y) ? 1 : x - y)) : slots;
    for (let i = 0; i < order.length; i++) {
      const until = big ? Math.min(order.length, i + 1 + WINDOW) : order.length;
      for (let j = i + 1; j < until; j++) visit(order[i]!, order[j]!);
      work += until - i - 1;
      // Within a block too: a window over a 50,000-record block is one long loop otherwise.
      if (work > 1000) {
        visits += work;
        work = 0;
        yield;
      }
    }
  }
  return visits + work;
}
