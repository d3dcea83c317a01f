// Quote and invoice numbers (issue #23): a pattern such as `Q-{YYYY}-{NNNN}`, the next number in a series, and the
// revision suffix. Main gives the number inside the transaction that sends the document, so a failed send leaves no
// gap; this file only says what the number looks like. Imports shared/ only.
import type { FieldIssue } from '../ipc/errors';

export const DEFAULT_QUOTE_PATTERN = 'Q-{YYYY}-{NNNN}';
export const DEFAULT_INVOICE_PATTERN = 'INV-{YYYY}-{NNNN}';
const MAX_PATTERN_LENGTH = 40;
/** The number becomes part of PDF file names and e-mail subjects: no characters a file system refuses. */
const FILE_NAME_UNSAFE = /[/\\:*?"<>|]/;
const TOKEN = /\{([^{}]*)\}/g;

type Token = { kind: 'text'; text: string } | { kind: 'year4' } | { kind: 'year2' } | { kind: 'seq'; width: number };

/** The pattern as tokens, or the first thing wrong with it in the app's words. */
function parse(pattern: string): { tokens: Token[] } | { error: string } {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    if (match.index > last) tokens.push({ kind: 'text', text: pattern.slice(last, match.index) });
    const name = match[1]!;
    if (name === 'YYYY') tokens.push({ kind: 'year4' });
    else if (name === 'YY') tokens.push({ kind: 'year2' });
    else if (/^N{1,10}$/.test(name)) tokens.push({ kind: 'seq', width: name.length });
    else return { error: `{${name}} is not a part Rapport knows: use {YYYY}, {YY} or {NNNN} (one N per digit)` };
    last = match.index + match[0].length;
  }
  if (last < pattern.length) tokens.push({ kind: 'text', text: pattern.slice(last) });
  if (tokens.some((t) => t.kind === 'text' && /[{}]/.test(t.text))) return { error: 'A brace is not closed: parts are written {YYYY}, {YY} or {NNNN}' };
  return { tokens };
}

/**
 * What is wrong with a numbering pattern, in the app's words (path `pattern`); [] when it is fine. A yearly reset
 * needs the year in the number, or `Q-0001` would be given again every January.
 */
export function checkNumberPattern(pattern: string, resetYearly: boolean): FieldIssue[] {
  const issue = (message: string): FieldIssue[] => [{ path: 'pattern', message }];
  if (pattern.trim() === '') return issue('Enter a pattern, such as Q-{YYYY}-{NNNN}');
  if (pattern.length > MAX_PATTERN_LENGTH) return issue(`A pattern has at most ${MAX_PATTERN_LENGTH} characters`);
  if (pattern !== pattern.trim()) return issue('A pattern cannot start or end with a space');
  if (FILE_NAME_UNSAFE.test(pattern)) return issue('A pattern cannot contain / \\ : * ? " < > or |, because the number names the PDF file');
  const parsed = parse(pattern);
  if ('error' in parsed) return issue(parsed.error);
  const seqs = parsed.tokens.filter((t) => t.kind === 'seq').length;
  if (seqs === 0) return issue('A pattern needs a place for the running number, such as {NNNN}');
  if (seqs > 1) return issue('A pattern has one running number: remove the extra {N…}');
  if (resetYearly && !parsed.tokens.some((t) => t.kind === 'year4' || t.kind === 'year2')) {
    return issue('Numbers that start again each year need {YYYY} or {YY} in the pattern, or the same number would be given twice');
  }
  return [];
}

/**
 * A number from its pattern: formatNumber('Q-{YYYY}-{NNNN}', { year: 2026, seq: 7 }) -> 'Q-2026-0007'. The running
 * number is padded to the width of its N's and grows past it rather than being cut (sequence 12345 in {NNNN} is
 * '12345'), so two numbers never collide. Throws on a pattern `checkNumberPattern` refuses.
 */
export function formatNumber(pattern: string, at: { year: number; seq: number }): string {
  const parsed = parse(pattern);
  if ('error' in parsed) throw new Error(parsed.error);
  if (!Number.isSafeInteger(at.seq) || at.seq < 1) throw new Error('The running number starts at 1');
  if (!Number.isInteger(at.year) || at.year < 1000 || at.year > 9999) throw new Error('The year has four digits');
  return parsed.tokens
    .map((t) => {
      if (t.kind === 'text') return t.text;
      if (t.kind === 'year4') return String(at.year);
      if (t.kind === 'year2') return String(at.year % 100).padStart(2, '0');
      return String(at.seq).padStart(t.width, '0');
    })
    .join('');
}

/**
 * The next place in a series: 1 for the first, 1 again in a new year when the series starts yearly, else one more.
 * `lastIssued` is the series' last given number (null when none yet): a draft never takes one.
 */
export function nextNumber(lastIssued: { year: number; seq: number } | null, year: number, resetYearly: boolean): { year: number; seq: number } {
  if (lastIssued === null) return { year, seq: 1 };
  // A clock set back a year must not start the earlier year's numbers again: they were given already.
  const y = Math.max(year, lastIssued.year);
  if (resetYearly && y !== lastIssued.year) return { year: y, seq: 1 };
  return { year: y, seq: lastIssued.seq + 1 };
}

/** A revised quote keeps its number with a suffix: revision 1 is the number itself, then Q-2026-0007-R2, -R3… */
export function revisionNumber(number: string, revision: number): string {
  if (!Number.isSafeInteger(revision) || revision < 1) throw new Error('A revision is 1 or more');
  return revision === 1 ? number : `${number}-R${revision}`;
}
