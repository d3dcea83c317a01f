// Bulk actions on a selection of contacts (issue #18): tags, kind, email opt-in, company, Trash. A big selection
// is written in steps (each a short transaction, the event loop gets a turn between them) so the window never
// waits on it, and every changed contact is journalled with its fields as they were: "Undo" is one unit again.
import type { Kysely } from 'kysely';
import type { Contact } from '../../../shared/domain/contact';
import type { BulkChange, BulkTarget } from '../../../shared/domain/contact-bulk';
import type { ContactWrite } from '../../db/contacts.repo';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { dedupeTags } from '../../../shared/domain/text';
import { findCompany } from '../../db/companies.repo';
import {
  bulkEditItems,
  contactRowsByIds,
  findBulkEdit,
  insertBulkEdit,
  insertBulkEditItems,
  matchingContactIds,
  rewriteContacts,
  setBulkEditStatus,
  setContactsDeleted,
  type BulkEditItem,
  type ContactRewrite,
} from '../../db/contacts.bulk.repo';
import { toContact } from '../../db/contacts.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { recordOptIns } from '../consent/mirror';
import { fieldDefinitions } from '../fields/definitions';
import { inStepTransactions } from '../step-transactions';
import { turn } from '../steps';
import { revenueCurrencyFor } from './contacts';

/** Contacts per statement inside a step: the first guess, then as measured, within these bounds. */
const CHUNKS = { first: 25, min: 5, max: 500 };

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const lower = (t: string) => t.toLocaleLowerCase('en');

type Fields = ContactWrite & { deletedAt: string | null };

/** The fields the change would give a contact (only the changed ones), or null when it already is as asked. */
function nextFields(change: BulkChange, c: Fields): Partial<Fields> | null {
  switch (change.action) {
    case 'addTags': {
      const tags = dedupeTags([...c.tags, ...change.tags]);
      return sameTags(tags, c.tags) ? null : { tags };
    }
    case 'removeTags': {
      const gone = new Set(change.tags.map(lower));
      const tags = c.tags.filter((t) => !gone.has(lower(t)));
      return tags.length === c.tags.length ? null : { tags };
    }
    case 'setKind':
      return c.kind === change.kind ? null : { kind: change.kind };
    case 'setEmailOptIn':
      return c.emailOptIn === change.emailOptIn ? null : { emailOptIn: change.emailOptIn };
    case 'linkCompany':
      return c.companyId === change.companyId ? null : { companyId: change.companyId };
    case 'trash':
      return c.deletedAt ? null : { deletedAt: 'now' };
  }
}

/** The same fields as they are now: what Undo puts back. */
function beforeOf(next: Partial<Fields>, c: Fields): Partial<Fields> {
  return Object.fromEntries(Object.keys(next).map((key) => [key, c[key as keyof Fields]]));
}

