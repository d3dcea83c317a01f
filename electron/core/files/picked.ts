// The one rule for reading a user's file (import, calendar import, documents, attachments, .eml, later restore):
// only a path the user chose in the open dialog this session, only a regular file the path really names, only up
// to a size fixed per purpose and checked before a byte is read. Errors name the field, never quote the file.
import { constants, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, isAbsolute, sep } from 'node:path';
import { formatBytes } from '../../../shared/domain/text';
import { AppError } from '../../../shared/ipc/errors';

/**
 * What a read is for: each has its own size limit and its own words. `link` keeps a file or folder in place;
 * `folder` is a picked folder something is written to (a backup's second place, a new data folder).
 */
export type ReadPurpose = 'import' | 'calendar' | 'eml' | 'attachment' | 'document' | 'link' | 'folder' | 'logo';

/** Only `has` is needed: the memory of picks lives in modules.ts (pickedFiles). */
export interface PickMemory {
  has(path: string): boolean;
}

export interface PickedFile {
  /** The path as the dialog gave it (what the user saw; a link document keeps this one). */
  path: string;
  /** The same file with every folder link resolved: what is opened and read. */
  realPath: string;
  /** The name the user chose, as shown to them (never used to build a path). */
  name: string;
  size: number;
  mtimeMs: number;
  isFolder: boolean;
  /** Which file this is (device and inode), so a read can tell it is still the one that was checked. */
  identity: { dev: number; ino: number };
}

const MB = 1024 * 1024;

interface Rule {
  /** Refused before reading. A caller with its own limit (the documents setting, an email's remaining budget) passes it. */
  maxBytes: number;
  notPicked: string;
  folder: string;
  notFile: string;
  tooBig(maxBytes: number): string;
}

const NOT_A_FILE = 'That is not a regular file, so Rapport cannot read it';

/**
 * Limits: a contacts file is streamed, so 2 GB (a 100,000-card vCard with photos stays well under); a calendar or
 * an .eml is parsed whole, 50 MB is far above any real one; an email's attachments total 25 MB (what mail servers
 * take); a copied document has the user's setting (200 MB by default); a link reads nothing, so it has no limit.
 */
const RULES: Record<ReadPurpose, Rule> = {
  import: {
    maxBytes: 2048 * MB,
    notPicked: 'Choose the file with the Import button first',
    folder: 'That is a folder: choose a CSV or vCard file',
    notFile: NOT_A_FILE,
    tooBig: (max) => `This file is larger than ${formatBytes(max)}, more than any contacts file`,
  },
  calendar: {
    maxBytes: 50 * MB,
    notPicked: 'Choose the calendar file with "Choose file…" first',
    folder: 'This is a folder, not a calendar file',
    notFile: NOT_A_FILE,
    tooBig: (max) => `This file is too large for a calendar (over ${formatBytes(max)})`,
  },
  eml: {
    maxBytes: 50 * MB,
    notPicked: 'Choose the .eml file with the file picker',
    folder: 'That is a folder, not an email message (.eml)',
    notFile: NOT_A_FILE,
    tooBig: (max) => `This file is larger than ${formatBytes(max)}`,
  },
  attachment: {
    maxBytes: 25 * MB,
    notPicked: 'Attach files with the Attach button (only picked files can be sent)',
    folder: 'That is a folder; only files can be attached',
    notFile: NOT_A_FILE,
    tooBig: () => 'Attachments may total at most 25 MB',
  },
  document: {
    maxBytes: 200 * MB,
    notPicked: 'Choose the file with "Attach files" first',
    folder: 'That is a folder: link it instead of copying it',
    notFile: 'That is not a regular file, so it cannot be stored',
    tooBig: (max) => `The file is larger than the ${formatBytes(max)} limit for documents. Change the limit in Settings → Documents.`,
  },
  // Embedded in every quote and invoice PDF (and each email carrying one): a logo is a few hundred KB at most.
  logo: {
    maxBytes: 2 * MB,
    notPicked: 'Choose the picture with "Choose logo…" first',
    folder: 'That is a folder: choose a PNG or JPEG picture',
    notFile: NOT_A_FILE,
    tooBig: (max) => `A logo can be at most ${formatBytes(max)}: make the picture smaller and choose it again`,
  },
  link: {
    maxBytes: Number.POSITIVE_INFINITY,
    notPicked: 'Choose it with "Link files" or "Link a folder" first',
    folder: '',
    notFile: 'That is not a regular file or folder, so it cannot be linked',
    tooBig: () => 'This file is too large to read here',
  },
  folder: {
    maxBytes: Number.POSITIVE_INFINITY,
    notPicked: 'Choose the folder with "Choose folder" first',
    folder: '',
    notFile: 'That is a file: choose a folder',
    tooBig: () => '',
  },
};

/**
 * Pseudo file systems: their "files" look regular (/proc/self/environ has size 0 and holds the environment) or are
 * devices. Nothing a user keeps as a document lives there, so whatever the dialog said, they are never read.
 */
const SYSTEM_ROOTS = process.platform === 'win32' ? [] : ['/proc', '/sys', '/dev'];

/**
 * The text of a path, before any file system call (Node throws on NUL, the OS on a name over 255 bytes): absolute,
 * no `..` segment (a dialog never returns one), no NUL, every name at most 255 bytes.
 */
