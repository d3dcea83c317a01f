// Whether two given names can be one person's ("Bob"/"Robert", "Peggy"/"Margaret", "Bobby"/"Bob"), from the
// vendored list (nicknames.data.ts). Two names are related when one line names both: the name and a nickname, or
// two nicknames of one name. Never through two lines, or "Paul"-"Polly"-"Paula" would make Paul and Paula one.
import { NICKNAMES_CSV } from './nicknames.data';

let lines: Map<string, number[]> | undefined;
let rows: string[][] = [];
const initialsCache = new Map<string, string>();

/** name -> the numbers of the lines it is on, built on first use. */
function index(): Map<string, number[]> {
  if (lines) return lines;
  lines = new Map();
  rows = NICKNAMES_CSV.split('\n').map((line) => [...new Set(line.split(',').map((s) => s.trim()).filter(Boolean))]);
  rows.forEach((row, n) => {
    for (const name of row) {
      const on = lines!.get(name);
      if (on) on.push(n);
      else lines!.set(name, [n]);
    }
  });
  return lines;
}

/** Folded given names; true when a line of the list holds both (and they differ). */
export function nicknameRelated(a: string, b: string): boolean {
  if (a === b) return false;
  const on = index().get(a);
  if (!on) return false;
  const other = index().get(b);
  return !!other && on.some((n) => other.includes(n));
}

/** The first letters of the names a folded given name can stand for, its own first ("bob" -> "br"): blocking keys. */
export function relatedInitials(name: string): string {
  let initials = initialsCache.get(name);
  if (initials !== undefined) return initials;
  const letters = new Set([name[0] ?? '']);
  for (const n of index().get(name) ?? []) for (const other of rows[n]!) letters.add(other[0]!);
  initials = [...letters].join('');
  if (initialsCache.size < 50_000) initialsCache.set(name, initials);
  return initials;
}
