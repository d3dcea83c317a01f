// Pairs joined into groups (union-find: A~B and B~C is one group of three), best group first, for the duplicates
// view. Pure: the repo gives the pairs and the members' lines.
import type { DuplicateGroup, DuplicateKind, DuplicateMember } from '../../../shared/domain/duplicates';
import type { StoredPair } from '../../db/duplicates.repo';

export function groupPairs(pairs: readonly StoredPair[]): StoredPair[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path halving keeps later finds short.
    for (let at = x; parent.get(at) !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const p of pairs) {
    if (!parent.has(p.a)) parent.set(p.a, p.a);
    if (!parent.has(p.b)) parent.set(p.b, p.b);
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, StoredPair[]>();
  for (const p of pairs) {
    const root = find(p.a);
    const group = groups.get(root);
    if (group) group.push(p);
    else groups.set(root, [p]);
  }
  // Pairs come best first, so each group's pairs do too, and its first pair is its score.
  return [...groups.values()].sort((x, y) => y[0]!.score - x[0]!.score || (x[0]!.a < y[0]!.a ? -1 : 1));
}

/** A group for the wire: members in the order its best pairs name them. */
export function toGroup(kind: DuplicateKind, pairs: StoredPair[], lines: Map<string, { displayName: string; detail: string | null }>): DuplicateGroup {
  const ids: string[] = [];
  for (const p of pairs) for (const id of [p.a, p.b]) if (!ids.includes(id)) ids.push(id);
  const members: DuplicateMember[] = ids.map((id) => ({ id, displayName: lines.get(id)?.displayName ?? '(no name)', detail: lines.get(id)?.detail ?? null }));
  return { kind, score: pairs[0]!.score, members, pairs: pairs.map((p) => ({ a: p.a, b: p.b, score: p.score, reasons: p.reasons })) };
}
