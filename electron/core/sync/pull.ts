// Receiving the server's changes (issue #24 item 4): sync-collection with the stored token (a truncated answer is
// asked again; an expired token falls back to a full listing), or a full href/ETag listing where the server has no
// sync; bodies by multiget in batches. Items are matched by href, then by UID, so a renamed or re-uploaded item is
// never a second record. The token is saved only after every change it covers has been written here.
import { AppError } from '../../../shared/ipc/errors';
import { deleteObject, dropOpenConflict, openConflictOf, saveCollectionState, type ObjectRow } from '../../db/sync.repo';
import type { DavItem, DavItemRef, SyncResult } from './dav-transport';
import { ERASED } from './push';
import { hashOf, mapperFor, mergeBothSides, raiseConflict, renderOne, saveObject, versionOf, writeAgreed, type Session } from './session';

interface RemoteChanges {
  changed: DavItemRef[];
  deleted: string[];
  token: string | null;
  full: boolean;
}

export async function remoteChanges(session: Session): Promise<RemoteChanges> {
  const { transport, collection } = session;
  if (collection.supports_sync && collection.sync_token !== null) {
    const changed: DavItemRef[] = [];
    const deleted: string[] = [];
    let token: string | null = collection.sync_token;
    for (let round = 0; round < 1000; round += 1) {
      const result = await transport.syncChanges(collection.href, token);
      if (result.kind === 'tokenExpired') return fullListing(session, true);
      changed.push(...result.changed);
      deleted.push(...result.deleted);
      token = result.token;
      if (!result.more) return { changed, deleted, token, full: false };
    }
    return fullListing(session, true);
  }
  return fullListing(session, Boolean(collection.supports_sync));
}

/** Every href and ETag. Missing known items count as deleted only because the listing is complete. */
async function fullListing(session: Session, withToken: boolean): Promise<RemoteChanges> {
  const { transport, collection } = session;
  const complete = (listed: DavItemRef[], token: string | null): RemoteChanges => {
    const present = new Set(listed.map((r) => r.href));
    const deleted = [...session.objects.keys()].filter((href) => !present.has(href));
    return { changed: listed, deleted, token, full: true };
  };
  // A sync-collection from no token is itself a complete listing with its token (RFC 6578 3.8), in one snapshot: on a
  // big collection that is one read of every item on the server instead of two. Truncated (507), list apart.
  const first = withToken ? await initialSync(session) : null;
  if (first && first.kind === 'changes' && !first.more) return complete(first.changed, first.token);
  // Take the token before listing: changes made while listing are then fetched again next time, never missed.
  const token = first ? await freshToken(session, first) : null;
  return complete(await transport.list(collection.href), token);
}

async function initialSync(session: Session): Promise<SyncResult | null> {
  try {
    return await session.transport.syncChanges(session.collection.href, null);
  } catch {
    return null;
  }
}

/** The token after a truncated (or refused) first answer: the rest is asked for, the items are listed apart. */
async function freshToken(session: Session, result: SyncResult): Promise<string | null> {
  try {
    if (result.kind !== 'changes') return null;
    let token = result.token;
    for (let more = result.more, round = 0; more && round < 1000; round += 1) {
      const next = await session.transport.syncChanges(session.collection.href, token);
      if (next.kind !== 'changes') return null;
      token = next.token;
      more = next.more;
    }
    return token;
  } catch {
    return null;
  }
}

export async function pullChanges(session: Session, changes: RemoteChanges): Promise<void> {
  const { transport, collection, deps } = session;
  const wanted = changes.changed.filter((ref) => {
    const known = session.objects.get(ref.href);
    // Our own push (or nothing new): the ETag we stored is the server's.
    return !known || known.etag === null || ref.etag === null || known.etag !== ref.etag || known.problem !== null;
  });
  const { items, missing } = await transport.multiget(collection.href, wanted.map((r) => r.href), collection.kind);
  for (const item of items) {
    await receive(session, item);
    session.tick();
  }
  for (const href of [...new Set([...changes.deleted, ...missing])]) {
    const object = session.objects.get(href);
    if (object) await receiveDeletion(session, object);
  }
  const state: Parameters<typeof saveCollectionState>[2] = { sync_token: changes.token };
  if (changes.full) state.last_full_sync_at = deps.clock.now().toISOString();
  await saveCollectionState(deps.db, collection.id, state);
}

