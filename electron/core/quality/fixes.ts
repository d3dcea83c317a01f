// Bulk fixes of the Data quality page (issue #20): title-case names, phones to E.164, trim spaces. A preview says
// what would change; applying writes in short steps (the window never waits on it) through contacts.bulk.repo's
// rewriteContacts, so display names, sort names and search stay right, and journals each contact's fields as they
// were: Undo puts them back on the contacts nobody edited since. No `electron` import.
import type { Kysely } from 'kysely';
import type { QualityFixKind } from '../../../shared/domain/quality';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { contactRowsByIds, rewriteContacts, type ContactRewrite } from '../../db/contacts.bulk.repo';
import { toContact } from '../../db/contacts.repo';
import { findQualityFix, insertQualityFix, insertQualityFixItems, qualityFixItems, setQualityFixStatus, type QualityFixItem } from '../../db/quality.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { inStepTransactions } from '../step-transactions';
import { turn } from '../steps';
import { nameCaseOf, tidySpaces, titleCaseName } from './checks';
import { eachContact, fullName, type ContactFields, type PhoneChecker } from './findings';
import { countryFor } from './quality';

const SAMPLES = 20;
/** Journal items read per statement: short reads, the event loop turning between. */
const ITEM_PAGE = 1000;
/** A fix's statements: a few contacts first, then as many as about half the step budget takes (see inStepTransactions). */
const CHUNKS = { first: 5, min: 1, max: 200 };

type Changed = Partial<Pick<ContactFields, 'firstName' | 'lastName' | 'emails' | 'phones' | 'jobTitle'>>;
interface Plan {
  fields: Changed;
  before: string;
  after: string;
  /** Values the fix could not make right (phones that are no number). */
  skipped: number;
}

const quoted = (values: readonly string[]) => values.map((v) => `“${v}”`).join(', ');

/** What `fix` would change on this contact; `fields` empty when nothing. */
export function planFix(fix: QualityFixKind, c: ContactFields, country: string, phone: PhoneChecker): Plan {
  switch (fix) {
    case 'titleCaseNames': {
      const fields: Changed = {};
      if (c.firstName && nameCaseOf(c.firstName)) fields.firstName = titleCaseName(c.firstName);
      if (c.lastName && nameCaseOf(c.lastName)) fields.lastName = titleCaseName(c.lastName);
      return { fields, before: fullName(c), after: fullName({ ...c, ...fields }), skipped: 0 };
    }
    case 'phonesE164': {
      let skipped = 0;
      const before: string[] = [];
      const after: string[] = [];
      const phones = c.phones.map((p) => {
        const verdict = phone(p.value, country);
        if (verdict.kind === 'invalid') skipped++;
        if (verdict.kind !== 'unnormalised') return p;
        before.push(p.value);
        after.push(verdict.e164);
        return { ...p, value: verdict.e164 };
      });
      return { fields: before.length ? { phones } : {}, before: before.join(', '), after: after.join(', '), skipped };
    }
    case 'trimSpaces': {
      const fields: Changed = {};
      const before: string[] = [];
      const after: string[] = [];
      const tidy = (value: string) => {
        const tidied = tidySpaces(value);
        if (tidied !== value) {
          before.push(value);
          after.push(tidied);
        }
        return tidied;
      };
      for (const key of ['firstName', 'lastName', 'jobTitle'] as const) {
        const value = c[key];
        if (value && tidySpaces(value) !== value) fields[key] = tidy(value) || null;
      }
      const emails = c.emails.map((e) => ({ ...e, value: tidy(e.value) }));
      if (emails.some((e, i) => e.value !== c.emails[i]!.value)) fields.emails = emails;
      const phones = c.phones.map((p) => ({ ...p, value: tidy(p.value) }));
      if (phones.some((p, i) => p.value !== c.phones[i]!.value)) fields.phones = phones;
      return { fields, before: quoted(before), after: quoted(after), skipped: 0 };
    }
  }
}

/** The same fields as they are now: what Undo puts back. */
function beforeOf(fields: Changed, c: ContactFields): Changed {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, c[key as keyof Changed]]));
}

