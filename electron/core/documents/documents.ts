// Documents kept with contacts, companies and jobs: attach (copy into the blob store, or link in place),
// list, rename, Trash, open/reveal through the platform, previews, the integrity check and emptying Trash.
// Blob writes and blob removals are serialised, so emptying Trash never removes a blob an attach is about
// to use; opens of one document are serialised too (two at once raced on its read-only copy). Only picked paths
// are attached (files/picked.ts) and only document types are opened (open-rule.ts). No `electron` import.
import { chmod, copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Document } from '../../../shared/domain/document';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import {
  addLink,
  deleteTrashed,
  findDocument,
  insertDocument,
  linkedDocuments,
  linksOf,
  listDocuments,
  removeLink,
  shaInUse,
  storedRows,
  updateDocument,
  type DocumentLink,
  type DocumentRecord,
  type NewDocument,
  type TargetType,
} from '../../db/documents.repo';
import { findActivity, toActivity } from '../../db/activities.repo';
import { getSetting, setSetting } from '../../db/settings.repo';
import type { DB } from '../../db/schema';
import { checkFile, readChecked } from '../files/picked';
import { requireCompany, requireContact, requireJob } from '../links';
import type { FeatureContext } from '../modules';
import { createBlobStore } from './blob-store';
import { FOLDER_TYPE, indexableText, isTextType, safeExtension, sniffPreviewable, typeFromName } from './file-types';
import { mayOpen } from './open-rule';

/** Copies made to open in another program (documents, PDF previews); cleanOpened removes them after a day. */
export const OPENED_DIR = 'opened';
export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;
const MAX_FILE_SETTING = 'documents.maxFileBytes';
/** Text files are searchable by their first megabyte: enough for notes and quotes, bounded for the index. */
export const INDEXED_TEXT_BYTES = 1024 * 1024;
/** The in-app viewer gets at most this much (base64 over IPC); bigger files open in the OS app. */
export const PREVIEW_MAX_BYTES = 25 * 1024 * 1024;
/** Copies handed to the OS by Open live this long; the original stays in the store. */
const OPENED_COPY_TTL_MS = 24 * 3600 * 1000;

type Targets = { contactId?: string | undefined; companyId?: string | undefined; jobId?: string | undefined; activityId?: string | undefined };

function targetsOf(input: Targets): { type: TargetType; id: string }[] {
  const out: { type: TargetType; id: string }[] = [];
  if (input.contactId) out.push({ type: 'contact', id: input.contactId });
  if (input.companyId) out.push({ type: 'company', id: input.companyId });
  if (input.jobId) out.push({ type: 'job', id: input.jobId });
  if (input.activityId) out.push({ type: 'activity', id: input.activityId });
  return out;
}

async function requireTarget(db: Kysely<DB>, target: { type: TargetType; id: string }): Promise<void> {
  if (target.type === 'contact') await requireContact(db, target.id);
  else if (target.type === 'company') await requireCompany(db, target.id);
  else if (target.type === 'job') await requireJob(db, target.id);
  else await requireActivity(db, target.id);
}

/** Like links.ts's helpers: an activity that is gone or in Trash takes no new files. */
async function requireActivity(db: Kysely<DB>, activityId: string): Promise<void> {
  const activity = await findActivity(db, activityId);
  if (!activity || toActivity(activity).deletedAt) throw AppError.notFound('Activity', activityId);
}

