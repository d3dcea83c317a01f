// Campaigns: one template to a segment of contacts, as individual outbox messages (one per person, merged
// for them), written in one transaction. Who is reached and who is skipped (and why) is campaign-audience.ts's
// walk, which the preview runs too. The worker sends them at the user's per-minute rate. A campaign sends on one
// consent purpose (issue #21): only to people who gave it, each email with their unsubscribe link (unsubscribe.ts).
import type { Kysely } from 'kysely';
import type { Purpose } from '../../../shared/domain/consent';
import type { Campaign, CampaignPreview } from '../../../shared/domain/email';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
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
import { findPurpose, newsletterPurpose, tokenFor } from '../../db/consent.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import { campaignName, resolveSegment, walkAudience, type SkipCode } from './campaign-audience';
import type { Outbox } from './outbox';
import { isPaused, loadSmtp } from './settings';
import { unsubscribeFooter } from './unsubscribe';
import type { Templates } from './templates';

/** The confirmation names this many of the skipped. */
const PREVIEW_EXAMPLES = 20;

/** The purpose asked for (an email or any-channel one, not archived), else the newsletter. */
export async function campaignPurpose(db: Kysely<DB>, purposeId: string | undefined): Promise<Purpose> {
  if (!purposeId) return newsletterPurpose(db);
  const purpose = await findPurpose(db, purposeId);
  if (!purpose) throw AppError.validation('purposeId', 'No such consent purpose');
  if (purpose.archived) throw AppError.validation('purposeId', `${purpose.name} is archived: choose another purpose`);
  if (purpose.channel !== 'email' && purpose.channel !== 'any') throw AppError.validation('purposeId', `${purpose.name} is not for email: choose an email purpose`);
  return purpose;
}

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

  return {
    /** Who it would reach and who it would skip, and why: the send's own walk, without writing anything. */
    async preview(input: ChannelParsedInput<'campaigns.preview'>): Promise<CampaignPreview> {
      const template = await templates.require(input.templateId);
      const purpose = await campaignPurpose(db, input.purposeId);
      let sends = 0;
      const { filter, savedName } = await resolveSegment(db, input.segment);
      const skipped = await walkAudience(db, filter, template, clock.now(), purpose, async () => {
        sends++;
      });
      const counts = new Map<SkipCode, number>();
      for (const s of skipped) counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
      return {
        name: campaignName(template.name, input.segment, savedName),
        purposeId: purpose.id,
        purposeName: purpose.name,
        sends,
        skipped: skipped.length,
        reasons: [...counts].sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ reason, count })),
        examples: skipped.slice(0, PREVIEW_EXAMPLES).map(({ contactId, name, reason }) => ({ contactId, name, reason })),
      };
    },

    async create(input: ChannelParsedInput<'campaigns.create'>): Promise<Campaign> {
      const template = await templates.require(input.templateId);
      const purpose = await campaignPurpose(db, input.purposeId);
      // Each email carries an unsubscribe link to the user's own address: without one there is nowhere to send it.
      const own = (await loadSmtp(db)).fromAddress;
      if (!own) throw AppError.validation('fromAddress', 'Set your email address in Settings › Email first: each campaign email carries an unsubscribe link to it');
      const id = newId();
      const at = clock.now().toISOString();
      const { segment } = input;
      const ids = await db.transaction().execute(async (trx) => {
        const { filter, savedName } = await resolveSegment(trx, segment);
        await insertCampaign(trx, { id, name: input.name ?? campaignName(template.name, segment, savedName), templateId: template.id, segment, skipped: [], cancelledAt: null, createdAt: at });
        const queued: string[] = [];
        const skipped = await walkAudience(trx, filter, template, clock.now(), purpose, async ({ to, subject, body }) => {
          const footer = unsubscribeFooter(own, await tokenFor(trx, to.contactId, purpose.id, at));
          queued.push(await outbox.insert(trx, { recipients: { to: [to], cc: [], bcc: [] }, subject, body, footer, templateId: template.id, campaignId: id }));
        });
        await setCampaignSkipped(trx, id, skipped.map(({ contactId, name, reason }): Skipped => ({ contactId, name, reason })));
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
