// Email as it crosses the contract: SMTP settings (never the password's value), compose input, outbox rows,
// templates and campaigns. Addresses and subjects refuse CR and LF, so no header can be injected.
// Imports zod only.
import { z } from 'zod';
import { SegmentFilter } from './segment';
import { ContactKind } from './contact';
import { Id, Tag, optionalText, text } from './fields';

const NO_LINE_BREAKS = /^[^\r\n]*$/;
const noLineBreaks = { message: 'Must be on one line' };

export const Address = text()
  .trim()
  .max(254, { message: 'Must be at most 254 characters' })
  .regex(NO_LINE_BREAKS, noLineBreaks)
  .pipe(z.email({ message: 'Not a valid email address' }));

export const Subject = text().regex(NO_LINE_BREAKS, noLineBreaks).trim().max(300, { message: 'Must be at most 300 characters' });
export const Body = text().max(100_000, { message: 'Must be at most 100,000 characters' });

export const SmtpSecurity = z.enum(['tls', 'starttls', 'none']);
export type SmtpSecurity = z.infer<typeof SmtpSecurity>;

export const SmtpSettingsInput = z.strictObject({
  host: text().trim().min(1, { message: 'Enter the mail server' }).max(253).regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, { message: 'Not a host name' }),
  port: z.number({ message: 'Must be a port number' }).int({ message: 'Must be a port number' }).min(1).max(65535),
  security: SmtpSecurity,
  username: text().trim().max(254).regex(NO_LINE_BREAKS, noLineBreaks).optional(),
  /** Kept only in the OS secret store. undefined keeps the saved one; '' forgets it. */
  password: text().max(1000).optional(),
  fromName: text().trim().max(100).regex(NO_LINE_BREAKS, noLineBreaks),
  fromAddress: Address,
  signature: text().max(2000).optional(),
  /** Campaign messages at most this many a minute (some servers block bursts). */
  perMinute: z.number().int().min(1).max(600).optional(),
  /** Accept a self-signed or otherwise untrusted certificate (a small office server). Off unless chosen. */
  allowUntrustedCertificate: z.boolean().optional(),
});

