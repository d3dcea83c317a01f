// Consent per purpose with its evidence (issue #21): the purposes the user names, appending to a person's ledger, and
// the states derived from it. Every change is logged to the privacy log naming no one. SQL: db/consent.repo.ts.
import type { Kysely } from 'kysely';
import { NEWSLETTER_PURPOSE_KEY, type ConsentEvent, type ConsentSource, type LawfulBasis, type Purpose } from '../../../shared/domain/consent';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { appendEvent, contactEvents, contactExists, findPurpose, listPurposes, replacePurposes, statesFrom } from '../../db/consent.repo';
import { logPrivacy } from '../../db/privacy-log.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';

const SOURCE_WORDS: Record<ConsentSource, string> = {
  form: 'on the contact form',
  call: 'by phone',
  email: 'by email',
  inPerson: 'in person',
  paper: 'on paper',
  import: 'by import',
  bulkEdit: 'by a bulk change',
  unsubscribe: 'by unsubscribe',
  migration: 'from the old opt-in',
};

/** The privacy log's words for one change: the purpose and how, never the person. */
export function consentSummary(action: ConsentEvent['action'], purposeName: string, source: ConsentSource, count = 1): string {
  const who = count === 1 ? '' : ` for ${count} people`;
  return `Consent ${action}: ${purposeName}${who} (${SOURCE_WORDS[source]})`;
}

export interface RecordEvent {
  contactId: string;
  purpose: Purpose;
  action: ConsentEvent['action'];
  basis: LawfulBasis;
  source: ConsentSource;
  wording: string | null;
  evidence: string | null;
  capturedAt: string;
}

export function createConsent({ db, clock, events, newId }: ServiceDeps) {
  async function history(contactId: string, from: Kysely<DB> = db): Promise<ChannelOutput<'consent.history'>> {
    const ledger = await contactEvents(from, contactId);
    const used = new Set(ledger.map((e) => e.purposeId));
    const purposes = (await listPurposes(from)).filter((p) => !p.archived || used.has(p.id));
    return { states: statesFrom(ledger, purposes.map((p) => p.id)), events: ledger };
  }

  async function requireContact(trx: Kysely<DB>, contactId: string): Promise<void> {
    if (!(await contactExists(trx, contactId))) throw AppError.notFound('Contact', contactId);
  }

  /** Appends one event and logs it, inside `trx`; returns whether the email opt-in mirror changed (the caller emits). */
  async function append(trx: Kysely<DB>, e: RecordEvent): Promise<boolean> {
    const recordedAt = clock.now().toISOString();
    const { mirrorChanged } = await appendEvent(trx, { ...e, id: newId(), purposeId: e.purpose.id, recordedAt });
    await logPrivacy(trx, { id: newId(), at: recordedAt, kind: 'consent', summary: consentSummary(e.action, e.purpose.name, e.source), contactId: e.contactId });
    return mirrorChanged;
  }

  function emit(contactId: string, mirrorChanged: boolean): void {
    events.emit('data.changed', { entity: 'consent', action: 'created', ids: [contactId] });
    if (mirrorChanged) events.emit('data.changed', { entity: 'contact', action: 'updated', ids: [contactId] });
  }

  return {
    // An unknown (or erased) contact is NOT_FOUND, not a page of "not asked": the window then says the person is gone.
    async history(input: ChannelParsedInput<'consent.history'>): Promise<ChannelOutput<'consent.history'>> {
      await requireContact(db, input.contactId);
      return history(input.contactId);
    },
    append,
    emit,

    async purposes(): Promise<ChannelOutput<'consent.purposes.list'>> {
      return { items: await listPurposes(db) };
    },

    async updatePurposes({ purposes }: ChannelParsedInput<'consent.purposes.update'>): Promise<ChannelOutput<'consent.purposes.update'>> {
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const known = new Map((await listPurposes(trx)).map((p) => [p.id, p]));
        const seen = new Set<string>();
        const names = new Set<string>();
        const existing = [];
        const created = [];
        for (const [i, p] of purposes.entries()) {
          const folded = p.name.toLocaleLowerCase('en');
          if (names.has(folded)) throw AppError.validation(`purposes.${i}.name`, 'Another purpose has this name');
          names.add(folded);
          const write = { name: p.name, channel: p.channel, description: p.description ?? null, defaultBasis: p.defaultBasis, position: i };
          if (!p.id) {
            created.push({ ...write, id: newId() });
            continue;
          }
          const current = known.get(p.id);
          if (!current) throw AppError.validation(`purposes.${i}.id`, 'No such purpose');
          if (seen.has(p.id)) throw AppError.validation(`purposes.${i}.id`, 'This purpose is listed twice');
          // Campaigns send on the newsletter purpose by default: it stays an email purpose.
          if (current.key === NEWSLETTER_PURPOSE_KEY && p.channel !== 'email') throw AppError.validation(`purposes.${i}.channel`, 'The newsletter purpose reaches people by email');
          seen.add(p.id);
          existing.push({ ...write, id: p.id });
        }
        const newsletter = [...known.values()].find((p) => p.key === NEWSLETTER_PURPOSE_KEY);
        if (newsletter && !seen.has(newsletter.id)) throw AppError.validation('purposes', 'Keep the Newsletter purpose: the email opt-in on each contact is its state');
        await replacePurposes(trx, existing, created, now);
      });
      events.emit('data.changed', { entity: 'consent', action: 'updated', ids: [] });
      return { items: await listPurposes(db) };
    },

    async record(input: ChannelParsedInput<'consent.record'>): Promise<ChannelOutput<'consent.record'>> {
      const now = clock.now();
      if (input.capturedAt && Date.parse(input.capturedAt) > now.getTime()) throw AppError.validation('capturedAt', 'When they said so cannot be in the future');
      const { answer, mirrorChanged } = await db.transaction().execute(async (trx) => {
        await requireContact(trx, input.contactId);
        const purpose = await findPurpose(trx, input.purposeId);
        if (!purpose) throw AppError.validation('purposeId', 'No such purpose');
        if (purpose.archived) throw AppError.validation('purposeId', `${purpose.name} is archived: restore it in Settings to record on it`);
        const changed = await append(trx, {
          contactId: input.contactId,
          purpose,
          action: input.action,
          basis: input.basis,
          source: input.source,
          wording: input.wording ?? null,
          evidence: input.evidence ?? null,
          capturedAt: input.capturedAt ? new Date(input.capturedAt).toISOString() : now.toISOString(),
        });
        return { answer: await history(input.contactId, trx), mirrorChanged: changed };
      });
      emit(input.contactId, mirrorChanged);
      return answer;
    },
  };
}

export type ConsentService = ReturnType<typeof createConsent>;