export function checkPathText(path: string, field: string): void {
  if (path.includes('\u0000')) throw AppError.validation(field, 'The path contains a character no file name can have');
  if (!isAbsolute(path)) throw AppError.validation(field, 'Use the full path of the file');
  // Only the platform's own separators: on Linux and macOS "a\b" is one (odd, but legal) name.
  const parts = path.split(process.platform === 'win32' ? /[\\/]+/ : /\/+/);
  if (parts.includes('..')) throw AppError.validation(field, 'Use the file\'s own path, without ".." in it');
  if (parts.some((part) => Buffer.byteLength(part, 'utf8') > 255)) throw AppError.validation(field, 'A name in this path is longer than 255 bytes, which no file can have');
}

/**
 * The whole rule for a path the window names: its text, that the user picked it this session, then checkFile.
 * Synchronous on purpose (metadata only), so a caller can check before it starts anything.
 */
export function checkPicked(picks: PickMemory, path: string, field: string, purpose: ReadPurpose, options: { maxBytes?: number } = {}): PickedFile {
  checkPathText(path, field);
  if (!picks.has(path)) throw AppError.validation(field, RULES[purpose].notPicked);
  return checkFile(path, field, purpose, options);
}

/**
 * What a path is on disk, for a picked path or one kept earlier (a linked document): the file itself, not a
 * symbolic link (see below), not in /proc, /sys or /dev, a regular file (or, for `link`, a folder), within the size
 * limit. Missing: NOT_FOUND, as before.
 *
 * A picked symbolic link is refused, whatever it points to: the dialog shows the link's name, not its target, so a
 * link unpacked from an archive ("invoice.pdf" -> ~/.ssh/id_rsa) would be read, stored and sent as the user's
 * choice. Choosing the file itself is one step away. Links among the folders above the file (macOS /tmp, a home
 * on another disk) are fine: the user browsed through them and saw the file's own name.
 */
export function checkFile(path: string, field: string, purpose: ReadPurpose, options: { maxBytes?: number } = {}): PickedFile {
  checkPathText(path, field);
  const rule = RULES[purpose];
  let info: Stats;
  let realPath: string;
  try {
    if (lstatSync(path).isSymbolicLink()) throw AppError.validation(field, 'That is a link to another file: choose the file itself');
    realPath = realpathSync.native(path);
    info = statSync(realPath);
  } catch (error) {
    throw fsError(error, path, field);
  }
  if (SYSTEM_ROOTS.some((root) => realPath === root || realPath.startsWith(`${root}${sep}`))) {
    throw AppError.validation(field, 'That is a system file, not a document');
  }
  const isFolder = info.isDirectory();
  if (isFolder && purpose !== 'link' && purpose !== 'folder') throw AppError.validation(field, rule.folder);
  if (!isFolder && (purpose === 'folder' || !info.isFile())) throw AppError.validation(field, rule.notFile);
  const maxBytes = options.maxBytes ?? rule.maxBytes;
  if (!isFolder && info.size > maxBytes) throw AppError.validation(field, rule.tooBig(maxBytes));
  return { path, realPath, name: basename(path), size: isFolder ? 0 : info.size, mtimeMs: info.mtimeMs, isFolder, identity: { dev: info.dev, ino: info.ino } };
}

/**
 * The bytes of a checked file, for the readers that parse a file whole (calendar, .eml, attachments; their limits
 * are small). Opened without following a link and without blocking, and refused if it is no longer the file that
 * was checked; reading stops at the limit even if the file grows meanwhile.
 */
export async function readChecked(file: PickedFile, field: string, purpose: ReadPurpose, options: { maxBytes?: number } = {}): Promise<Buffer> {
  const rule = RULES[purpose];
  const maxBytes = options.maxBytes ?? rule.maxBytes;
  let handle: FileHandle;
  try {
    handle = await open(file.realPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fsError(error, file.path, field);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw AppError.validation(field, rule.notFile);
    if (info.dev !== file.identity.dev || info.ino !== file.identity.ino) throw AppError.validation(field, 'The file was replaced while Rapport was reading it: choose it again');
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(Math.min(1024 * 1024, maxBytes + 1));
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(chunk, 0, chunk.length, null));
      } catch (error) {
        throw fsError(error, file.path, field);
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw AppError.validation(field, rule.tooBig(maxBytes));
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** checkPicked, then readChecked: a picked file's bytes. */
export async function readPicked(picks: PickMemory, path: string, field: string, purpose: ReadPurpose, options: { maxBytes?: number } = {}): Promise<{ file: PickedFile; bytes: Buffer }> {
  const file = checkPicked(picks, path, field, purpose, options);
  return { file, bytes: await readChecked(file, field, purpose, options) };
}

/** A file system failure in our words; the path may be named (it is not the file's content), the errno code is ours to show. */
function fsError(error: unknown, path: string, field: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return AppError.notFound('File', path);
  if (code === 'EACCES' || code === 'EPERM') return AppError.validation(field, 'Rapport is not allowed to read that file');
  if (code === 'ELOOP') return AppError.validation(field, 'That is a link to another file: choose the file itself');
  if (code === 'ENAMETOOLONG') return AppError.validation(field, 'This path is too long for the computer to open');
  return AppError.validation(field, `The file could not be read (${code ?? 'unknown error'})`);
}