export const SmtpSettings = z.object({
  configured: z.boolean(),
  host: z.string(),
  port: z.number(),
  security: SmtpSecurity,
  username: z.string(),
  fromName: z.string(),
  fromAddress: z.string(),
  signature: z.string(),
  perMinute: z.number(),
  allowUntrustedCertificate: z.boolean(),
  hasPassword: z.boolean(),
  /** The secret store: 'basic_text' (Linux without a keyring) and 'test-plaintext' are not secure. */
  secretStore: z.object({ backend: z.string(), secure: z.boolean() }),
  /** Wrong credentials paused the outbox: the UI asks for the password. */
  paused: z.boolean(),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

export const Recipient = z.union([z.strictObject({ contactId: Id }), z.strictObject({ address: Address })]);
export type Recipient = z.infer<typeof Recipient>;
const Recipients = z.array(Recipient).max(100, { message: 'At most 100 recipients' });

/** A file picked with files.pick (its path), or a stored document (named by the documents feature's id). */
export const AttachmentInput = z.union([text().max(4096), z.strictObject({ documentId: Id })], {
  message: 'Attach a picked file or a document',
});
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export const EmailSend = z.strictObject({
  to: Recipients.min(1, { message: 'Add a recipient' }),
  cc: Recipients.optional(),
  bcc: Recipients.optional(),
  subject: Subject.min(1, { message: 'Enter a subject' }),
  body: Body,
  replyTo: Address.optional(),
  templateId: Id.optional(),
  /** For {{job.*}} merge fields. */
  jobId: Id.optional(),
  /** Paths picked with files.pick this session, or stored documents; read into the outbox at once. */
  attachments: z.array(AttachmentInput).max(20, { message: 'At most 20 attachments' }).optional(),
});

export const OutboxStatus = z.enum(['queued', 'sending', 'sent', 'waiting', 'failed', 'paused', 'uncertain', 'cancelled']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const StoredRecipient = z.object({ address: z.string(), name: z.string().nullable(), contactId: z.string().nullable() });
export type StoredRecipient = z.infer<typeof StoredRecipient>;

export const OutboxItem = z.object({
  id: z.string(),
  status: OutboxStatus,
  to: z.array(StoredRecipient),
  subject: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  campaignId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const Email = OutboxItem.extend({
  messageId: z.string(),
  cc: z.array(StoredRecipient),
  bcc: z.array(StoredRecipient),
  replyTo: z.string().nullable(),
  body: z.string(),
  templateId: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), size: z.number() })),
});
export type Email = z.infer<typeof Email>;

export const OutboxListInput = z.strictObject({ status: OutboxStatus.optional(), limit: z.number().int().min(1).max(500).default(200) });

/** Resend: optionally edited first (a failed message fixed by the user). */
export const OutboxRetry = z.strictObject({
  id: Id,
  to: Recipients.min(1, { message: 'Add a recipient' }).optional(),
  subject: Subject.min(1, { message: 'Enter a subject' }).optional(),
  body: Body.optional(),
});

export const TemplateFields = z.strictObject({
  name: text().trim().min(1, { message: 'Name the template' }).max(100),
  subject: Subject.min(1, { message: 'Enter a subject' }),
  body: Body,
});
export const TemplateUpdate = TemplateFields.partial().extend({ id: Id });
export const Template = z.object({ id: z.string(), name: z.string(), subject: z.string(), body: z.string(), fields: z.array(z.string()), createdAt: z.string(), updatedAt: z.string() });
export type Template = z.infer<typeof Template>;

export const TemplatePreview = z.strictObject({
  /** A saved template, or the text being edited. */
  templateId: Id.optional(),
  subject: Subject.optional(),
  body: Body.optional(),
  contactId: Id,
  jobId: Id.optional(),
});

/** Who a campaign goes to: a saved segment and/or a tag, a kind, or any contacts filter (all of them must match). */
export const Segment = z.strictObject({
  segmentId: Id.optional(),
  tag: Tag.optional(),
  kind: ContactKind.optional(),
  filter: SegmentFilter.partial().optional(),
});
export type Segment = z.infer<typeof Segment>;

export const CampaignCreate = z.strictObject({
  name: optionalText(100),
  templateId: Id,
  segment: Segment,
  /** The consent purpose it is sent on (issue #21): only people whose state for it is 'given' get it. Default: the newsletter. */
  purposeId: Id.optional(),
});

export const SkippedContact = z.object({ contactId: z.string(), name: z.string(), reason: z.string() });
export const CampaignCounts = z.object({ queued: z.number(), sent: z.number(), failed: z.number(), cancelled: z.number() });
export const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  segment: z.record(z.string(), z.unknown()),
  status: z.enum(['active', 'done', 'cancelled']),
  counts: CampaignCounts,
  skipped: z.array(SkippedContact),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

/** What a campaign would do, before it is queued: the same walk as the send (issue #18). */
export const CampaignPreviewInput = z.strictObject({ templateId: Id, segment: Segment, purposeId: Id.optional() });
/** noConsent: nothing on their ledger for the campaign's purpose; withdrawn: they withdrew it (issue #21). */
export const SkipReason = z.enum(['noConsent', 'withdrawn', 'noEmail', 'trashed', 'duplicate', 'mergeField']);
export const CampaignPreview = z.object({
  /** The name a campaign gets when none is given: the template's and the segment's. */
  name: z.string(),
  /** The consent purpose it sends on (the one asked for, else the newsletter). */
  purposeId: z.string(),
  purposeName: z.string(),
  /** How many emails it would queue, one per person. */
  sends: z.number().int(),
  skipped: z.number().int(),
  /** Why they are skipped, most common first. */
  reasons: z.array(z.object({ reason: SkipReason, count: z.number().int() })),
  /** The first few skipped, by name. */
  examples: z.array(SkippedContact),
});
export type CampaignPreview = z.infer<typeof CampaignPreview>;

/** What filing a received email did to a support case (issue #22): attached to it, reopened it, opened a follow-up case, or recorded a rating. */
export const EmlCaseOutcome = z.object({
  id: z.string(),
  label: z.string(),
  how: z.enum(['attached', 'reopened', 'newCase', 'rated']),
  /** newCase: the closed (or long resolved) case it follows up. */
  previousLabel: z.string().nullable(),
});
/** Same sender, same subject, changed lately: offered, never attached on its own. */
export const EmlCaseSuggestion = z.object({ id: z.string(), label: z.string(), subject: z.string() });
export const EmlImport = z.strictObject({ path: text().min(1).max(4096), contactId: Id.optional() });
