// Who a campaign reaches (issue #18): the one walk over a segment's contacts that both the preview (the
// confirmation's "Sends to 3 · 2 skipped") and the send use, so they can never disagree. Each contact either gets a
// merged message or is skipped with a reason: no consent for the campaign's purpose (none on their ledger, or
// withdrawn: issue #21), no address, in the Trash, an address already reached, a merge field without a value.
import type { Kysely } from 'kysely';
import type { Purpose } from '../../../shared/domain/consent';
import type { Contact } from '../../../shared/domain/contact';
import type { Segment, Template } from '../../../shared/domain/email';
import { SegmentFilter } from '../../../shared/domain/segment';
import { AppError } from '../../../shared/ipc/errors';
import { formatDay } from '../day-words';
import { latestEvents } from '../../db/consent.repo';
import { listContacts, toContact } from '../../db/contacts.repo';
import type { Skipped } from '../../db/email.repo';
import { findSegment } from '../../db/reports.segments.repo';
import type { DB } from '../../db/schema';
import { revenueCurrencyFor } from '../contacts/contacts';
import { customDefinitions, readCustom } from '../fields/record-custom';
import { MergeError, render, valuesFor } from './merge';

export type SkipCode = 'noConsent' | 'withdrawn' | 'noEmail' | 'trashed' | 'duplicate' | 'mergeField';
export type AudienceSkip = Skipped & { code: SkipCode };

export interface AudienceMessage {
  contact: Contact;
  to: { address: string; name: string; contactId: string };
  subject: string;
  body: string;
}

const PAGE = 200;

/** "3 Mar 2026": the day a withdrawal was given, as the confirmation says it. */

/** The contacts filter a segment stands for: a saved segment's filter, narrowed by the tag, kind and filter given; and its name. */
export async function resolveSegment(trx: Kysely<DB>, segment: Segment) {
  let saved: SegmentFilter = {};
  let savedName: string | null = null;
  if (segment.segmentId) {
    const row = await findSegment(trx, segment.segmentId);
    if (!row) throw AppError.notFound('Segment', segment.segmentId);
    saved = SegmentFilter.parse(JSON.parse(row.filter));
    savedName = row.name;
  }
  const filter = { ...saved, ...segment.filter };
  if (segment.tag) filter.tag = segment.tag;
  if (segment.kind) filter.kind = segment.kind;
  // Revenue limits are per currency: the same default the contacts list uses when none is named.
  const revenueCurrency = filter.revenueAboveMinor === undefined && filter.revenueBelowMinor === undefined ? filter.revenueCurrency : await revenueCurrencyFor(trx, filter);
  return { filter: { ...filter, revenueCurrency }, savedName };
}

const KIND_WORDS: Record<string, string> = { customer: 'customers', prospect: 'prospects', partner: 'partners', supplier: 'suppliers', other: 'other contacts' };

/** A campaign's default name: the template's and the segment's ("Spring offer — Boiler customers"). */
export function campaignName(templateName: string, segment: Segment, savedName: string | null): string {
  const tag = segment.tag ?? segment.filter?.tag;
  const kind = segment.kind ?? segment.filter?.kind;
  const parts = [savedName, [tag, kind ? KIND_WORDS[kind] : undefined].filter(Boolean).join(' '), segment.filter?.query ? `“${segment.filter.query}”` : undefined].filter(Boolean);
  const who = parts.length > 0 ? parts.join(', ') : 'Everyone';
  return `${templateName} — ${who.charAt(0).toUpperCase()}${who.slice(1)}`.slice(0, 100);
}

/**
 * Walks everyone the segment matches (live contacts in name order, then those of them in the Trash) and calls
 * `send` for each message to go, in that order; returns who is skipped and why. Both campaigns.preview and
 * campaigns.create run exactly this.
 */
export async function walkAudience(
  trx: Kysely<DB>,
  filter: Awaited<ReturnType<typeof resolveSegment>>['filter'],
  template: Pick<Template, 'subject' | 'body'>,
  now: Date,
  /** Only people whose latest word on this purpose is 'given' are sent to. */
  purpose: Pick<Purpose, 'id' | 'name'>,
  send: (message: AudienceMessage) => Promise<void>,
): Promise<AudienceSkip[]> {
  const skipped: AudienceSkip[] = [];
  const reached = new Map<string, string>();
  // Read once: the segment's custom conditions and each page's custom values (merge fields) need them.
  const fields = await customDefinitions(trx, 'contact');
  for (const trashed of [false, true]) {
    let cursor: string | undefined;
    do {
      const page = await listContacts(trx, { ...filter, trashed, fields, limit: PAGE, cursor, now });
      const custom = await readCustom(trx, 'contact', page.items.map((r) => r.id), fields);
      const consent = await latestEvents(trx, page.items.map((r) => r.id), purpose.id);
      for (const row of page.items) {
        const contact = toContact(row, custom.get(row.id) ?? {});
        const skip = (code: SkipCode, reason: string) => skipped.push({ contactId: contact.id, name: contact.displayName, reason, code });
        const address = contact.emails[0]?.value;
        if (trashed) {
          // Only someone who would have been sent it is worth a word; the rest of the Trash is not in the segment.
          if (consent.get(contact.id)?.action === 'given' && address) skip('trashed', 'is in the Trash');
          continue;
        }
        const said = consent.get(contact.id);
        if (!said) skip('noConsent', `no consent for ${purpose.name}`);
        else if (said.action === 'withdrawn') skip('withdrawn', `withdrew consent for ${purpose.name} on ${formatDay(said.capturedAt)}`);
        else if (!address) skip('noEmail', 'has no email address');
        else if (reached.has(address.trim().toLowerCase())) skip('duplicate', `has the same email address as ${reached.get(address.trim().toLowerCase())}`);
        else {
          try {
            const values = valuesFor(contact, null, { definitions: fields, values: contact.custom });
            const subject = render(template.subject, values, contact.displayName).replace(/[\r\n]+/g, ' ');
            const body = render(template.body, values, contact.displayName);
            reached.set(address.trim().toLowerCase(), contact.displayName);
            await send({ contact, to: { address, name: contact.displayName.replace(/[\r\n]+/g, ' '), contactId: contact.id }, subject, body });
          } catch (error) {
            if (!(error instanceof MergeError)) throw error;
            skip('mergeField', error.message);
          }
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return skipped;
}
