// Which documents Rapport hands to the OS opener. The opener runs programs (on Windows an .exe, .bat or .lnk, on
// macOS an .app folder, on Linux a .desktop file), so only known document types are opened; anything else, a file
// whose first bytes are a program whatever its name, or a symbolic link is shown in its folder instead.
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { extname } from 'node:path';

/**
 * Documents a sole trader keeps: PDFs, pictures, office files (Microsoft, OpenDocument, Apple iWork), plain text
 * and tables, calendar and contact cards, saved emails, CAD drawings, audio and video. Deliberately absent: every
 * program and script (exe, msi, bat, cmd, ps1, sh, jar, js, vbs, scr, com, app, desktop, lnk, url, …), macro
 * office files (docm, xlsm, pptm), and what a browser opens with scripts running (html, htm, svg, xml, xhtml).
 * Archives are absent too: some openers unpack and run what is inside. An unlisted type is revealed, not opened.
 */
export const OPENABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'pdf',
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff', 'heic', 'heif',
  'txt', 'text', 'log', 'md', 'csv', 'tsv', 'json', 'rtf',
  'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'odg', 'pages', 'numbers', 'key',
  'ics', 'vcf', 'eml', 'msg',
  'dwg', 'dxf',
  'mp3', 'm4a', 'wav', 'ogg', 'mp4', 'm4v', 'mov', 'webm',
]);

/** First bytes of programs: Windows PE (MZ), ELF, Mach-O (both byte orders, 32/64-bit, universal) and a #! script. */
const PROGRAM_MAGIC: readonly (readonly number[])[] = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x23, 0x21],
];

const HEAD_BYTES = 8;

export function isOpenableName(name: string): boolean {
  return OPENABLE_EXTENSIONS.has(extname(name).slice(1).toLowerCase());
}

export function looksLikeProgram(head: Uint8Array): boolean {
  return PROGRAM_MAGIC.some((magic) => magic.every((b, i) => head[i] === b));
}

/**
 * Whether the file at `path` may go to the OS opener, judged by `name` (the name the opener will see) and, for a
 * file, its first bytes. A folder opens in the file manager only when its name has no extension at all (macOS
 * treats "Something.app" as a program). Anything unreadable here is not opened: revealing is always safe.
 */
export async function mayOpen(path: string, name: string): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  if (!info || info.isSymbolicLink()) return false;
  if (info.isDirectory()) return extname(name) === '';
  if (!info.isFile() || !isOpenableName(name)) return false;
  return !looksLikeProgram(await readHead(path));
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)).catch(() => null);
  // Cannot look: judge it a program, so it is revealed rather than run.
  if (!handle) return Uint8Array.from(PROGRAM_MAGIC[0]!);
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