export function createQualityFixes({ db, clock, events, newId }: ServiceDeps, phone: PhoneChecker) {
  /**
   * Rewrites each contact with `fields` over its current ones, a chunk per statement, through rewriteContacts: the
   * columns contacts.update derives (display and sort names, search text) follow, and only the fields' columns are set.
   */
  async function writeContacts(trx: Kysely<DB>, ids: readonly string[], fieldsOf: (c: ContactFields, updatedAt: string) => Changed | null, now: string): Promise<string[]> {
    const rows: ContactRewrite[] = [];
    const changed = new Set<string>();
    for (const row of await contactRowsByIds(trx, ids)) {
      // A contact in the Trash is neither fixed nor put back (trashing it changed its updated_at: "changed since").
      if (row.deleted_at) continue;
      const current = toContact(row, {});
      const fields = fieldsOf({ ...current, sortName: row.sort_name }, row.updated_at);
      if (!fields) continue;
      for (const key of Object.keys(fields)) changed.add(key);
      rows.push({ id: row.id, fields: { ...current, ...fields }, companyName: row.company_name });
    }
    await rewriteContacts(trx, [...changed], rows, now);
    return rows.map((r) => r.id);
  }

  return {
    async fix(input: ChannelParsedInput<'quality.fix'>): Promise<ChannelOutput<'quality.fix'>> {
      const country = await countryFor(db, input.defaultCountry);
      const ids = input.ids ? [...new Set(input.ids)] : undefined;
      const targets: string[] = [];
      const samples: ChannelOutput<'quality.fix'>['samples'] = [];
      let skipped = 0;
      await eachContact(
        db,
        (c) => {
          const plan = planFix(input.fix, c, country, phone);
          skipped += plan.skipped;
          if (Object.keys(plan.fields).length === 0) return;
          targets.push(c.id);
          if (samples.length < SAMPLES) samples.push({ id: c.id, displayName: c.displayName, before: plan.before, after: plan.after });
        },
        ids,
      );
      if (input.preview) return { count: targets.length, samples, skipped, undoId: null };

      const undoId = newId();
      await insertQualityFix(db, { id: undoId, fix: input.fix, change: { fix: input.fix, country, ids: ids?.length ?? null }, createdAt: clock.now().toISOString() });
      const changed: string[] = [];
      await inStepTransactions(db, targets, CHUNKS, async (trx, chunk) => {
        const now = clock.now().toISOString();
        const items: QualityFixItem[] = [];
        // Planned again on the row as it is now: an edit since the pass is fixed as it stands, or left alone.
        const written = await writeContacts(
          trx,
          chunk,
          (c) => {
            const plan = planFix(input.fix, c, country, phone);
            if (Object.keys(plan.fields).length === 0) return null;
            items.push({ contactId: c.id, before: beforeOf(plan.fields, c), writtenAt: now });
            return plan.fields;
          },
          now,
        );
        await insertQualityFixItems(trx, undoId, items);
        changed.push(...written);
      });
      await setQualityFixStatus(db, undoId, 'done', changed.length, null);
      if (changed.length > 0) events.emit('data.changed', { entity: 'contact', action: 'updated', ids: changed });
      return { count: changed.length, samples, skipped, undoId };
    },

    /** Puts back the fields a fix changed, on the contacts nobody changed since; the others are counted, not touched. */
    async undo({ undoId }: ChannelParsedInput<'quality.undo'>): Promise<ChannelOutput<'quality.undo'>> {
      const fix = await findQualityFix(db, undoId);
      if (!fix) throw AppError.notFound('Fix', undoId);
      if (fix.status === 'undone') throw new AppError('CONFLICT', 'This fix was already undone');
      const items = new Map<string, QualityFixItem>();
      for (let after = ''; ; ) {
        const page = await qualityFixItems(db, undoId, after, ITEM_PAGE);
        for (const item of page) items.set(item.contactId, item);
        if (page.length < ITEM_PAGE) break;
        after = page[page.length - 1]!.contactId;
        await turn();
      }
      const restored: string[] = [];
      await inStepTransactions(db, [...items.keys()], CHUNKS, async (trx, chunk) => {
        const now = clock.now().toISOString();
        const written = await writeContacts(
          trx,
          chunk,
          (c, updatedAt) => {
            const item = items.get(c.id)!;
            return updatedAt === item.writtenAt ? (item.before as Changed) : null;
          },
          now,
        );
        restored.push(...written);
      });
      await setQualityFixStatus(db, undoId, 'undone', fix.changed, clock.now().toISOString());
      if (restored.length > 0) events.emit('data.changed', { entity: 'contact', action: 'updated', ids: restored });
      return { count: restored.length, changedSince: items.size - restored.length };
    },
  };
}
