// The sentences about a past merge and its undo (issue #20), kept apart from the components so they can be tested:
// "Merged from Bob Smith and R. Smith", "the 14 activities and 2 jobs that moved go back to them". Imports no React.

export type MergeKind = 'contact' | 'company';

/** "Bob", "Bob and Rob", "Bob, Rob and Robert". */
export function andList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function kindWord(kind: MergeKind, n: number): string {
  if (kind === 'company') return n === 1 ? 'company' : 'companies';
  return n === 1 ? 'contact' : 'contacts';
}

/** Main's names for linked tables that people call something else. */
const WORDS: Record<string, string> = {
  tasks: 'follow-ups',
  document_links: 'documents',
  documentLinks: 'documents',
  custom_values: 'linked fields',
  import_items: 'import records',
  outbox: 'outgoing emails',
};

/** One of main's words for what moved ("activities", "tasks", "document_links") as a count people read: "1 activity". */
export function countOf(n: number, what: string): string {
  const many = WORDS[what] ?? what.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const one = many.endsWith('ies') ? `${many.slice(0, -3)}y` : many.endsWith('s') ? many.slice(0, -1) : many;
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/**
 * What goes back on undo, as a clause: "the 14 activities and 2 jobs that moved go back to them". Without counts
 * (main did not say), the kinds of record in general; with nothing moved, that nothing else changes.
 */
export function movedBackClause(moved: Readonly<Record<string, number>> | undefined, kind: MergeKind): string {
  if (!moved) {
    return kind === 'company'
      ? 'the people, activities, jobs and documents that moved go back to them'
      : 'the activities, follow-ups, jobs, appointments and documents that moved go back to them';
  }
  const parts = Object.entries(moved)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([what, n]) => countOf(n, what));
  return parts.length === 0 ? 'nothing else had moved to them' : `the ${andList(parts)} that moved go back to them`;
}

/** The whole confirmation: who comes back, what goes back, and that later work stays. */
export function undoConfirmText(names: readonly string[], survivorName: string, kind: MergeKind, moved: Readonly<Record<string, number>> | undefined): string {
  const who = andList(names);
  const come = names.length === 1 ? `comes back as a separate ${kindWord(kind, 1)} with its own details` : `come back as separate ${kindWord(kind, 2)} with their own details`;
  return `${who} ${come}; ${movedBackClause(moved, kind)}; what you added to ${survivorName} since stays with ${survivorName}.`;
}

export interface UndoOutcome {
  movedBack: number;
  leftAlone: number;
  keptEdits: readonly string[];
}

/** The lines under "… are back" in the toast: what moved back, what was left alone, which later edits were kept. */
export function undoOutcomeLines(result: UndoOutcome): string[] {
  const lines: string[] = [];
  if (result.movedBack > 0) lines.push(`Moved ${countOf(result.movedBack, 'linked records')} back.`);
  if (result.leftAlone > 0) {
    lines.push(`${countOf(result.leftAlone, 'linked records')} had been moved or deleted since and ${result.leftAlone === 1 ? 'was' : 'were'} left where ${result.leftAlone === 1 ? 'it is' : 'they are'}.`);
  }
  if (result.keptEdits.length > 0) lines.push(`Kept your later changes to: ${result.keptEdits.join(', ')}.`);
  return lines;
}
