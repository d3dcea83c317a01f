// One collection's sync run (issue #24): what push.ts and pull.ts share. The session holds the collection's item
// state as read at the start and writes every change to it straight away, each after the local change it records has
// committed, so a process killed at any point leaves state that the next run can only re-check, never skip past.
import { createHash } from 'node:crypto';
import type { SyncConflictField, SyncRecordKind } from '../../../shared/domain/sync';
import { insertConflict, putObject, type AccountRow, type CollectionRow, type ObjectRow } from '../../db/sync.repo';
import type { ServiceDeps } from '../deps';
import type { Logger } from '../logger';
import type { DavTransport } from './dav-transport';
import type { LocalRecord, RecordMapper } from './mapping';
import { merge3, sameText } from './merge3';

export const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

export interface RunCounts {
  sent: number;
  received: number;
  deleted: number;
  conflicts: number;
  problems: number;
}

export interface Session {
  deps: ServiceDeps;
  logger: Logger;
  transport: DavTransport;
  account: AccountRow;
  collection: CollectionRow;
  /** The mappers of the kinds this collection carries (contacts; or appointments and/or follow-ups). */
  mappers: RecordMapper[];
  objects: Map<string, ObjectRow>;
  counts: RunCounts;
  /** Called after each item so the window can show progress. */
  tick(): void;
}

export function mapperFor(session: Session, kind: SyncRecordKind): RecordMapper {
  const mapper = session.mappers.find((m) => m.kind === kind);
  if (!mapper) throw new Error(`no mapper for ${kind}`);
  return mapper;
}

export async function renderOne(session: Session, mapper: RecordMapper, record: LocalRecord, version?: '3.0' | '4.0'): Promise<string | null> {
  return (await mapper.render([record], { version: version ?? session.account.vcard_version })).get(record.id) ?? null;
}

/** The vCard version an existing item is written in (keep it), or the account's for a new one. */
export function versionOf(session: Pick<Session, 'account'>, text: string | null): '3.0' | '4.0' {
  const written = text ? /^VERSION:(\d\.\d)/m.exec(text)?.[1] : undefined;
  return written === '3.0' || written === '4.0' ? written : session.account.vcard_version;
}

export async function saveObject(session: Session, row: Omit<ObjectRow, 'collection_id' | 'updated_at' | 'state' | 'problem'> & Partial<Pick<ObjectRow, 'state' | 'problem'>>): Promise<void> {
  const full: ObjectRow = { collection_id: session.collection.id, state: 'clean', problem: null, updated_at: session.deps.clock.now().toISOString(), ...row };
  await putObject(session.deps.db, full);
  session.objects.set(full.href, full);
}

/** A card for the user: nothing is dropped; the item waits (state 'conflict') until they choose. */
export async function raiseConflict(
  session: Session,
  object: ObjectRow,
  kind: 'bothEdited' | 'deletedHere' | 'deletedThere',
  texts: { local: string | null; remote: string | null; remoteEtag: string | null },
): Promise<void> {
  const mapper = mapperFor(session, object.record_kind);
  let fields: SyncConflictField[] = [];
  if (kind === 'bothEdited' && texts.local !== null && texts.remote !== null) {
    const { clashes } = merge3(mapper.format, object.base_text, texts.local, texts.remote);
    const [b, l, r] = [mapper.format.split(object.base_text), mapper.format.split(texts.local), mapper.format.split(texts.remote)];
    fields = clashes.map((key) => ({ key, label: mapper.format.label(key), base: mapper.format.show(b.get(key)), local: mapper.format.show(l.get(key)), remote: mapper.format.show(r.get(key)) }));
  }
  const id = session.deps.newId();
  await insertConflict(session.deps.db, {
    id,
    collection_id: session.collection.id,
    href: object.href,
    record_kind: object.record_kind,
    local_id: object.local_id || null,
    kind,
    base_text: object.base_text,
    local_text: texts.local,
    remote_text: texts.remote,
    remote_etag: texts.remoteEtag,
    fields: JSON.stringify(fields),
    created_at: session.deps.clock.now().toISOString(),
    resolved_at: null,
  });
  await saveObject(session, { ...object, state: 'conflict' });
  session.counts.conflicts += 1;
  session.deps.events.emit('sync.conflict', { accountId: session.account.id, conflictId: id });
}

/**
 * The server's text meets a record that changed here too: merge field by field. Without a clash the merged text is
 * written here and sent back (If-Match on the server's ETag); with one, a conflict card. Returns whether it merged.
 */
export async function mergeBothSides(session: Session, object: ObjectRow, local: string, remote: { data: string; etag: string | null }): Promise<boolean> {
  const mapper = mapperFor(session, object.record_kind);
  const { fields, clashes } = merge3(mapper.format, object.base_text, local, remote.data);
  if (clashes.length > 0) {
    await raiseConflict(session, object, 'bothEdited', { local, remote: remote.data, remoteEtag: remote.etag });
    return false;
  }
  const merged = mapper.format.join(fields, remote.data);
  await writeAgreed(session, object, merged, remote);
  return true;
}

/** Writes `text` here and, when it differs from the server's, there (If-Match); records the agreement. */
export async function writeAgreed(session: Session, object: ObjectRow, text: string, remote: { data: string; etag: string | null }): Promise<void> {
  const mapper = mapperFor(session, object.record_kind);
  const id = await mapper.apply(text, object.local_id || null);
  const after = await renderOne(session, mapper, { id, uid: object.uid }, versionOf(session, text));
  const hash = after === null ? '' : hashOf(after);
  let agreed = { text: remote.data, etag: remote.etag };
  if (!sameText(mapper.format, text, remote.data) && remote.etag !== null) {
    const put = await session.transport.put(object.href, text, { ifMatch: remote.etag });
    if (put.kind === 'stored') {
      agreed = { text, etag: put.etag ?? (await session.transport.get(object.href))?.etag ?? null };
      session.counts.sent += 1;
    } else {
      // Changed there again meanwhile: keep the server's text as the base; the next run merges once more.
      await saveObject(session, { ...object, local_id: id, base_text: remote.data, etag: remote.etag, local_hash: '' });
      return;
    }
  }
  await saveObject(session, { ...object, local_id: id, base_text: agreed.text, etag: agreed.etag, local_hash: hash });
}
