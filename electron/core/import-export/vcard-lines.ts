// Reading vCard text into properties: unfolding (RFC 6350 folds and 2.1 quoted-printable soft breaks), names,
// groups and parameters, and each value decoded from its bytes (CHARSET, QUOTED-PRINTABLE, BASE64). Linear in the
// input: a line is scanned once and binary values (PHOTO, LOGO, SOUND, KEY) are skipped, never held. No `electron` import.
import { decodeBytes, isAscii } from './text-encoding';

export interface Property {
  line: number;
  group: string | null;
  /** Upper case, group removed. */
  name: string;
  params: Map<string, string[]>;
  /** The value as in the file: escapes kept; in byte mode one char per byte. */
  raw: string;
}

export type LogicalLine = { line: number; property: Property } | { line: number; unreadable: true };

/** Values people do not type: skipped while reading so a 2 MB photo costs nothing. */
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const NAME = /^[A-Za-z0-9-]+$/;
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const CARD_EDGE = /^(BEGIN|END):VCARD\s*$/i;

/** Index of the first ':' outside double quotes, or -1. */
function colonAt(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return i;
  }
  return -1;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === sep && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function parseHead(head: string, line: number, raw: string): Property | null {
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(head, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const name = nameWithGroup.slice(dot + 1).trim();
  if (!NAME.test(name)) return null;
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    const bare = p.trim();
    // vCard 2.1 writes bare values: TEL;CELL;VOICE, N;QUOTED-PRINTABLE
    const key = eq < 0 ? (BARE_ENCODINGS.has(bare.toUpperCase()) ? 'ENCODING' : 'TYPE') : p.slice(0, eq).trim().toUpperCase();
    const values = (eq < 0 ? bare : p.slice(eq + 1)).split(',').map((v) => v.trim().replace(/^"|"$/g, '')).filter(Boolean);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { line, group: dot > 0 ? nameWithGroup.slice(0, dot).toLowerCase() : null, name: name.toUpperCase(), params, raw };
}

interface Pending {
  line: number;
  /** Text before the first unquoted colon, once found; until then the start of the line is in `parts`. */
  head: string | null;
  parts: string[];
  skip: boolean;
  qp: boolean;
}

/**
 * Logical lines from a stream of text chunks, each with the physical line it starts on. Lines are found by
 * scanning each chunk once; a value's pieces are joined once, when it ends.
 */
export async function* logicalLines(chunks: AsyncIterable<string>): AsyncGenerator<LogicalLine> {
  let lineNo = 0;
  let cur: Pending | null = null;
  let softBreak = false; // the last piece ended in a quoted-printable "="

  const finish = (): LogicalLine | null => {
    const p = cur;
    cur = null;
    softBreak = false;
    if (!p) return null;
    if (p.head === null) return { line: p.line, unreadable: true };
    const property = parseHead(p.head, p.line, p.skip ? '' : p.parts.join(''));
    return property ? { line: p.line, property } : { line: p.line, unreadable: true };
  };

  const startHead = (p: Pending, text: string) => {
    const colon = colonAt(text);
    if (colon < 0) return void p.parts.push(text);
    p.head = text.slice(0, colon);
    p.parts = [];
    const name = p.head.split(';', 1)[0]!.replace(/^.*\./, '').trim().toUpperCase();
    p.skip = BINARY.has(name);
    p.qp = /QUOTED-PRINTABLE/i.test(p.head);
    addValue(p, text.slice(colon + 1));
  };

  const addValue = (p: Pending, piece: string) => {
    softBreak = p.qp && piece.endsWith('=');
    if (p.skip) return;
    p.parts.push(softBreak ? piece.slice(0, -1) : piece);
  };

  function* physical(text: string): Generator<LogicalLine> {
    lineNo++;
    const folded = text.length > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9);
    // A soft break continues on the next line as it is; a card's edge is never a continuation.
    if (cur && ((softBreak && !CARD_EDGE.test(text)) || folded)) {
      const piece = softBreak ? text : text.slice(1);
      if (cur.head === null) startHead(cur, cur.parts.join('') + piece);
      else addValue(cur, piece);
      return;
    }
    const done = finish();
    if (done) yield done;
    if (text.trim() === '') return;
    cur = { line: lineNo, head: null, parts: [], skip: false, qp: false };
    startHead(cur, text);
  }

  /** The unfinished line carried to the next chunk; a long one in a skipped (binary) value is cut short. */
  const shortened = (text: string): string => {
    if (text.length < 4096) return text;
    if (cur?.skip && !softBreak && (text[0] === ' ' || text[0] === '\t')) return ' ';
    const colon = colonAt(text.slice(0, 4096));
    const head = colon < 0 ? '' : text.slice(0, colon);
    return colon > 0 && BINARY.has(head.split(';', 1)[0]!.replace(/^.*\./, '').trim().toUpperCase()) ? text.slice(0, colon + 1) : text;
  };
  let carry = '';
  let afterCR = false;
  const eol = /\r\n|\n|\r/g;
  for await (const chunk of chunks) {
    let start = 0;
    // A CRLF split between chunks: the LF belongs to the line already ended.
    if (afterCR && chunk.startsWith('\n')) start = 1;
    afterCR = false;
    eol.lastIndex = start;
    for (let m = eol.exec(chunk); m; m = eol.exec(chunk)) {
      yield* physical(carry + chunk.slice(start, m.index));
      carry = '';
      start = m.index + m[0].length;
      if (m[0] === '\r' && start === chunk.length) afterCR = true;
    }
    carry = shortened(carry + chunk.slice(start));
  }
  if (carry) yield* physical(carry);
  const done = finish();
  if (done) yield done;
}

// ---- values ----

export interface DecodeContext {
  /** The value is one char per byte (decoded here) rather than text the file's encoding already decoded. */
  bytes: boolean;
  /** The encoding the user chose for text that does not state its own. */
  chosen: string | null;
}

export interface Decoded {
  text: string;
  /** No CHARSET and not valid UTF-8: read as Windows-1252, which may be wrong. */
  guessed: boolean;
}

function quotedPrintableBytes(raw: string, bytes: boolean): Buffer {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 61 && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      out.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 128 || bytes) out.push(c & 0xff);
    else out.push(...Buffer.from(raw[i]!, 'utf8'));
  }
  return Buffer.from(out);
}

/** A property's value as text (vCard escapes still in). */
export function decodeValue(p: Property, ctx: DecodeContext): Decoded {
  const encoding = p.params.get('ENCODING')?.[0]?.toUpperCase();
  const charset = p.params.get('CHARSET')?.[0] ?? null;
  let bytes: Buffer;
  if (encoding === 'QUOTED-PRINTABLE') bytes = quotedPrintableBytes(p.raw, ctx.bytes);
  else if (encoding === 'B' || encoding === 'BASE64') bytes = Buffer.from(p.raw.replace(/\s+/g, ''), 'base64');
  else if (!ctx.bytes || isAscii(p.raw)) return { text: p.raw, guessed: false };
  else bytes = Buffer.from(p.raw, 'latin1');
  return decodeBytes(bytes, charset, ctx.chosen);
}
