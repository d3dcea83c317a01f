// The tolerant first pass over an .ics file: unfolding (CRLF, LF, TAB, and continuation lines that lost their
// leading space), the component tree cut into blocks with their line numbers, so one broken event costs only
// itself. Plain string work, linear in the text: no ical.js, no database, no `electron` import.
import { runSteps } from '../steps';

/** One logical (unfolded) content line and the physical line it starts on (1-based). */
export interface IcsLine {
  text: string;
  line: number;
}

/** A component as lines: its name, its own lines (BEGIN/END included, children inline) and where it starts. */
export interface IcsBlock {
  name: string;
  line: number;
  readonly lines: IcsLine[];
  children: IcsBlock[];
}

export interface LineWarning {
  line: number;
  message: string;
}

/** A property name (IANA or X- token) followed by its parameters or its value. */
const CONTENT_LINE = /^[A-Za-z0-9-]+[;:]/;
/** An inline binary attachment (a picture, a document): Rapport keeps no event attachments, so it is never held. */
const BINARY_ATTACH = /^ATTACH;[^:]*(ENCODING=BASE64|VALUE=BINARY)/i;
/** Broken-folding warnings named one by one; the rest are counted in one more. */
const NAMED_BROKEN_LINES = 20;
/** Lines between the points where a caller in steps may pause. */
export const STEP_LINES = 2048;

/**
 * Unfolds the text into logical lines. A physical line that cannot start a property (no NAME; or NAME: at its
 * start) is taken as a continuation whose leading space was lost, joined to the line before, and reported.
 * Linear in the text (issue #16); a generator that yields every STEP_LINES lines, so a caller can pause there.
 */
export function* unfoldInSteps(source: string): Generator<void, { lines: IcsLine[]; warnings: LineWarning[] }> {
  const lines: IcsLine[] = [];
  const warnings: LineWarning[] = [];
  let broken = 0;
  let last: IcsLine | undefined;
  let skipping = false;
  const eol = /\r\n|\n|\r/g;
  let from = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let index = 0; from <= source.length; index++) {
    if (index % STEP_LINES === STEP_LINES - 1) yield;
    eol.lastIndex = from;
    const m = eol.exec(source);
    const to = m ? m.index : source.length;
    const raw = source.slice(from, to);
    from = m ? to + m[0].length : source.length + 1;
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (last && !skipping) last.text += raw.slice(1);
      continue;
    }
    if (raw.trim() === '') continue;
    if (!CONTENT_LINE.test(raw) && (last || skipping)) {
      if (skipping) continue;
      last!.text += raw;
      if (++broken <= NAMED_BROKEN_LINES) warnings.push({ line: index + 1, message: `Line ${index + 1} was not a complete line (broken folding); it was joined to the line before` });
      continue;
    }
    skipping = BINARY_ATTACH.test(raw);
    if (skipping) continue;
    last = { text: raw, line: index + 1 };
    lines.push(last);
  }
  if (broken > NAMED_BROKEN_LINES) warnings.push({ line: warnings.at(-1)!.line, message: `${broken - NAMED_BROKEN_LINES} more lines were not complete lines (broken folding); each was joined to the line before` });
  return { lines, warnings };
}

/** unfoldInSteps run to its end at once. */
export const unfold = (source: string) => runSteps(unfoldInSteps(source));

const EDGE = /^(BEGIN|END):(.+)$/i;

/**
 * The component tree as blocks. A component left open, or closed by the END of another, is dropped with a
 * warning naming its line; lines outside any component are ignored. Each block is a range of the lines, less the
 * ranges of components dropped inside it, so nesting and dropping cost nothing per line (issue #16: a file of
 * components left open inside others was quadratic); a block's lines are listed when asked for.
 */
export function* blocksInSteps(lines: readonly IcsLine[]): Generator<void, { roots: IcsBlock[]; warnings: LineWarning[] }> {
  const roots: IcsBlock[] = [];
  const warnings: LineWarning[] = [];
  /** Inclusive index ranges of dropped components' lines, in the order they were dropped. */
  const dropped: [number, number][] = [];
  let merged: [number, number][] | null = null;
  const droppedRanges = () => (merged ??= mergeRanges(dropped));
  const stack: { block: IcsBlock; range: { from: number; to: number } }[] = [];
  const unclosed = (block: IcsBlock) =>
    warnings.push({ line: block.line, message: `The ${block.name} starting on line ${block.line} never ends (no END:${block.name}); it was left out` });
  const open = (name: string, at: number) => {
    const range = { from: at, to: lines.length - 1 };
    let listed: IcsLine[] | null = null;
    const block: IcsBlock = {
      name,
      line: lines[at]!.line,
      children: [],
      get lines() {
        return (listed ??= linesOf(lines, range.from, range.to, droppedRanges()));
      },
    };
    return { block, range };
  };
  for (let i = 0; i < lines.length; i++) {
    if (i % STEP_LINES === STEP_LINES - 1) yield;
    const edge = EDGE.exec(lines[i]!.text.trim());
    const word = edge?.[1]!.toUpperCase();
    const name = edge?.[2]!.trim().toUpperCase();
    if (word === 'BEGIN') {
      const opened = open(name!, i);
      (stack.at(-1)?.block.children ?? roots).push(opened.block);
      stack.push(opened);
    } else if (word === 'END') {
      let at = stack.length - 1;
      while (at >= 0 && stack[at]!.block.name !== name) at--;
      if (at < 0) {
        warnings.push({ line: lines[i]!.line, message: `Line ${lines[i]!.line} ends a ${name} that never began; it was ignored` });
        continue;
      }
      // Components opened after the one this END closes were never closed: drop them from their parents.
      const left = stack.splice(at + 1);
      for (const o of [...left].reverse()) unclosed(o.block);
      if (left.length) {
        const parent = stack.at(-1)!.block;
        parent.children = parent.children.filter((c) => c !== left[0]!.block);
        dropped.push([left[0]!.range.from, i - 1]);
      }
      stack.pop()!.range.to = i;
    }
  }
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (stack.length === 0) {
      warnings.push({ line: o.block.line, message: `The file ends inside its ${o.block.name} (no END:${o.block.name}); what was complete in it was read` });
      continue;
    }
    unclosed(o.block);
    const parent = stack.at(-1)!.block;
    parent.children = parent.children.filter((c) => c !== o.block);
    dropped.push([o.range.from, lines.length - 1]);
  }
  return { roots, warnings };
}

/** blocksInSteps run to its end at once. */
export const blocks = (lines: readonly IcsLine[]) => runSteps(blocksInSteps(lines));

/** Ranges sorted and joined where they overlap. */
function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Lines from..to (inclusive) outside the dropped ranges. */
function linesOf(lines: readonly IcsLine[], from: number, to: number, dropped: readonly [number, number][]): IcsLine[] {
  const out: IcsLine[] = [];
  // The first dropped range that could reach `from` (binary search on the sorted, disjoint ranges).
  let lo = 0;
  let hi = dropped.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dropped[mid]![1] < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = from; i <= to; i++) {
    while (lo < dropped.length && dropped[lo]![1] < i) lo++;
    const range = dropped[lo];
    if (range && range[0] <= i) {
      i = range[1];
      continue;
    }
    out.push(lines[i]!);
  }
  return out;
}

/** A block's text as ical.js reads it (CRLF, unfolded), leaving out the lines given. */
export const blockText = (block: IcsBlock, without: ReadonlySet<IcsLine> = new Set()) =>
  block.lines.filter((l) => !without.has(l)).map((l) => l.text).join('\r\n');
