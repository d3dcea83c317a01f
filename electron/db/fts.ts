// Turns whatever a user typed into a safe FTS5 query: every word becomes a quoted prefix term, so
// `o'brien`, `*`, `AND`, `NEAR(` or a lone `"` are searched for, never parsed as FTS syntax.

const MAX_TERMS = 8;

/** Returns null when the text has no searchable word (then there is nothing to find). */
export function toFtsQuery(text: string): string | null {
  // NFKC first so a decomposed "é" stays one word, as the tokenizer (unicode61) sees it.
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, MAX_TERMS)
    .map((word) => `"${word}"*`)
    .join(' ');
}
