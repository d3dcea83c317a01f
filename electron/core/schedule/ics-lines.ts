// The tolerant first pass over an .ics file: unfolding (CRLF, LF, TAB, and continuation lines that lost their
// leading space), the component tree cut into blocks with their line numbers, so one broken event costs only
// itself. Plain string work: no ical.js, no database, no `electron` import.

/** One logical (unfolded) content line and the physical line it starts on (1-based). */
export interface IcsLine {
  text: string;
  line: number;
}

/** A component as lines: its name, its own lines (BEGIN/END included, children inline) and where it starts. */
export interface IcsBlock {
  name: string;
  line: number;
  lines: IcsLine[];
  children: IcsBlock[];
}

export interface LineWarning {
  line: number;
  message: string;
}

/** A property name (IANA or X- token) followed by its parameters or its value. */
const CONTENT_LINE = /^[A-Za-z0-9-]+[;:]/;

/**
 * Unfolds the text into logical lines. A physical line that cannot start a property (no NAME; or NAME: at its
 * start) is taken as a continuation whose leading space was lost, joined to the line before, and reported.
 */
export function unfold(source: string): { lines: IcsLine[]; warnings: LineWarning[] } {
  const physical = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const lines: IcsLine[] = [];
  const warnings: LineWarning[] = [];
  physical.forEach((raw, index) => {
    const last = lines.at(-1);
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (last) last.text += raw.slice(1);
      return;
    }
    if (raw.trim() === '') return;
    if (!CONTENT_LINE.test(raw) && last) {
      last.text += raw;
      warnings.push({ line: index + 1, message: `Line ${index + 1} was not a complete line (broken folding); it was joined to the line before` });
      return;
    }
    lines.push({ text: raw, line: index + 1 });
  });
  return { lines, warnings };
}

const keyword = (text: string, word: 'BEGIN' | 'END'): string | null => {
  const match = new RegExp(`^${word}:(.+)$`, 'i').exec(text.trim());
  return match ? match[1]!.trim().toUpperCase() : null;
};

/**
 * The component tree as blocks. A component left open, or closed by the END of another, is dropped with a
 * warning naming its line; lines outside any component are ignored.
 */
export function blocks(lines: readonly IcsLine[]): { roots: IcsBlock[]; warnings: LineWarning[] } {
  const roots: IcsBlock[] = [];
  const warnings: LineWarning[] = [];
  const stack: IcsBlock[] = [];
  const unclosed = (block: IcsBlock) =>
    warnings.push({ line: block.line, message: `The ${block.name} starting on line ${block.line} never ends (no END:${block.name}); it was left out` });
  for (const line of lines) {
    const begin = keyword(line.text, 'BEGIN');
    if (begin) {
      const block: IcsBlock = { name: begin, line: line.line, lines: [line], children: [] };
      for (const open of stack) open.lines.push(line);
      (stack.at(-1)?.children ?? roots).push(block);
      stack.push(block);
      continue;
    }
    const end = keyword(line.text, 'END');
    if (end) {
      const at = stack.map((b) => b.name).lastIndexOf(end);
      if (at < 0) {
        warnings.push({ line: line.line, message: `Line ${line.line} ends a ${end} that never began; it was ignored` });
        continue;
      }
      // Components opened after the one this END closes were never closed: drop them from their parents.
      for (const open of stack.splice(at + 1).reverse()) {
        unclosed(open);
        const parent = stack.at(-1)!;
        parent.children = parent.children.filter((c) => c !== open);
        const drop = new Set(open.lines);
        for (const b of stack) b.lines = b.lines.filter((l) => !drop.has(l));
      }
      for (const open of stack) open.lines.push(line);
      stack.pop();
      continue;
    }
    for (const open of stack) open.lines.push(line);
  }
  while (stack.length > 0) {
    const open = stack.pop()!;
    if (stack.length === 0) {
      warnings.push({ line: open.line, message: `The file ends inside its ${open.name} (no END:${open.name}); what was complete in it was read` });
      continue;
    }
    unclosed(open);
    const drop = new Set(open.lines);
    stack.at(-1)!.children = stack.at(-1)!.children.filter((c) => c !== open);
    for (const b of stack) b.lines = b.lines.filter((l) => !drop.has(l));
  }
  return { roots, warnings };
}

/** A block's text as ical.js reads it (CRLF, unfolded), leaving out the lines given. */
export const blockText = (block: IcsBlock, without: ReadonlySet<IcsLine> = new Set()) =>
  block.lines.filter((l) => !without.has(l)).map((l) => l.text).join('\r\n');
