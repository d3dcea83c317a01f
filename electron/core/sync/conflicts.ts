// Conflict cards (issue #24 item 5): listing them in the user's words and carrying out the user's choice on both
// sides. A resolution is sent with If-Match on the server's ETag from when the card was made; if the server changed
// again meanwhile, the next run merges once more (and makes a new card only for a new clash).
import type { SyncConflict, SyncConflictField } from '../../../shared/domain/sync';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { accountRow, collectionRow, conflictRow, deleteObject, markResolved, objectByHref, openConflicts } from '../../db/sync.repo';
import { itemHref } from './dav-transport';
import type { SyncEngine } from './engine';
import { passwordKey } from './engine';
import { chooseFields, merge3, outgoingText } from './merge3';
import type { RecordMapper } from './mapping';
import { hashOf, mergeBothSides, renderOne, saveObject, versionOf, writeAgreed, type RunCounts, type Session } from './session';
import type { ServiceDeps } from '../deps';
import type { Logger } from '../logger';
import type { SecretStore } from '../platform';

export function createConflicts(deps: ServiceDeps, logger: Logger, secrets: SecretStore, engine: SyncEngine, mappers: RecordMapper[]) {
  const mapperOf = (kind: string) => mappers.find((m) => m.kind === kind)!;

  async function list(input: ChannelParsedInput<'sync.conflicts.list'>): Promise<{ conflicts: SyncConflict[] }> {
    const rows = await openConflicts(deps.db, input.accountId);
    return {
      conflicts: rows.map((row) => ({
        id: row.id,
        accountId: row.account_id,
        accountName: row.account_name,
        recordKind: row.record_kind,
        localId: row.local_id,
        title: mapperOf(row.record_kind).title(row.local_text ?? row.remote_text ?? row.base_text ?? '') || 'Untitled',
        kind: row.kind,
        fields: JSON.parse(row.fields) as SyncConflictField[],
        createdAt: row.created_at,
      })),
    };
  }

  async function resolve(input: ChannelParsedInput<'sync.conflicts.resolve'>): Promise<{ ok: true }> {
    const card = await conflictRow(deps.db, input.id);
    if (!card || card.resolved_at !== null) throw new AppError('NOT_FOUND', 'This conflict was already resolved.');
    const collection = await collectionRow(deps.db, card.collection_id);
    const account = collection ? await accountRow(deps.db, collection.account_id) : undefined;
    const object = collection ? await objectByHref(deps.db, collection.id, card.href) : undefined;
    if (!collection || !account) throw new AppError('NOT_FOUND', 'The sync account of this conflict was removed.');
    const password = secrets.get(passwordKey(account.id));
    if (password === null) throw new AppError('UNAVAILABLE', 'The password for this server is not saved on this computer. Enter it again in the sync settings.');
    const counts: RunCounts = { sent: 0, received: 0, deleted: 0, conflicts: 0, problems: 0 };
    const transport = engine.transportFor(account, password);
    const session: Session = { deps, logger, transport, account, collection, objects: new Map(object ? [[object.href, object]] : []), counts, mappers: engine.mappersFor(collection), tick: () => undefined };
    const mapper = mapperOf(card.record_kind);
    const remote = { data: card.remote_text ?? '', etag: card.remote_etag };

    if (card.kind === 'bothEdited') {
      const fields = JSON.parse(card.fields) as SyncConflictField[];
      const choices = input.choices ?? {};
      const missing = fields.find((f) => choices[f.key] === undefined);
      if (missing) throw AppError.validation(`choices.${missing.key}`, `Choose which ${missing.label.toLowerCase()} to keep`);
      if (!object || card.local_text === null || card.remote_text === null) throw new AppError('NOT_FOUND', 'This item is no longer synced.');
      // Changed here again since the card was made: the choices were about older values. Merge afresh (a new card
      // replaces this one if it still clashes) rather than overwrite the newer edit with the card's copy.
      const current = await renderOne(session, mapper, { id: object.local_id, uid: object.uid }, versionOf(session, object.base_text));
      if (current !== null && hashOf(current) !== hashOf(card.local_text)) {
        if (!(await mergeBothSides(session, { ...object, state: 'clean' }, current, remote))) {
          throw new AppError('CONFLICT', 'This record changed here since the conflict was shown. Look at it again: it now shows the latest values.');
        }
        await markResolved(deps.db, card.id, deps.clock.now().toISOString());
        deps.events.emit('data.changed', { entity: 'sync', action: 'updated', ids: [account.id] });
        return { ok: true };
      }
      const merged = merge3(mapper.format, card.base_text, card.local_text, card.remote_text);
      const chosen = chooseFields(mapper.format, merged.fields, card.local_text, card.base_text, card.remote_text, choices);
      await writeAgreed(session, { ...object, state: 'clean' }, mapper.format.join(chosen, card.remote_text), remote);
    } else if (!input.action) {
      throw AppError.validation('action', 'Choose whether to keep or delete it');
    } else if (card.kind === 'deletedHere') {
      // Deleted in Rapport, changed on the server.
      if (!object) throw new AppError('NOT_FOUND', 'This item is no longer synced.');
      if (input.action === 'keep') await writeAgreed(session, { ...object, state: 'clean' }, remote.data, remote);
      else {
        const removed = remote.etag === null ? { kind: 'notFound' as const } : await transport.remove(card.href, remote.etag);
        // A 412 for an item already gone (deleted there meanwhile) is what the user wanted anyway.
        if (removed.kind === 'preconditionFailed' && (await transport.get(card.href)) !== null) throw new AppError('CONFLICT', 'It changed on the server again. Sync, then choose once more.');
        await deleteObject(deps.db, collection.id, card.href);
      }
    } else {
      // Deleted on the server, changed in Rapport.
      if (input.action === 'keep' && card.local_id && card.local_text !== null) {
        const uid = object?.uid ?? card.local_id;
        const href = object?.href ?? itemHref(collection.href, uid, collection.kind);
        // Sent back with what the phone had written that Rapport does not map (a photo, its own fields).
        const text = outgoingText(mapper.format, card.local_text, card.base_text || null);
        const put = await transport.put(href, text, { ifNoneMatch: '*' });
        if (put.kind !== 'stored') throw new AppError('CONFLICT', 'It was created again on the server meanwhile. Sync, then choose once more.');
        await saveObject(session, { href, etag: put.etag ?? (await transport.get(href))?.etag ?? null, uid, record_kind: card.record_kind, local_id: card.local_id, base_text: text, local_hash: hashOf(card.local_text) });
      } else {
        if (card.local_id) await mapper.trash(card.local_id);
        if (object) await deleteObject(deps.db, collection.id, card.href);
      }
    }
    await markResolved(deps.db, card.id, deps.clock.now().toISOString());
    deps.events.emit('data.changed', { entity: 'sync', action: 'updated', ids: [account.id] });
    return { ok: true };
  }

  return { list, resolve };
}
