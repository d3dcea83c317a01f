// merges.list (issue #20): merges newest first, each with the survivor's name now (or as it was, if it is gone), the
// merged-away records as they were named, and what moved, in the words people read ("activities", "documents").
import type { Kysely } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { listMerges as readMerges } from '../../db/merges.repo';
import { movedCounts } from '../../db/merges.moves.repo';
import { parseJsonColumn } from '../../db/json';
import type { DB } from '../../db/schema';
import { recordName } from './records';
import { wordFor } from './registry';

export async function listMerges(db: Kysely<DB>, input: ChannelParsedInput<'merges.list'>): Promise<ChannelOutput<'merges.list'>> {
  const rows = await readMerges(db, input);
  const items = [];
  for (const r of rows) {
    const moved: Record<string, number> = {};
    for (const { tbl, col, n } of await movedCounts(db, r.id)) {
      const word = wordFor(r.kind, tbl, col);
      if (word) moved[word] = (moved[word] ?? 0) + Number(n);
    }
    const before = parseJsonColumn<{ row?: Record<string, unknown> }>(r.survivorBefore, {});
    const survivorName = r.survivorName ?? (before.row ? recordName(r.kind, before.row) : '');
    items.push({ id: r.id, kind: r.kind, survivorId: r.survivorId, survivorName, merged: r.merged, moved, createdAt: r.createdAt, undoneAt: r.undoneAt });
  }
  return { items };
}
