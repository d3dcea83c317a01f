// Character sets of imported files: which one a file uses (byte order mark, NUL pattern of UTF-16, UTF-8 validity,
// else Windows-1252 as a guess), and decoding bytes in any of them (iconv-lite for legacy sets, so Electron and
// Node agree). No `electron` import.
import iconv from 'iconv-lite';

/** Every char below 128 (a value with nothing to decode). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The name iconv-lite knows a CHARSET label by, or null for a label it does not know. */
export function knownEncoding(label: string): string | null {
  const name = label.trim().toLowerCase().replace(/^"|"$/g, '');
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  if (name === 'utf-16le' || name === 'utf-16be') return name;
  if (name === 'ks_c_5601-1987') return 'cp949';
  return iconv.encodingExists(name) ? name : null;
}

/**
 * Encodings whose multi-byte characters never hold an ASCII byte: a vCard in one of them can be split into lines
 * and properties on its raw bytes, each value decoded by its own CHARSET. The others are decoded whole first.
 */
export function asciiSafe(encoding: string): boolean {
  return !/^(utf-?16|ucs-?2|shift_jis|sjis|gbk|gb18030|gb2312|big5|cp936|cp950|windows-31j|iso-2022)/i.test(encoding);
}

/** Decoded by the platform (the same in Node and Electron); the rest by iconv-lite. */
const NATIVE = new Set(['utf-8', 'utf-16le', 'utf-16be']);

function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (NATIVE.has(encoding)) return new TextDecoder(encoding).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

export interface DecodedText {
  text: string;
  /** No stated or chosen charset and not valid UTF-8: read as Windows-1252, which may be wrong. */
  guessed: boolean;
}

/**
 * Bytes of one value: its own CHARSET first (unless the bytes prove a UTF-8 label wrong), then the encoding the
 * user chose, then by evidence: valid UTF-8 is UTF-8, anything else Windows-1252 (which decodes every byte).
 */
export function decodeBytes(bytes: Uint8Array, charset: string | null, chosen: string | null): DecodedText {
  const stated = charset ? knownEncoding(charset) : null;
  if (stated && (stated !== 'utf-8' || isUtf8(bytes))) return { text: decodeWith(stated, bytes), guessed: false };
  if (chosen) return { text: decodeWith(chosen, bytes), guessed: false };
  if (isUtf8(bytes)) return { text: decodeWith('utf-8', bytes), guessed: false };
  return { text: decodeWith('windows-1252', bytes), guessed: true };
}

export interface Detected {
  encoding: string;
  /** Bytes of byte order mark to skip. */
  bom: number;
  /** Nothing in the bytes says so: Windows-1252 chosen because they are not UTF-8. */
  guessed: boolean;
}

/**
 * UTF-16 without a byte order mark: ASCII-range text has a NUL in every other byte (high byte first in BE).
 * Needs enough bytes to tell and NULs in at least 30 % of one column and hardly any in the other.
 */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** The encoding of a file from its first bytes (`whole`: they are the whole file). */
export function detectEncoding(bytes: Uint8Array, whole: boolean): Detected {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3, guessed: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, guessed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2, guessed: false };
  const utf16 = utf16ByNuls(bytes);
  if (utf16) return { encoding: utf16, bom: 0, guessed: false };
  // Not valid UTF-8 (ignoring a character cut at the sniff boundary): Windows-1252, what Excel writes
  // on Western-European Windows, which also decodes any byte so nothing is refused.
  let end = bytes.length;
  if (!whole) while (end > 0 && end > bytes.length - 4 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
  if (!whole && end > 0 && bytes[end - 1]! >= 0xc0) end--;
  return isUtf8(bytes.subarray(0, end)) ? { encoding: 'utf-8', bom: 0, guessed: false } : { encoding: 'windows-1252', bom: 0, guessed: true };
}

/** The byte order mark a chosen encoding would start with, so it is skipped rather than read as text. */
export function bomLength(bytes: Uint8Array, encoding: string): number {
  if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) return 2;
  return 0;
}

/** Decodes a whole buffer (a sniffed head) in `encoding`. */
export const decodeAll = (bytes: Uint8Array, encoding: string) => decodeWith(encoding, bytes);

/** A streaming decoder: characters split between chunks are kept for the next one. */
export function streamDecoder(encoding: string): { write(chunk: Buffer): string; end(): string } {
  if (NATIVE.has(encoding)) {
    const decoder = new TextDecoder(encoding);
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}
