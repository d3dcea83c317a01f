// What a picked file really is, from its first bytes, so a reader that cannot use it says what it found ("This
// file is a PDF document, not a CSV or vCard file") instead of importing garbage (issue #16: 5 MB of random bytes
// were filed as an email). Shared by the contact, calendar and email readers; plain functions, no `electron` import.

/** Magic numbers of the files people pick by mistake. */
const SIGNATURES: [kind: string, magic: string][] = [
  ['a PDF document', '%PDF-'],
  ['a ZIP archive (Excel, Word and OpenDocument files are ZIP archives too)', 'PK\x03\x04'],
  ['an Office 97–2003 file (Excel .xls, Word .doc or Outlook .msg)', '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1'],
  ['a PNG picture', '\x89PNG\r\n\x1A\n'],
  ['a JPEG picture', '\xFF\xD8\xFF'],
  ['a GIF picture', 'GIF8'],
  ['a compressed file (gzip)', '\x1F\x8B\x08'],
  ['a 7-Zip archive', "7z\xBC\xAF'\x1C"],
  ['a RAR archive', 'Rar!\x1A\x07'],
  ['an SQLite database', 'SQLite format 3\x00'],
  ['a program', '\x7FELF'],
];

/** Text formats told apart by how they start (after white space). */
const TEXT_STARTS: [kind: string, start: RegExp][] = [
  ['a calendar file (iCalendar)', /^BEGIN:VCALENDAR/i],
  ['a vCard file', /^BEGIN:VCARD/i],
  ['a web page (HTML)', /^(<!doctype html|<html)/i],
  ['an XML file', /^<\?xml/],
  ['an RTF document', /^\{\\rtf/],
];

/** Header names an email message starts with (RFC 5322 and what mail servers add). */
const MAIL_HEADERS = /^(from|to|cc|subject|date|message-id|received|return-path|mime-version|content-type|sender|reply-to|delivered-to|in-reply-to|references|x-mailer|dkim-signature|authentication-results|arc-[a-z-]+|x-[a-z0-9-]+)$/i;
const HEADER_LINE = /^([!-9;-~]+)[ \t]*:/;

/**
 * Whether text starts like an email message: header lines ("Name: value", continuations indented) up to the first
 * blank line, the first one a header, at least one of them a mail header. An mbox "From " line before them is allowed.
 */
export function looksLikeEmail(head: string): boolean {
  const lines = head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let i = lines[0]?.startsWith('From ') ? 1 : 0;
  if (!HEADER_LINE.test(lines[i] ?? '')) return false;
  let known = false;
  // The last line may be cut by the end of the sniffed bytes.
  for (; i < lines.length - 1 && lines[i] !== ''; i++) {
    const line = lines[i]!;
    if (line[0] === ' ' || line[0] === '\t') continue;
    const name = HEADER_LINE.exec(line)?.[1];
    if (!name) return false;
    if (MAIL_HEADERS.test(name)) known = true;
  }
  return known;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/**
 * Text with more control characters (NUL and the like) than any real CSV, vCard, calendar or message: dozens, and
 * a share of them. A few stray NULs in a real file are not enough: the readers strip those (plain-text.ts).
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  const controls = sample.match(CONTROL)?.length ?? 0;
  return controls >= 64 && controls > sample.length * 0.02;
}

/**
 * A plain name for the kind of file these first bytes (and their text, decoded in the file's encoding) show, or null
 * when they look like none of the known kinds. "binary data" when it is no text at all.
 */
export function fileKindOf(bytes: Uint8Array, text: string): string | null {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 32)).toString('latin1');
  for (const [kind, magic] of SIGNATURES) if (latin1.startsWith(magic)) return kind;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  for (const [kind, pattern] of TEXT_STARTS) if (pattern.test(start)) return kind;
  if (looksLikeEmail(text)) return 'an email message';
  if (looksBinary(text)) return 'binary data (not text)';
  return null;
}