export function createContactsBulk({ db, clock, events, newId }: ServiceDeps) {
  const definitions = fieldDefinitions({ db, events });
  async function companyName(from: Kysely<DB>, companyId: string | null, cache: Map<string, string | null>): Promise<string | null> {
    if (!companyId) return null;
    if (!cache.has(companyId)) cache.set(companyId, (await findCompany(from, companyId, []))?.name ?? null);
    return cache.get(companyId) ?? null;
  }

  /**
   * Writes each contact's `fields` (all of one kind: the edit's, or Undo's before-image), a chunk per statement:
   * the same derived columns as contacts.update, and Trash the way contacts.delete and restore set it.
   */
  async function write(trx: Kysely<DB>, chunk: readonly { c: Fields & { id: string }; fields: Partial<Fields> }[], now: string, names: Map<string, string | null>) {
    const trash = chunk.filter((w) => 'deletedAt' in w.fields);
    await setContactsDeleted(trx, trash.filter((w) => w.fields.deletedAt).map((w) => w.c.id), now, now);
    await setContactsDeleted(trx, trash.filter((w) => !w.fields.deletedAt).map((w) => w.c.id), null, now);
    const rest = chunk.filter((w) => !('deletedAt' in w.fields));
    if (rest.length === 0) return;
    const rows: ContactRewrite[] = [];
    for (const { c, fields } of rest) {
      const merged: ContactWrite = { ...c, ...fields };
      rows.push({ id: c.id, fields: merged, companyName: await companyName(trx, merged.companyId, names) });
    }
    await rewriteContacts(trx, Object.keys(rest[0]!.fields), rows, now);
  }

  async function targetIds(target: BulkTarget): Promise<string[]> {
    if ('ids' in target) return [...new Set(target.ids)];
    const revenueCurrency = await revenueCurrencyFor(db, target.filter);
    return matchingContactIds(db, { ...target.filter, revenueCurrency, fields: await definitions.get('contact'), now: clock.now() });
  }

  const inSteps = <T>(items: readonly T[], work: (trx: Kysely<DB>, chunk: readonly T[]) => Promise<void>) => inStepTransactions(db, items, CHUNKS, work);

  return {
    async update({ target, change }: ChannelParsedInput<'contacts.bulkUpdate'>): Promise<ChannelOutput<'contacts.bulkUpdate'>> {
      if (change.action === 'linkCompany') {
        const company = await findCompany(db, change.companyId, []);
        if (!company || company.deletedAt) throw AppError.validation('companyId', 'No such company');
      }
      const ids = await targetIds(target);
      const undoId = newId();
      await insertBulkEdit(db, { id: undoId, change, note: change.action === 'setEmailOptIn' ? change.note : null, createdAt: clock.now().toISOString() });
      const names = new Map<string, string | null>();
      const changed: string[] = [];
      let unchanged = 0;
      await inSteps(ids, async (trx, chunk) => {
        const now = clock.now().toISOString();
        const items: BulkEditItem[] = [];
        const writes: { c: Contact; fields: Partial<Fields> }[] = [];
        const rows = await contactRowsByIds(trx, chunk);
        unchanged += chunk.length - rows.length;
        for (const row of rows) {
          // Custom values are not a bulk edit's concern (no change sets them): they stay as they are.
          const c = toContact(row, {});
          // Only live contacts are edited (Trash is restored, not edited); "all matching" holds live ones only.
          const fields = c.deletedAt ? null : nextFields(change, c);
          if (!fields) {
            unchanged++;
            continue;
          }
          writes.push({ c, fields });
          items.push({ contactId: c.id, before: beforeOf(fields, c), writtenAt: now });
          changed.push(c.id);
        }
        await write(trx, writes, now, names);
        // The note the bulk change requires is the consent's evidence on each person's ledger (issue #21).
        if (change.action === 'setEmailOptIn') await recordOptIns(trx, { clock, newId }, { source: 'bulkEdit', evidence: change.note, contactIds: writes.map((w) => w.c.id) });
        await insertBulkEditItems(trx, undoId, items);
      });
      await setBulkEditStatus(db, undoId, 'done', changed.length, null);
      if (changed.length > 0) events.emit('data.changed', { entity: 'contact', action: change.action === 'trash' ? 'deleted' : 'updated', ids: changed });
      return { count: changed.length, unchanged, undoId };
    },

    /** Puts back the fields an edit changed, on the contacts nobody changed since; the others are counted, not touched. */
    async undo({ undoId }: ChannelParsedInput<'contacts.bulkUndo'>): Promise<ChannelOutput<'contacts.bulkUndo'>> {
      const edit = await findBulkEdit(db, undoId);
      if (!edit) throw AppError.notFound('Bulk edit', undoId);
      if (edit.status === 'undone') throw new AppError('CONFLICT', 'This change was already undone');
      const items: BulkEditItem[] = [];
      for (let after = ''; ; ) {
        const page = await bulkEditItems(db, undoId, after, 5000);
        items.push(...page);
        if (page.length < 5000) break;
        after = page[page.length - 1]!.contactId;
        await turn();
      }
      const names = new Map<string, string | null>();
      const restored: string[] = [];
      let changedSince = 0;
      await inSteps(items, async (trx, chunk) => {
        const now = clock.now().toISOString();
        const rows = new Map((await contactRowsByIds(trx, chunk.map((i) => i.contactId))).map((r) => [r.id, r]));
        const writes: { c: Contact; fields: Partial<Fields> }[] = [];
        for (const item of chunk) {
          const row = rows.get(item.contactId);
          if (!row || row.updated_at !== item.writtenAt) {
            changedSince++;
            continue;
          }
          writes.push({ c: toContact(row, {}), fields: item.before as Partial<Fields> });
          restored.push(item.contactId);
        }
        await write(trx, writes, now, names);
        if (edit.action === 'setEmailOptIn') await recordOptIns(trx, { clock, newId }, { source: 'bulkEdit', evidence: `Undo of a bulk change (${undoId})`, contactIds: writes.map((w) => w.c.id) });
      });
      await setBulkEditStatus(db, undoId, 'undone', edit.changed, clock.now().toISOString());
      if (restored.length > 0) events.emit('data.changed', { entity: 'contact', action: edit.action === 'trash' ? 'restored' : 'updated', ids: restored });
      return { count: restored.length, changedSince };
    },
  };
}
