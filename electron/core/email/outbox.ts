// The durable outbox: sending writes the whole message (Message-ID, merged text, attachment bytes) to SQLite
// first and returns; the worker (worker.ts) delivers it. Recipients and merge fields are resolved here, the same
// way for a single email, a campaign and a template preview.
import type { Kysely } from 'kysely';
import type { Contact } from '../../../shared/domain/contact';
import type { Email, OutboxItem, OutboxStatus, Recipient, StoredRecipient } from '../../../shared/domain/email';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { attachmentSizes, findContactIdByEmail, findOutbox, insertOutbox, listOutbox, outboxCounts, transition, type OutboxRecord, type Recipients } from '../../db/email.repo';
import type { DB } from '../../db/schema';
import { requireContact, requireJob } from '../links';
import type { FeatureContext } from '../modules';
import { createAttachmentReader, type Attachment } from './attachments';
import { MergeError, hasMergeFields, render, valuesFor, withSignature, type MergeValues } from './merge';
import { customFor, customMergeFor, customValuesOf } from './merge-custom';
import { isPaused, loadSmtp, setPaused } from './settings';
import { createOutboxWorker } from './worker';

type ResolvedRecipient = StoredRecipient & { contact: Contact | null };

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export function toOutboxItem(m: OutboxRecord): OutboxItem {
  return {
    id: m.id,
    status: m.status,
    to: m.recipients.to,
    subject: m.subject,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt,
    lastError: m.lastError,
    campaignId: m.campaignId,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

export function createOutbox(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const worker = createOutboxWorker(ctx);
  const { changed, recover, wake } = worker;
  const attachmentReader = createAttachmentReader(ctx);

  const now = () => clock.now().toISOString();

  async function resolve(list: readonly Recipient[] | undefined, field: string, trx: Kysely<DB>): Promise<ResolvedRecipient[]> {
    const out: ResolvedRecipient[] = [];
    for (const [i, r] of (list ?? []).entries()) {
      if ('contactId' in r) {
        const contact = await requireContact(trx, r.contactId);
        const address = contact.emails[0]?.value;
        if (!address) throw AppError.validation(`${field}.${i}.contactId`, `${contact.displayName} has no email address`);
        out.push({ address, name: oneLine(contact.displayName), contactId: contact.id, contact });
      } else {
        const contactId = await findContactIdByEmail(trx, r.address);
        const contact = contactId ? await requireContact(trx, contactId) : null;
        out.push({ address: r.address, name: contact ? oneLine(contact.displayName) : null, contactId, contact });
      }
    }
    return out;
  }

  const strip = (list: ResolvedRecipient[]): StoredRecipient[] => list.map(({ address, name, contactId }) => ({ address, name, contactId }));

  /** Subject and body with merge fields filled for the one recipient; errors name the field at fault. */
  async function merged(subject: string, body: string, to: ResolvedRecipient[], jobId: string | undefined | null, trx: Kysely<DB>, extra: MergeValues = {}) {
    if (!hasMergeFields(subject) && !hasMergeFields(body)) return { subject, body };
    if (to.length !== 1) throw AppError.validation('to', 'Merge fields are filled per recipient: send to one person, or start a campaign');
    const job = jobId ? await requireJob(trx, jobId) : null;
    const contact = to[0]!.contact;
    const custom = await customMergeFor(trx, [subject, body]);
    const customValues = await customValuesOf(trx, custom, contact ? [contact.id] : []);
    // `extra`: the {{case.*}} values of a reply from a case (issue #22).
    const values = { ...valuesFor(contact, job, customFor(custom, contact ? customValues.get(contact.id) : undefined)), ...extra };
    const who = to[0]!.name ?? to[0]!.address;
    try {
      return { subject: oneLine(render(subject, values, who)), body: render(body, values, who) };
    } catch (error) {
      if (!(error instanceof MergeError)) throw error;
      const path = error.kind === 'missing' ? 'to.0' : hasMergeFields(subject) && subject.includes(error.field) ? 'subject' : 'body';
      throw AppError.validation(path, error.message);
    }
  }

  /** Writes one message to the outbox inside `trx`; the caller commits and then calls queued(). */
  async function insert(
    trx: Kysely<DB>,
    m: {
      recipients: Recipients;
      subject: string;
      body: string;
      /** A campaign's unsubscribe line (issue #21): last, after the signature. */
      footer?: string;
      replyTo?: string | null; templateId?: string | null; campaignId?: string | null; jobId?: string | null; attachments?: Attachment[] },
  ): Promise<string> {
    const id = newId();
    const at = now();
    // Inside the caller's transaction: the one SQLite connection is held by it until commit.
    const smtp = await loadSmtp(trx);
    // Made once, here, and reused on every retry: the recipient's mail program sees one message.
    const messageId = `<${newId()}@${smtp.fromAddress.split('@')[1] || 'rapport.invalid'}>`;
    await insertOutbox(
      trx,
      {
        id,
        messageId,
        status: 'queued',
        recipients: m.recipients,
        replyTo: m.replyTo ?? null,
        subject: m.subject,
        body: m.footer ? `${withSignature(m.body, smtp.signature).replace(/\s+$/, '')}\n\n${m.footer}` : withSignature(m.body, smtp.signature),
        templateId: m.templateId ?? null,
        campaignId: m.campaignId ?? null,
        jobId: m.jobId ?? null,
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        createdAt: at,
        updatedAt: at,
        sendingAt: null,
        sentAt: null,
      },
      m.attachments ?? [],
    );
    return id;
  }

  async function queued(ids: string[]) {
    if (ids.length === 0) return;
    events.emit('data.changed', { entity: 'email', action: 'created', ids });
    await changed(ids);
    wake();
  }

  async function send(input: ChannelParsedInput<'emails.send'>): Promise<{ id: string; status: OutboxStatus }> {
    // Read before the transaction: a 25 MB read must not hold the one SQLite connection.
    const attachments = await attachmentReader.read(db, input.attachments);
    const id = await db.transaction().execute(async (trx) => {
      const to = await resolve(input.to, 'to', trx);
      const cc = await resolve(input.cc, 'cc', trx);
      const bcc = await resolve(input.bcc, 'bcc', trx);
      const { subject, body } = await merged(input.subject, input.body, to, input.jobId, trx);
      return insert(trx, { recipients: { to: strip(to), cc: strip(cc), bcc: strip(bcc) }, subject, body, replyTo: input.replyTo ?? null, templateId: input.templateId ?? null, jobId: input.jobId ?? null, attachments });
    });
    await queued([id]);
    return { id, status: 'queued' };
  }

  async function require(id: string): Promise<OutboxRecord> {
    const row = await findOutbox(db, id);
    if (!row) throw AppError.notFound('Email', id);
    return row;
  }

  /** Resend a failed, uncertain, waiting, paused or cancelled message, optionally edited. Same Message-ID. */
  async function retry(input: ChannelParsedInput<'outbox.retry'>): Promise<{ id: string; status: OutboxStatus }> {
    const row = await require(input.id);
    const retryable: OutboxStatus[] = ['failed', 'uncertain', 'waiting', 'paused', 'cancelled'];
    if (!retryable.includes(row.status)) throw new AppError('CONFLICT', `This email is ${row.status}; it cannot be resent`);
    // The user chose to send it again: the sent log must not hold it back as "may have been sent".
    if ((await worker.log.verdict(row.id)) === 'uncertain') await worker.step(row, 'resend');
    await db.transaction().execute(async (trx) => {
      const patch: Partial<OutboxRecord> = { status: 'queued', nextAttemptAt: null, lastError: null, updatedAt: now() };
      if (input.to) {
        const to = await resolve(input.to, 'to', trx);
        patch.recipients = { ...row.recipients, to: strip(to) };
      }
      if (input.subject !== undefined) patch.subject = input.subject;
      if (input.body !== undefined) patch.body = input.body;
      if (!(await transition(trx, row.id, retryable, patch))) throw new AppError('CONFLICT', 'This email changed meanwhile; look again');
    });
    if (row.status === 'paused') await setPaused(db, false);
    await changed([row.id]);
    wake();
    return { id: row.id, status: 'queued' };
  }

  /** Cancel (not yet sent) or dismiss (failed, may have been sent). A sent or in-flight one cannot be. */
  async function cancel(id: string): Promise<{ id: string; status: OutboxStatus }> {
    const row = await require(id);
    const cancellable: OutboxStatus[] = ['queued', 'waiting', 'failed', 'paused', 'uncertain'];
    if (!(await transition(db, id, cancellable, { status: 'cancelled', nextAttemptAt: null, updatedAt: now() }))) {
      throw new AppError('CONFLICT', row.status === 'sending' ? 'This email is being sent right now' : `This email is ${row.status}`);
    }
    await changed([id]);
    return { id, status: 'cancelled' };
  }

  /** The user says a "may have been sent" message did arrive: recorded in the sent log first, then in the store. */
  async function markSent(id: string): Promise<{ id: string; status: OutboxStatus }> {
    const row = await require(id);
    if (row.status !== 'uncertain') throw new AppError('CONFLICT', `This email is ${row.status}; only one that may have been sent can be marked as sent`);
    await worker.step(row, 'sent').catch((e: unknown) => ctx.logger.error(`email ${id}: the sent log could not be written`, e));
    if (!(await worker.markSent(row, row.sendingAt ?? now(), ['uncertain']))) throw new AppError('CONFLICT', 'This email changed meanwhile; look again');
    return { id, status: 'sent' };
  }

  /** The outbox as the Outbox screen lists it, after start-up recovery. */
  async function list({ status, limit }: ChannelParsedInput<'outbox.list'>): Promise<ChannelOutput<'outbox.list'>> {
    await recover();
    return { items: (await listOutbox(db, status, limit)).map(toOutboxItem), counts: await outboxCounts(db), paused: await isPaused(db) };
  }

  async function get(id: string): Promise<Email> {
    const m = await require(id);
    return { ...toOutboxItem(m), messageId: m.messageId, cc: m.recipients.cc, bcc: m.recipients.bcc, replyTo: m.replyTo, body: m.body, templateId: m.templateId, attachments: await attachmentSizes(db, id) };
  }

  return {
    ...worker,
    send,
    get,
    list,
    insert,
    queued,
    retry,
    cancel,
    markSent,
    require,
    /** Resolves recipients and merge fields the way send() does, for campaigns and previews. */
    resolve,
    merged,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
