// How alike two words are, for names typed twice by different people: Jaro-Winkler (typos near the end matter
// less than at the start), the optimal-string-alignment edit distance (a swapped pair of letters is one edit),
// and a sound key so "Muhammad"/"Mohammed" and "Kowalski"/"Covalski" meet in one block. Pure functions, no imports.

/** Jaro-Winkler similarity, 0 (nothing alike) to 1 (equal). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aMatch = new Uint8Array(la);
  const bMatch = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - range);
    const to = Math.min(lb - 1, i + range);
    for (let j = from; j <= to; j++) {
      if (bMatch[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatch[i] = 1;
      bMatch[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b; stops counting past `max` (returns max + 1). */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let cur = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[b.length]!, max + 1);
}

// Soundex classes, with the first letter coded too (so "Kowalski" and "Covalski" share a key).
const CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1', w: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3',
  l: '4',
  m: '5', n: '5',
  r: '6',
};

/**
 * A Soundex-like key of a folded word: spellings that sound alike get one key ("smith"/"smyth", "jurgen"/"juergen",
 * "tchaikovsky"/"chaikovsky"). Some letter groups are rewritten first, the way transliterations differ.
 */
export function soundKey(word: string): string {
  const w = word
    .replace(/[^a-z]/g, '')
    .replace(/^(tsch|tch|tsh)/, 'ch')
    .replace(/^(kh|gh)/, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/t[sz]/g, 'z')
    .replace(/sch/g, 'sh')
    .replace(/^x/, 's');
  if (!w) return '';
  const first = /[aeiouy]/.test(w[0]!) ? 'a' : (CODES[w[0]!] ?? 'h');
  let key = first;
  let last = CODES[w[0]!] ?? '';
  for (let i = 1; i < w.length && key.length < 4; i++) {
    const ch = w[i]!;
    const code = CODES[ch];
    if (code === undefined) {
      // A vowel separates two equal codes ("tt" is one, "tat" two); h does not.
      if (ch !== 'h') last = '';
      continue;
    }
    if (code !== last) key += code;
    last = code;
  }
  return key;
}