export function createDocumentsService({ deps: { db, clock, events, newId }, dataDir, platform, picks }: FeatureContext) {
  const blobs = createBlobStore(join(dataDir, 'documents'));
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs blob-changing work one at a time (see the header). */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }
  /** Removes the stored files of `hashes` that no document row (live or trashed) holds; call inside `serial`. */
  async function freeUnused(hashes: readonly string[]): Promise<{ blobsRemoved: number; bytesFreed: number }> {
    let blobsRemoved = 0;
    let bytesFreed = 0;
    for (const sha256 of hashes) {
      if (await shaInUse(db, sha256)) continue; // another document (live or trashed) still holds these bytes
      bytesFreed += await blobs.remove(sha256);
      blobsRemoved++;
    }
    return { blobsRemoved, bytesFreed };
  }
  const opening = new Map<string, Promise<unknown>>();
  /** Runs the opens of one document one at a time; different documents still open side by side. */
  function oneOpenAtATime<T>(id: string, work: () => Promise<T>): Promise<T> {
    const run = (opening.get(id) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    opening.set(id, settled);
    void settled.then(() => opening.get(id) === settled && opening.delete(id));
    return run;
  }

  async function linkState(doc: DocumentRecord): Promise<Document['linkState']> {
    if (doc.mode !== 'link' || doc.linkPath === null) return null;
    const info = await stat(doc.linkPath).catch(() => null);
    if (!info || info.isDirectory() !== doc.isFolder) return 'missing';
    if (!doc.isFolder && (info.size !== doc.size || Math.trunc(info.mtimeMs) !== doc.linkMtimeMs)) return 'changed';
    return 'ok';
  }

  async function toDocuments(docs: DocumentRecord[]): Promise<Document[]> {
    const links = await linksOf(db, docs.map((d) => d.id));
    return Promise.all(docs.map(async (d) => toDocument(d, links.filter((l) => l.documentId === d.id), await linkState(d))));
  }

  async function load(id: string, from: Kysely<DB> = db): Promise<Document> {
    const doc = await findDocument(from, id);
    if (!doc) throw AppError.notFound('Document', id);
    return toDocument(doc, await linksOf(from, [id]), await linkState(doc));
  }

  async function maxFileBytes(from: Kysely<DB> = db): Promise<number> {
    const value = Number(await getSetting(from, MAX_FILE_SETTING));
    return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_FILE_BYTES;
  }

  async function change(id: string, patch: (current: DocumentRecord, trx: Kysely<DB>) => Promise<void>, action: 'updated' | 'deleted' | 'restored' = 'updated') {
    const doc = await db.transaction().execute(async (trx) => {
      const current = await findDocument(trx, id);
      if (!current) throw AppError.notFound('Document', id);
      await patch(current, trx);
      await updateDocument(trx, id, { updatedAt: clock.now().toISOString() });
      return load(id, trx);
    });
    events.emit('data.changed', { entity: 'document', action, ids: [id] });
    return doc;
  }

  /** Where the bytes of a document are now; NOT_FOUND when they are gone (a moved link, a lost blob). */
  async function locate(id: string): Promise<{ doc: DocumentRecord; path: string }> {
    const doc = await findDocument(db, id);
    if (!doc) throw AppError.notFound('Document', id);
    const path = doc.mode === 'link' ? doc.linkPath! : blobs.pathOf(doc.sha256!);
    if (!(await stat(path).then(() => true, () => false))) {
      throw new AppError('NOT_FOUND', doc.mode === 'link' ? `"${doc.name}" is no longer at ${path}: it was moved or deleted` : `The stored copy of "${doc.name}" is missing (run the documents check)`);
    }
    return { doc, path };
  }

  /** The OS may refuse (no app for the type): say so instead of an internal error. */
  async function openWithOs(name: string, path: string): Promise<void> {
    try {
      await platform.openPath(path);
    } catch (error) {
      throw new AppError('UNAVAILABLE', `The computer could not open "${name}"${error instanceof Error && error.message ? `: ${error.message}` : ''}`);
    }
  }

  /** A type Rapport does not open: the file is shown in its folder, and the answer says so. */
  function revealInstead(path: string): ChannelOutput<'documents.open'> {
    platform.revealPath(path);
    return { ok: true, action: 'revealed' };
  }

  async function removeUnusedBlob(sha256: string): Promise<number> {
    return (await shaInUse(db, sha256)) ? 0 : blobs.remove(sha256);
  }

  return {
    blobs,
    maxFileBytes: () => maxFileBytes(),

    /**
     * Removes read-only copies made by Open more than a day ago (a file still open elsewhere is skipped).
     * Compared with the file system's own time, not the app clock: modification times come from the OS.
     */
    async cleanOpened(now = Date.now()): Promise<number> {
      const dir = join(dataDir, OPENED_DIR);
      let removed = 0;
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const path = join(dir, name);
        try {
          if (now - (await stat(path)).mtimeMs < OPENED_COPY_TTL_MS) continue;
          await chmod(path, 0o600); // Windows refuses to delete a read-only file
          await rm(path, { force: true });
          removed++;
        } catch {
          // in use or already gone: next start tries again
        }
      }
      return removed;
    },

    async attach(input: ChannelParsedInput<'documents.attach'>): Promise<Document> {
      // Only a path picked in the dialog this session, a regular file (or a folder to link) within the limit.
      const picked = picks.check(input.path, 'path', input.mode === 'link' ? 'link' : 'document', input.mode === 'link' ? {} : { maxBytes: await maxFileBytes() });
      const targets = targetsOf(input);
      for (const target of targets) await requireTarget(db, target);
      const name = basename(input.path).normalize('NFC') || input.path;
      const id = newId();
      const doc = await serial(async () => {
        const now = clock.now().toISOString();
        const base = { id, name, note: input.note ?? null, createdAt: now, updatedAt: now, deletedAt: null };
        let stored: { sha256: string } | null = null;
        let record: NewDocument;
        if (input.mode === 'link') {
          const folder = picked.isFolder;
          record = {
            ...base,
            type: folder ? FOLDER_TYPE : typeFromName(name),
            size: picked.size,
            sha256: null,
            mode: 'link',
            linkPath: input.path,
            linkMtimeMs: folder ? null : Math.trunc(picked.mtimeMs),
            isFolder: folder,
            content: null,
          };
        } else {
          const blob = await blobs.put(picked.realPath, { maxBytes: await maxFileBytes(), keepHead: INDEXED_TEXT_BYTES });
          stored = blob;
          const byName = typeFromName(name);
          const type = byName === 'application/octet-stream' ? (sniffPreviewable(blob.head) ?? byName) : byName;
          record = {
            ...base,
            type,
            size: blob.size,
            sha256: blob.sha256,
            mode: 'copy',
            linkPath: null,
            linkMtimeMs: null,
            isFolder: false,
            content: isTextType(type) ? indexableText(blob.head) : null,
          };
        }
        try {
          return await db.transaction().execute(async (trx) => {
            // Checked again inside the transaction: a target could have gone to Trash while the file was copied.
            for (const target of targets) await requireTarget(trx, target);
            await insertDocument(trx, record);
            for (const target of targets) await addLink(trx, id, target.type, target.id, now);
            return load(id, trx);
          });
        } catch (error) {
          if (stored) await removeUnusedBlob(stored.sha256);
          throw error;
        }
      });
      events.emit('data.changed', { entity: 'document', action: 'created', ids: [id] });
      return doc;
    },

    get: ({ id }: { id: string }) => load(id),

    async list(input: ChannelParsedInput<'documents.list'>): Promise<ChannelOutput<'documents.list'>> {
      const targets = targetsOf(input);
      if (targets.length > 1) throw AppError.validation('contactId', 'List the documents of one record at a time');
      if (targets.length > 0 && input.activityIds) throw AppError.validation('activityIds', 'List by activities or by one record, not both');
      const page = await listDocuments(db, { ...input, target: targets[0] });
      return { items: await toDocuments(page.items), total: page.total, nextCursor: page.nextCursor };
    },

    rename(input: ChannelParsedInput<'documents.rename'>): Promise<Document> {
      return change(input.id, async (_current, trx) => {
        if (input.name !== undefined) await updateDocument(trx, input.id, { name: input.name });
        if (input.note !== undefined) await updateDocument(trx, input.id, { note: input.note });
      });
    },

    link(input: ChannelParsedInput<'documents.link'>): Promise<Document> {
      const targets = targetsOf(input);
      if (targets.length === 0) throw AppError.validation('contactId', 'Choose a contact, company, job or activity');
      return change(input.id, async (_current, trx) => {
        for (const target of targets) {
          await requireTarget(trx, target);
          await addLink(trx, input.id, target.type, target.id, clock.now().toISOString());
        }
      });
    },

    unlink(input: ChannelParsedInput<'documents.unlink'>): Promise<Document> {
      const targets = targetsOf(input);
      if (targets.length === 0) throw AppError.validation('contactId', 'Choose a contact, company, job or activity');
      return change(input.id, async (_current, trx) => {
        for (const target of targets) await removeLink(trx, input.id, target.type, target.id);
      });
    },

    delete: ({ id }: { id: string }) =>
      change(id, async (current, trx) => updateDocument(trx, id, { deletedAt: current.deletedAt ?? clock.now().toISOString() }), 'deleted'),
    restore: ({ id }: { id: string }) =>
      change(id, async (_current, trx) => updateDocument(trx, id, { deletedAt: null }), 'restored'),

    emptyTrash(): Promise<ChannelOutput<'documents.emptyTrash'>> {
      return serial(async () => {
        const removed = await db.transaction().execute((trx) => deleteTrashed(trx));
        const freed = await freeUnused(removed.hashes);
        if (removed.count > 0) events.emit('data.changed', { entity: 'document', action: 'deleted', ids: [] });
        return { documents: removed.count, ...freed };
      });
    },

    /** After document rows were deleted elsewhere (Trash's delete for good): removes the files no document uses now. */
    freeBlobs: (hashes: readonly string[]) => serial(() => freeUnused(hashes)),

    /** Opens a document type with the OS app; anything else (a program, a script, a link) is shown in its folder. */
    open({ id }: { id: string }): Promise<ChannelOutput<'documents.open'>> {
      return oneOpenAtATime(id, async () => {
        const { doc, path } = await locate(id);
        if (doc.mode === 'link') {
          // Judged by the name the OS will see: the linked file's own, not the (renamable) document name.
          if (!(await mayOpen(path, basename(path)))) return revealInstead(path);
          await openWithOs(doc.name, path);
          return { ok: true, action: 'opened' } as const;
        }
        // Stored files have no extension, so the OS could not pick an app: hand it a read-only copy named by
        // the document's id and a letters-only extension (never by its name).
        const copyName = `${doc.id}${safeExtension(doc.name)}`;
        if (!(await mayOpen(path, copyName))) return revealInstead(path);
        const dir = join(dataDir, OPENED_DIR);
        await mkdir(dir, { recursive: true });
        const copy = join(dir, copyName);
        await chmod(copy, 0o600).catch(() => undefined); // Windows refuses to delete a read-only file
        await rm(copy, { force: true });
        await copyFile(path, copy);
        await chmod(copy, 0o444);
        await openWithOs(doc.name, copy);
        return { ok: true, action: 'opened' } as const;
      });
    },

    async reveal({ id }: { id: string }): Promise<{ ok: true }> {
      const { path } = await locate(id);
      platform.revealPath(path);
      return { ok: true };
    },

    async preview({ id }: { id: string }): Promise<ChannelOutput<'documents.preview'>> {
      const { doc, path } = await locate(id);
      if (doc.isFolder) throw AppError.validation('id', 'A folder has no preview');
      // A linked file is read under the picked-file rule (it may have become a link, a pipe or a folder since).
      const linked = doc.mode === 'link' ? checkFile(path, 'id', 'link') : null;
      const size = linked ? linked.size : (await stat(path)).size;
      if (size > PREVIEW_MAX_BYTES) throw AppError.validation('id', 'Too large to preview here: open it instead');
      const bytes = linked ? await readChecked(linked, 'id', 'link', { maxBytes: PREVIEW_MAX_BYTES }) : await readFile(path);
      const type = sniffPreviewable(bytes);
      if (type === null) throw AppError.validation('id', 'Only images (PNG, JPEG, GIF, WebP) and PDFs can be previewed');
      return { type, base64: bytes.toString('base64') };
    },

    /** Reports, never fixes: a wrong answer here must not cost the user a file. */
    async check(): Promise<ChannelOutput<'documents.check'>> {
      const rows = await storedRows(db);
      const onDisk = new Set(await blobs.list());
      const used = new Set(rows.map((r) => r.sha256));
      const missingBlobs = rows.filter((r) => !onDisk.has(r.sha256)).map((r) => ({ documentId: r.id, name: r.name, sha256: r.sha256 }));
      const corruptBlobs: { sha256: string; actual: string }[] = [];
      for (const sha256 of onDisk) {
        // A blob removed since it was listed (Trash emptied meanwhile) is simply gone, not corrupt.
        const actual = await blobs.hashOf(sha256).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return sha256;
          throw error;
        });
        if (actual !== sha256) corruptBlobs.push({ sha256, actual });
      }
      const brokenLinks: { documentId: string; name: string; path: string }[] = [];
      for (const doc of await linkedDocuments(db)) {
        if ((await linkState(doc)) === 'missing') brokenLinks.push({ documentId: doc.id, name: doc.name, path: doc.linkPath! });
      }
      return {
        checkedRows: rows.length,
        checkedBlobs: onDisk.size,
        missingBlobs,
        corruptBlobs,
        orphanBlobs: [...onDisk].filter((h) => !used.has(h)),
        brokenLinks,
      };
    },

    async settings(): Promise<ChannelOutput<'documents.settings.get'>> {
      return { maxFileBytes: await maxFileBytes() };
    },

    async updateSettings(input: ChannelParsedInput<'documents.settings.update'>): Promise<ChannelOutput<'documents.settings.update'>> {
      await setSetting(db, MAX_FILE_SETTING, String(input.maxFileBytes));
      events.emit('data.changed', { entity: 'settings', action: 'updated', ids: [MAX_FILE_SETTING] });
      return { maxFileBytes: await maxFileBytes() };
    },
  };
}

function toDocument(doc: DocumentRecord, links: DocumentLink[], linkState: Document['linkState']): Document {
  return {
    id: doc.id,
    name: doc.name,
    type: doc.type,
    size: doc.size,
    sha256: doc.sha256,
    mode: doc.mode,
    linkPath: doc.linkPath,
    linkState,
    isFolder: doc.isFolder,
    note: doc.note,
    links: links.map((l) => ({ type: l.type, id: l.id, title: l.title ?? '', ...(l.type === 'activity' && l.contactId ? { contactId: l.contactId } : {}) })),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    deletedAt: doc.deletedAt,
  };
}
