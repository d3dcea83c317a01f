// The duplicates view's sentences (issue #20), apart from the components so they are tested without a browser.
import type { DuplicateKind } from '../../../../shared/domain/duplicates';
import { plural } from '../../ui/format';

/** A 0–1 score as people read it: "92 %" (never "100 %" for less than a perfect score). */
export function percent(score: number): string {
  const s = Math.max(0, Math.min(1, score));
  const n = Math.round(s * 100);
  return `${n === 100 && s < 1 ? 99 : n} %`;
}

/** "Bob", "Bob and Rob", "Bob, Rob and Robert". */
export function andList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export const noun = (kind: DuplicateKind, n: number) => (kind === 'contact' ? (n === 1 ? 'contact' : 'contacts') : n === 1 ? 'company' : 'companies');

/** What a finished (or stopped) scan found. */
export function scanResultText(kind: DuplicateKind, result: { scanned: number; groups: number; cancelled: boolean }): string {
  if (result.cancelled) return 'Scan stopped. The duplicates found before it are still listed.';
  if (result.groups === 0) return `Scanned ${plural(result.scanned, noun(kind, 1), noun(kind, 2))}: no likely duplicates.`;
  return `Scanned ${plural(result.scanned, noun(kind, 1), noun(kind, 2))}: ${plural(result.groups, 'group')} of likely duplicates.`;
}

/** The toast after "Not a duplicate". */
export function dismissedText(kind: DuplicateKind, names: readonly string[]): string {
  const who = andList(names);
  return kind === 'contact'
    ? `${who} will not be suggested as the same person again.`
    : `${who} will not be suggested as the same company again.`;
}

/** While scanning: "Scanning… 1,200 of 5,000 contacts". */
export function progressText(kind: DuplicateKind, progress: { done: number; total: number } | null): string {
  if (!progress || progress.total === 0) return 'Scanning…';
  return `Scanning… ${progress.done.toLocaleString()} of ${plural(progress.total, noun(kind, 1), noun(kind, 2))}`;
}
