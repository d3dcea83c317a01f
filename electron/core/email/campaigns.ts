// Campaigns: one template to a segment of contacts, as individual outbox messages (one per person, merged
// for them), written in one transaction. Contacts without email opt-in, without an address, or missing a
// merge field's value are skipped and listed. The worker sends them at the user's per-minute rate.
import { sql, type Kysely } from 'kysely';
import type { Campaign, Segment } from '../../../shared/domain/email';
import { SegmentFilter } from '../../../shared/domain/segment';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { listContacts, toContact } from '../../db/contacts.repo';
import { emailDb, outboxCounts, type CampaignRow } from '../../db/email.repo';
import { parseJsonColumn } from '../../db/json';
import type { DB } from '../../db/schema';
import { findSegment } from '../../db/segments.repo';
import { revenueCurrencyFor } from '../contacts/contacts';
import type { FeatureContext } from '../modules';
import { MergeError, render, valuesFor } from './merge';
import type { Outbox } from './outbox';
import { isPaused } from './settings';
import type { Templates } from './templates';

type Skipped = { contactId: string; name: string; reason: string };

export function createCampaigns(ctx: FeatureContext, outbox: Outbox, templates: Templates) {
  const { db, clock, events, newId } = ctx.deps;

  async function view(row: CampaignRow): Promise<Campaign> {
    const counts = await outboxCounts(db, row.id);
    const n = (...statuses: string[]) => statuses.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
    const queued = n('queued', 'sending', 'waiting', 'paused', 'uncertain');
    const template = await emailDb(db).selectFrom('email_templates').select('name').where('id', '=', row.template_id).executeTakeFirst();
    return {
      id: row.id,
      name: row.name,
      templateId: row.template_id,
      templateName: template?.name ?? '',
      segment: parseJsonColumn<Record<string, unknown>>(row.segment, {}),
      status: row.cancelled_at ? 'cancelled' : queued > 0 ? 'active' : 'done',
      counts: { queued, sent: n('sent'), failed: n('failed'), cancelled: n('cancelled') },
      skipped: parseJsonColumn<Skipped[]>(row.skipped, []),
      createdAt: row.created_at,
    };
  }

  async function require(id: string): Promise<CampaignRow> {
    const row = await emailDb(db).selectFrom('email_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
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
        await emailDb(trx)
          .insertInto('email_campaigns')
          .values({ id, name: input.name ?? `${template.name} to ${describe(segment)}`, template_id: template.id, segment: JSON.stringify(segment), skipped: '[]', cancelled_at: null, created_at: at })
          .execute();
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
        await sql`UPDATE email_campaigns SET skipped = ${JSON.stringify(skipped)} WHERE id = ${id}`.execute(trx);
        return queued;
      });
      events.emit('data.changed', { entity: 'campaign', action: 'created', ids: [id] });
      await outbox.queued(ids);
      return view(await require(id));
    },

    get: async (id: string) => view(await require(id)),

    async list(): Promise<ChannelOutput<'campaigns.list'>> {
      const rows = await emailDb(db).selectFrom('email_campaigns').selectAll().orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(200).execute();
      return { items: await Promise.all(rows.map(view)) };
    },

    /** Stops what has not gone yet; what was sent stays sent. */
    async cancel(id: string): Promise<Campaign> {
      const row = await require(id);
      const at = clock.now().toISOString();
      const cancelled = await db.transaction().execute(async (trx) => {
        await emailDb(trx).updateTable('email_campaigns').set({ cancelled_at: row.cancelled_at ?? at }).where('id', '=', id).execute();
        const rows = await emailDb(trx)
          .updateTable('outbox')
          .set({ status: 'cancelled', next_attempt_at: null, updated_at: at })
          .where('campaign_id', '=', id)
          .where('status', 'in', ['queued', 'waiting', 'paused'])
          .returning('id')
          .execute();
        return rows.map((r) => r.id);
      });
      events.emit('data.changed', { entity: 'campaign', action: 'updated', ids: [id] });
      if (cancelled.length > 0) events.emit('outbox.changed', { ids: cancelled, paused: await isPaused(db) });
      return view(await require(id));
    },
  };
}
