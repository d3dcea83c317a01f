// The erasure's files beside the data file (issue #21): stored documents nothing else holds, read-only copies made
// to open a document, and lines of the log files that quote the person. Node only; no `electron` import.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { writeFileAtomic } from '../../db/backups.files';
import { shaInUse } from '../../db/documents.repo';
import type { DB } from '../../db/schema';
import { createBlobStore } from '../documents/blob-store';
import { PENDING_EXPORTS_FILE } from '../export-file';
import { LOG_FILE } from '../logger';
import { mentions, scrub } from './erase-identity';

/**
 * Removes the stored files of `hashes` that no document row holds any more. Unlinked, not overwritten: a backup
 * keeps the same file as a hard link (backups/blobs), and zeroing it would damage that backup.
 */
export async function freeBlobs(dataDir: string, db: Kysely<DB>, hashes: readonly string[]): Promise<number> {
  const blobs = createBlobStore(join(dataDir, 'documents'));
  let removed = 0;
  for (const sha256 of hashes) {
    if (await shaInUse(db, sha256)) continue;
    await blobs.remove(sha256);
    removed++;
  }
  return removed;
}

/** The read-only copies documents.open made of erased documents (opened/<document id>.<ext>). */
export async function removeOpenedCopies(dataDir: string, documentIds: readonly string[]): Promise<void> {
  const dir = join(dataDir, 'opened');
  if (documentIds.length === 0 || !existsSync(dir)) return;
  const ids = new Set(documentIds);
  for (const name of readdirSync(dir)) if (ids.has(name.split('.')[0]!)) await rm(join(dir, name), { force: true });
}

/** The log files Rapport writes in the data folder (logs/rapport.log and its previous megabyte, the exports journal). */
export function logFiles(dataDir: string): string[] {
  return [join(dataDir, 'logs', LOG_FILE), join(dataDir, 'logs', `${LOG_FILE}.1`), join(dataDir, LOG_FILE), join(dataDir, PENDING_EXPORTS_FILE)].filter((f) => existsSync(f));
}

/**
 * Rewrites each log file with the person's words replaced by "[erased]" (an error can quote an address, a path can
 * hold a name). Lines that do not mention them are kept as they were. Returns how many lines changed.
 */
export function scrubLogs(dataDir: string, needles: readonly string[]): number {
  let changed = 0;
  for (const file of logFiles(dataDir)) {
    const text = readFileSync(file, 'utf8');
    if (!mentions(text, needles)) continue;
    const lines = text.split('\n').map((line) => {
      if (!mentions(line, needles)) return line;
      changed++;
      return scrub(line, needles);
    });
    writeFileAtomic(file, lines.join('\n'));
  }
  return changed;
}
