// Campaigns: one template to a segment of contacts, as individual outbox messages (one per person, merged
// for them), written in one transaction. Contacts without email opt-in, without an address, or missing a
// merge field's value are skipped and listed. The worker sends them at the user's per-minute rate.
import type { Kysely } from 'kysely';
import type { Campaign, Segment } from '../../../shared/domain/email';
import { SegmentFilter } from '../../../shared/domain/segment';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { listContacts, toContact } from '../../db/contacts.repo';
import {
  cancelCampaignMessages,
  findCampaign,
  insertCampaign,
  listCampaigns,
  outboxCounts,
  setCampaignCancelled,
  setCampaignSkipped,
  templateName,
  type CampaignRecord,
  type Skipped,
} from '../../db/email.repo';
import { findSegment } from '../../db/reports.segments.repo';
import type { DB } from '../../db/schema';
import { revenueCurrencyFor } from '../contacts/contacts';
import type { FeatureContext } from '../modules';
import { MergeError, render, valuesFor } from './merge';
import type { Outbox } from './outbox';
import { isPaused } from './settings';
import type { Templates } from './templates';

export function createCampaigns(ctx: FeatureContext, outbox: Outbox, templates: Templates) {
  const { db, clock, events, newId } = ctx.deps;

  async function view(row: CampaignRecord): Promise<Campaign> {
    const counts = await outboxCounts(db, row.id);
    const n = (...statuses: string[]) => statuses.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
    const queued = n('queued', 'sending', 'waiting', 'paused', 'uncertain');
    return {
      id: row.id,
      name: row.name,
      templateId: row.templateId,
      templateName: (await templateName(db, row.templateId)) ?? '',
      segment: row.segment,
      status: row.cancelledAt ? 'cancelled' : queued > 0 ? 'active' : 'done',
      counts: { queued, sent: n('sent'), failed: n('failed'), cancelled: n('cancelled') },
      skipped: row.skipped,
      createdAt: row.createdAt,
    };
  }

  async function require(id: string): Promise<CampaignRecord> {
    const row = await findCampaign(db, id);
    if (!row) throw AppError.notFound('Campaign', id);
    return row;
  }

  /** The contacts filter a segment stands for: a saved segment's filter, narrowed by the tag, kind and filter given. */
  async function resolveSegment(trx: Kysely<DB>, segment: Segment) {
    let saved: SegmentFilter = {};
    if (segment.segmentId) {
      const row = await findSegment(trx, segment.segmentId);
      if (!row) throw AppError.notFound('Segment', segment.segmentId);
      saved = SegmentFilter.parse(JSON.parse(row.filter));
    }
    const filter = { ...saved, ...segment.filter };
    if (segment.tag) filter.tag = segment.tag;
    if (segment.kind) filter.kind = segment.kind;
    // Revenue limits are per currency: the same default the contacts list uses when none is named.
    const revenueCurrency = filter.revenueAboveMinor === undefined && filter.revenueBelowMinor === undefined ? filter.revenueCurrency : await revenueCurrencyFor(trx, filter);
    return { ...filter, revenueCurrency };
  }

  function describe(segment: Segment): string {
    const parts = [segment.tag ?? segment.filter?.tag, segment.kind ?? segment.filter?.kind, segment.filter?.query].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : 'everyone';
  }

  return {
    async create(input: ChannelParsedInput<'campaigns.create'>): Promise<Campaign> {
      const template = await templates.require(input.templateId);
      const id = newId();
      const at = clock.now().toISOString();
      const { segment } = input;
      const skipped: Skipped[] = [];
      const ids = await db.transaction().execute(async (trx) => {
        await insertCampaign(trx, { id, name: input.name ?? `${template.name} to ${describe(segment)}`, templateId: template.id, segment, skipped: [], cancelledAt: null, createdAt: at });
        const filter = await resolveSegment(trx, segment);
        const queued: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listContacts(trx, { ...filter, trashed: false, limit: 200, cursor, now: clock.now() });
          for (const row of page.items) {
            const contact = toContact(row);
            const skip = (reason: string) => skipped.push({ contactId: contact.id, name: contact.displayName, reason });
            if (!contact.emailOptIn) skip('has not opted in to email');
            else if (!contact.emails[0]) skip('has no email address');
            else {
              try {
                const values = valuesFor(contact, null);
                const subject = render(template.subject, values, contact.displayName).replace(/[\r\n]+/g, ' ');
                const body = render(template.body, values, contact.displayName);
                const to = [{ address: contact.emails[0].value, name: contact.displayName.replace(/[\r\n]+/g, ' '), contactId: contact.id }];
                queued.push(await outbox.insert(trx, { recipients: { to, cc: [], bcc: [] }, subject, body, templateId: template.id, campaignId: id }));
              } catch (error) {
                if (!(error instanceof MergeError)) throw error;
                skip(error.message);
              }
            }
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        await setCampaignSkipped(trx, id, skipped);
        return queued;
      });
      events.emit('data.changed', { entity: 'campaign', action: 'created', ids: [id] });
      await outbox.queued(ids);
      return view(await require(id));
    },

    get: async (id: string) => view(await require(id)),

    async list(): Promise<ChannelOutput<'campaigns.list'>> {
      return { items: await Promise.all((await listCampaigns(db, 200)).map(view)) };
    },

    /** Stops what has not gone yet; what was sent stays sent. */
    async cancel(id: string): Promise<Campaign> {
      const row = await require(id);
      const at = clock.now().toISOString();
      const cancelled = await db.transaction().execute(async (trx) => {
        await setCampaignCancelled(trx, id, row.cancelledAt ?? at);
        return cancelCampaignMessages(trx, id, at);
      });
      events.emit('data.changed', { entity: 'campaign', action: 'updated', ids: [id] });
      if (cancelled.length > 0) events.emit('outbox.changed', { ids: cancelled, paused: await isPaused(db) });
      return view(await require(id));
    },
  };
}
