// What kind of file a document is, from its name (and, for the kinds we preview, its first bytes), and the
// searchable text of text files. Pure functions; no `electron` import.
import { extname } from 'node:path';

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  ini: 'text/plain',
  ics: 'text/calendar',
  vcf: 'text/vcard',
  eml: 'message/rfc822',
  rtf: 'application/rtf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

/** Formats whose text is worth indexing even though their MIME type is not text/*. */
const TEXT_LIKE = new Set(['application/json', 'application/xml', 'application/yaml', 'message/rfc822']);

/** Magic numbers of the formats the in-app viewer shows: it only shows bytes that really are one of them. */
const MAGIC: [type: string, bytes: number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
];

export const FOLDER_TYPE = 'inode/directory';

export function typeFromName(name: string): string {
  return BY_EXTENSION[extname(name).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

/** The type the bytes prove, for the formats we preview; null when they are none of them. */
export function sniffPreviewable(head: Uint8Array): string | null {
  for (const [type, bytes] of MAGIC) if (bytes.every((b, i) => head[i] === b)) return type;
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export function isTextType(type: string): boolean {
  return type.startsWith('text/') || TEXT_LIKE.has(type);
}

/** The text to index: UTF-8 (a BOM dropped, bad bytes replaced), NULs removed; a cut multi-byte character at the end is dropped. */
export function indexableText(head: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(head);
  return text.replace(/\uFFFD$/u, '').replaceAll('\u0000', ' ');
}

/** A safe extension for a read-only copy handed to the OS opener: letters and digits only, else none. */
export function safeExtension(name: string): string {
  const ext = extname(name).slice(1);
  return /^[A-Za-z0-9]{1,10}$/.test(ext) ? `.${ext.toLowerCase()}` : '';
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