async function receive(session: Session, item: DavItem): Promise<void> {
  const mapper = session.mappers.find((m) => m.accepts(item.data));
  if (!mapper) return; // A journal entry or a group card: not a record Rapport keeps; left alone on the server.
  let object = session.objects.get(item.href);
  const uid = mapper.uidOf(item.data);
  if (!object && uid !== null) {
    // The same item at a new href (a server that renames, or a client that re-uploaded): one record, not two.
    const moved = [...session.objects.values()].find((o) => o.uid === uid && o.record_kind === mapper.kind);
    if (moved) {
      await deleteObject(session.deps.db, session.collection.id, moved.href);
      session.objects.delete(moved.href);
      object = { ...moved, href: item.href };
    }
  }
  if (object && object.state === 'conflict') {
    const card = await openConflictOf(session.deps.db, session.collection.id, object.href);
    if (card && card.remote_etag !== null && card.remote_etag === item.etag) return; // The version the card is about.
    // The server changed an item that has an open card: the card was about an older version (resolving it would send
    // with a stale ETag, and this version is past the saved token), so it goes and the item is looked at afresh below.
    await dropOpenConflict(session.deps.db, session.collection.id, object.href);
    object = { ...object, state: 'clean' };
  }
  if (!object || object.local_id === '') {
    await receiveNew(session, item, uid, object);
    return;
  }
  const local = await renderOne(session, mapper, { id: object.local_id, uid: object.uid }, versionOf(session, object.base_text));
  const live = (await mapper.live([object.local_id])).has(object.local_id);
  if (!live && object.base_text === ERASED) return; // Erased here: the next push deletes it there; no card with their details.
  if (!live || local === null) {
    await raiseConflict(session, object, 'deletedHere', { local: null, remote: item.data, remoteEtag: item.etag });
    return;
  }
  if (hashOf(local) !== object.local_hash) {
    if (await mergeBothSides(session, object, local, item)) session.counts.received += 1;
    return;
  }
  await applyRemote(session, object, item);
}

async function applyRemote(session: Session, object: ObjectRow, item: DavItem): Promise<void> {
  try {
    await writeAgreed(session, object, item.data, item);
    session.counts.received += 1;
  } catch (error) {
    await keepProblem(session, { ...object, base_text: item.data, etag: item.etag }, error);
  }
}

async function receiveNew(session: Session, item: DavItem, uid: string | null, known: ObjectRow | undefined): Promise<void> {
  const mapper = session.mappers.find((m) => m.accepts(item.data))!;
  // An item without a UID gets one from its href; the local hash stays empty so the next push writes it back with it.
  const given = uid ?? `${item.href.split('/').pop()?.replace(/\.(vcf|ics)$/i, '') || session.deps.newId()}`;
  const object: ObjectRow = known ?? { collection_id: session.collection.id, href: item.href, etag: item.etag, uid: given, record_kind: mapper.kind, local_id: '', base_text: item.data, local_hash: '', state: 'clean', problem: null, updated_at: '' };
  try {
    const id = await mapper.apply(item.data, null);
    const after = await renderOne(session, mapper, { id, uid: given }, versionOf(session, item.data));
    await saveObject(session, { ...object, uid: given, etag: item.etag, local_id: id, base_text: item.data, local_hash: uid === null || after === null ? '' : hashOf(after), problem: null });
    session.counts.received += 1;
  } catch (error) {
    await keepProblem(session, { ...object, uid: given, etag: item.etag, base_text: item.data }, error);
  }
}

/** An item Rapport cannot hold yet: kept with the reason (shown in the status), fetched again when it changes. */
async function keepProblem(session: Session, object: ObjectRow, error: unknown): Promise<void> {
  if (!(error instanceof AppError)) throw error;
  // The words without the field path the contract adds ("firstName: …"): the status shows them to the user.
  const reason = error.issues?.[0]?.message ?? error.message;
  session.logger.warn('sync: item kept unread', { href: object.href, problem: error.message });
  await saveObject(session, { ...object, problem: reason });
  session.counts.problems += 1;
}

async function receiveDeletion(session: Session, object: ObjectRow): Promise<void> {
  const { deps } = session;
  if (object.state === 'conflict') return; // The card decides; resolving finds the item gone and says so.
  if (object.local_id !== '') {
    const mapper = mapperFor(session, object.record_kind);
    const live = (await mapper.live([object.local_id])).has(object.local_id);
    const local = live ? await renderOne(session, mapper, { id: object.local_id, uid: object.uid }, versionOf(session, object.base_text)) : null;
    if (local !== null && hashOf(local) !== object.local_hash) {
      // Edited here, deleted there: ask; the edit is not thrown away.
      await raiseConflict(session, object, 'deletedThere', { local, remote: null, remoteEtag: null });
      return;
    }
    if (live) await mapper.trash(object.local_id);
    session.counts.deleted += 1;
  }
  await deleteObject(deps.db, session.collection.id, object.href);
  session.objects.delete(object.href);
}
