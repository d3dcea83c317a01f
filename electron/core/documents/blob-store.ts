// The content-addressed file store under <dataDir>/documents/: a file's path is made only from its SHA-256
// (documents/ab/abcdef…), never from its name, so no name can traverse or overwrite; the same bytes are
// stored once. Writes go to a temp file in the same folder, are fsynced, then renamed into place, so a
// crash leaves at most a stray temp file, never a half file under a real name. No `electron` import.
import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { formatBytes } from '../../../shared/domain/text';

const HASH = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.incoming-';
const CHUNK = 1024 * 1024;
const FOLDER_MESSAGE = 'That is a folder: link it instead of copying it';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** The first `keepHead` bytes, for text indexing and type sniffing. */
  head: Buffer;
}

export interface BlobStore {
  readonly root: string;
  pathOf(sha256: string): string;
  /** Copies `source` in, hashing as it reads; refuses files over `maxBytes` (also if one grows while read). */
  put(source: string, options: { maxBytes: number; keepHead: number }): Promise<StoredBlob>;
  has(sha256: string): Promise<boolean>;
  /** Every stored hash (files named like a hash in a two-letter folder); temp files are not listed. */
  list(): Promise<string[]>;
  hashOf(sha256: string): Promise<string>;
  remove(sha256: string): Promise<number>;
}

export function createBlobStore(root: string): BlobStore {
  function pathOf(sha256: string): string {
    // The only place a stored path is made, and only from a checked hash.
    if (!HASH.test(sha256)) throw new Error('not a sha256');
    return join(root, sha256.slice(0, 2), sha256);
  }

  async function hashFile(path: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async function syncDir(dir: string): Promise<void> {
    // Makes the rename itself durable; some platforms (Windows) cannot open a folder, and need not.
    let handle: FileHandle | undefined;
    try {
      handle = await open(dir, 'r');
      await handle.sync();
    } catch {
      // best effort
    } finally {
      await handle?.close();
    }
  }

  return {
    root,
    pathOf,

    async put(source, { maxBytes, keepHead }) {
      let input: FileHandle;
      try {
        // Non-blocking, so a named pipe cannot hang the app; it is refused below as not a regular file.
        input = await open(source, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      } catch (error) {
        throw unreadable(error, source);
      }
      await mkdir(root, { recursive: true });
      const temp = join(root, `${TEMP_PREFIX}${randomUUID()}`);
      const output = await open(temp, 'wx', 0o600);
      let done = false;
      try {
        const info = await input.stat();
        if (info.isDirectory()) throw AppError.validation('path', FOLDER_MESSAGE);
        if (!info.isFile()) throw AppError.validation('path', 'That is not a regular file, so it cannot be stored');
        if (info.size > maxBytes) throw tooBig(maxBytes);
        const hash = createHash('sha256');
        const heads: Buffer[] = [];
        let headBytes = 0;
        let size = 0;
        const buffer = Buffer.alloc(CHUNK);
        for (;;) {
          let read: number;
          try {
            ({ bytesRead: read } = await input.read(buffer, 0, CHUNK, null));
          } catch (error) {
            throw unreadable(error, source);
          }
          if (read === 0) break;
          size += read;
          if (size > maxBytes) throw tooBig(maxBytes);
          const chunk = buffer.subarray(0, read);
          hash.update(chunk);
          if (headBytes < keepHead) {
            const part = Buffer.from(chunk.subarray(0, keepHead - headBytes));
            heads.push(part);
            headBytes += part.length;
          }
          await output.write(chunk);
        }
        await output.sync();
        await output.close();
        const sha256 = hash.digest('hex');
        const target = pathOf(sha256);
        await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
        if (await exists(target)) {
          // Same content already stored: keep the one we have (its name is its content).
          await rm(temp, { force: true });
        } else {
          await rename(temp, target);
          await syncDir(join(root, sha256.slice(0, 2)));
        }
        done = true;
        return { sha256, size, head: Buffer.concat(heads) };
      } finally {
        await input.close();
        if (!done) {
          await output.close().catch(() => undefined);
          await rm(temp, { force: true });
        }
      }
    },

    has: (sha256) => exists(pathOf(sha256)),

    async list() {
      const found: string[] = [];
      for (const dir of await readdir(root).catch(() => [] as string[])) {
        if (!/^[0-9a-f]{2}$/.test(dir)) continue;
        for (const name of await readdir(join(root, dir)).catch(() => [] as string[])) {
          if (HASH.test(name) && name.startsWith(dir)) found.push(name);
        }
      }
      return found.sort();
    },

    hashOf: (sha256) => hashFile(pathOf(sha256)),

    async remove(sha256) {
      const path = pathOf(sha256);
      const size = await stat(path).then((s) => s.size, () => 0);
      await rm(path, { force: true });
      return size;
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function tooBig(maxBytes: number): AppError {
  return AppError.validation('path', `The file is larger than the ${formatBytes(maxBytes)} limit for documents. Change the limit in Settings → Documents.`);
}

function unreadable(error: unknown, source: string): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return AppError.notFound('File', source);
  if (code === 'EACCES' || code === 'EPERM') return AppError.validation('path', 'Rapport is not allowed to read that file');
  if (code === 'EISDIR') return AppError.validation('path', FOLDER_MESSAGE);
  return AppError.validation('path', `The file could not be read (${code ?? 'unknown error'})`);
}
