// The email feature's part of the contract: channel -> input and output schemas, and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import { z } from 'zod';
import {
  Campaign,
  CampaignCreate,
  CampaignPreview,
  CampaignPreviewInput,
  Email,
  EmailSend,
  EmlCaseOutcome,
  EmlCaseSuggestion,
  EmlImport,
  OutboxItem,
  OutboxListInput,
  OutboxRetry,
  OutboxStatus,
  SmtpSettings,
  SmtpSettingsInput,
  Template,
  TemplateFields,
  TemplatePreview,
  TemplateUpdate,
} from '../domain/email';
import { Activity } from '../domain/activity';
import type { EmailChannel } from './email.channels';
import { ById, Empty } from './shapes';

const Queued = z.object({ id: z.string(), status: OutboxStatus });

export const emailContract = {
  'email.settings.get': { input: Empty, output: SmtpSettings },
  'email.settings.update': { input: SmtpSettingsInput, output: SmtpSettings },
  /** Sends a test email to the from address now (not through the outbox); UNAVAILABLE with the server's words. */
  'email.settings.test': { input: Empty, output: z.object({ ok: z.literal(true), message: z.string() }) },

  'emails.send': { input: EmailSend, output: Queued },
  'emails.get': { input: ById, output: Email },
  'emails.importEml': {
    input: EmlImport,
    output: z.object({
      activity: Activity,
      attachments: z.array(z.object({ filename: z.string(), size: z.number() })),
      /** Purposes whose consent the message withdrew: it carried their unsubscribe token and asked (issue #21). */
      unsubscribed: z.array(z.object({ purposeId: z.string(), purposeName: z.string() })).optional(),
      /** The support case it was filed onto (issue #22). */
      case: EmlCaseOutcome.optional(),
      suggestedCases: z.array(EmlCaseSuggestion).optional(),
    }),
  },

  'outbox.list': { input: OutboxListInput, output: z.object({ items: z.array(OutboxItem), counts: z.record(z.string(), z.number()), paused: z.boolean() }) },
  'outbox.retry': { input: OutboxRetry, output: Queued },
  'outbox.cancel': { input: ById, output: Queued },
  /** The user's word that a "may have been sent" message did arrive: sent, filed on the timeline, never resent. */
  'outbox.markSent': { input: ById, output: Queued },
  'outbox.sendNow': { input: Empty, output: z.object({ queued: z.number() }) },

  'templates.create': { input: TemplateFields, output: Template },
  'templates.update': { input: TemplateUpdate, output: Template },
  'templates.delete': { input: ById, output: Template },
  'templates.list': { input: Empty, output: z.object({ items: z.array(Template) }) },
  'templates.preview': { input: TemplatePreview, output: z.object({ subject: z.string(), body: z.string(), to: z.string() }) },

  /** Who a campaign would reach and who it would skip, and why: exactly what campaigns.create would do now. */
  'campaigns.preview': { input: CampaignPreviewInput, output: CampaignPreview },
  'campaigns.create': { input: CampaignCreate, output: Campaign },
  'campaigns.get': { input: ById, output: Campaign },
  'campaigns.list': { input: Empty, output: z.object({ items: z.array(Campaign) }) },
  'campaigns.cancel': { input: ById, output: Campaign },
} as const satisfies Record<EmailChannel, { input: z.ZodType; output: z.ZodType }>;

export const emailEvents = {
  /** Outbox rows changed state (queued, sent, waiting...): the Outbox page and badge refresh. */
  'outbox.changed': z.object({ ids: z.array(z.string()), paused: z.boolean() }),
} as const satisfies Record<string, z.ZodType>;
