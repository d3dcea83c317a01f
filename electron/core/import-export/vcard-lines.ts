// Reading vCard text into properties: unfolding (RFC 6350 folds and 2.1 quoted-printable soft breaks), names,
// groups and parameters, and each value decoded from its bytes (CHARSET, QUOTED-PRINTABLE, BASE64). Linear in the
// input (issue #16): a line is scanned once, binary values (PHOTO, LOGO, SOUND, KEY) are skipped, never held, and
// no value is held past VALUE_MAX. No `electron` import.
import { decodeBytes, isAscii } from './text-encoding';

export interface Property {
  line: number;
  group: string | null;
  /** Upper case, group removed. */
  name: string;
  params: Map<string, string[]>;
  /** The value as in the file: escapes kept; in byte mode one char per byte. */
  raw: string;
  /** A binary value (PHOTO, LOGO, SOUND, KEY): skipped while reading, `raw` is empty. */
  skipped?: true;
}

export type LogicalLine = { line: number; property: Property } | { line: number; unreadable: true };

/** Values people do not type: skipped while reading so a 2 MB photo costs nothing. */
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const NAME = /^[A-Za-z0-9-]+$/;
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const CARD_EDGE = /^(BEGIN|END):VCARD\s*$/i;

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
  /** Text before the first unquoted colon, once found; until then the start of the line is in `headParts`. */
  head: string | null;
  headParts: string[];
  headLength: number;
  /** A double quote of the head is open at the end of `headParts`. */
  quoted: boolean;
  /** No colon within HEAD_MAX characters: the line is unreadable, and the rest of it is not kept. */
  broken: boolean;
  parts: string[];
  size: number;
  skip: boolean;
  qp: boolean;
}

/** A property's name and parameters are a few dozen characters; a "head" longer than this has no colon. */
const HEAD_MAX = 16 * 1024;
/**
 * Characters of one value kept. Every field Rapport stores is far shorter (notes: 20,000 characters, which as
 * quoted-printable UTF-8 is at most 240,000 here): the rest is not held, and cardToRecord warns about the cut.
 */
const VALUE_MAX = 1024 * 1024;
/** A physical line longer than this is no card edge and no blank line: it is handled as it streams in. */
const LINE_START_MAX = 4096;

const propertyName = (head: string) => head.split(';', 1)[0]!.replace(/^.*\./, '').trim().toUpperCase();

/**
 * Logical lines from a stream of text chunks, each with the physical line it starts on. Linear in the input: each
 * chunk is scanned once, a line is never rebuilt from the pieces it arrived in (a 10 MB photo or note streams
 * through), binary values (PHOTO, LOGO, SOUND, KEY) are never held, and other values are held up to VALUE_MAX.
 */
export async function* logicalLines(chunks: AsyncIterable<string>): AsyncGenerator<LogicalLine> {
  let lineNo = 0;
  let cur: Pending | null = null;
  let softBreak = false; // the last line of `cur` ended in a quoted-printable "="

  const finish = (): LogicalLine | null => {
    const p = cur;
    cur = null;
    softBreak = false;
    if (!p) return null;
    if (p.head === null || p.broken) return { line: p.line, unreadable: true };
    const property = parseHead(p.head, p.line, p.skip ? '' : p.parts.join(''));
    if (property && p.skip) property.skipped = true;
    return property ? { line: p.line, property } : { line: p.line, unreadable: true };
  };

  const addValue = (p: Pending, piece: string) => {
    if (p.skip || p.size >= VALUE_MAX || piece === '') return;
    const kept = piece.length <= VALUE_MAX - p.size ? piece : piece.slice(0, VALUE_MAX - p.size);
    p.parts.push(kept);
    p.size += kept.length;
  };

  /** Text of a property not yet past its colon: scanned from where the last piece stopped, never again from the start. */
  const addHead = (p: Pending, text: string) => {
    if (p.broken) return;
    let colon = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) p.quoted = !p.quoted;
      else if (c === 58 && !p.quoted) {
        colon = i;
        break;
      }
    }
    if (colon < 0) {
      p.headLength += text.length;
      if (p.headLength > HEAD_MAX) {
        p.broken = true;
        p.headParts = [];
      } else p.headParts.push(text);
      return;
    }
    p.head = p.headParts.join('') + text.slice(0, colon);
    p.headParts = [];
    if (p.head.length > HEAD_MAX) {
      p.broken = true;
      return;
    }
    p.skip = BINARY.has(propertyName(p.head));
    p.qp = /QUOTED-PRINTABLE/i.test(p.head);
    addValue(p, text.slice(colon + 1));
  };

  const feed = (p: Pending, text: string) => (p.head === null ? addHead(p, text) : addValue(p, text));

  /** Where the rest of the current physical line goes (null: dropped). */
  let sink: Pending | null = null;
  let opened = false;
  let start: string[] = [];
  let startLength = 0;
  let lastChar = -1;

  /** The start of a physical line (the whole line when it is short): a continuation of `cur`, or a new property. */
  function* begin(text: string): Generator<LogicalLine> {
    lineNo++;
    const folded = text.length > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9);
    // A soft break continues on the next line as it is; a card's edge is never a continuation.
    if (cur && ((softBreak && !CARD_EDGE.test(text)) || folded)) {
      sink = cur;
      feed(cur, softBreak ? text : text.slice(1));
      return;
    }
    const done = finish();
    if (done) yield done;
    sink = null;
    if (text.trim() === '') return;
    cur = { line: lineNo, head: null, headParts: [], headLength: 0, quoted: false, broken: false, parts: [], size: 0, skip: false, qp: false };
    sink = cur;
    addHead(cur, text);
  }

  /** The end of a physical line: a quoted-printable value ending in "=" goes on (soft break) and loses the "=". */
  const end = () => {
    const p = sink;
    softBreak = !!p && p.head !== null && !p.broken && p.qp && lastChar === 61;
    if (softBreak && !p!.skip && p!.size < VALUE_MAX && p!.parts.length > 0) {
      const last = p!.parts.length - 1;
      if (p!.parts[last]!.endsWith('=')) p!.parts[last] = p!.parts[last]!.slice(0, -1);
    }
    sink = null;
    opened = false;
    lastChar = -1;
  };

  /** One piece of a physical line, as the chunks cut it. */
  function* piece(text: string, ended: boolean): Generator<LogicalLine> {
    if (text.length > 0) lastChar = text.charCodeAt(text.length - 1);
    if (!opened) {
      if (!ended && startLength + text.length < LINE_START_MAX) {
        if (text) start.push(text);
        startLength += text.length;
        return;
      }
      const whole = start.length ? start.join('') + text : text;
      start = [];
      startLength = 0;
      opened = true;
      yield* begin(whole);
    } else if (sink) feed(sink, text);
    if (ended) end();
  }

  let afterCR = false;
  const eol = /\r\n|\n|\r/g;
  for await (const chunk of chunks) {
    let from = 0;
    // A CRLF split between chunks: the LF belongs to the line already ended.
    if (afterCR && chunk.startsWith('\n')) from = 1;
    afterCR = false;
    eol.lastIndex = from;
    for (let m = eol.exec(chunk); m; m = eol.exec(chunk)) {
      yield* piece(chunk.slice(from, m.index), true);
      from = m.index + m[0].length;
      if (m[0] === '\r' && from === chunk.length) afterCR = true;
    }
    if (from < chunk.length) yield* piece(chunk.slice(from), false);
  }
  if (opened || startLength > 0) yield* piece('', true);
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
