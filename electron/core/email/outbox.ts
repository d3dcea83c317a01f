// The durable outbox and its worker. Sending writes the whole message (Message-ID, merged text, attachment
// bytes) to SQLite first and returns; the worker claims a row by moving it to 'sending' in its own commit
// before talking to the server, so a crash leaves a row that start-up marks 'uncertain' instead of sending
// it again. Driven by the injected clock: tests call tick()/drain() instead of sleeping.
import type { Kysely } from 'kysely';
import type { OutboxStatus, Recipient, StoredRecipient } from '../../../shared/domain/email';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { insertActivity } from '../../db/activities.repo';
import { toContact } from '../../db/contacts.repo';
import {
  attachmentsOf,
  campaignSendsSince,
  dueOutbox,
  findContactIdByEmail,
  findOutbox,
  insertOutbox,
  markInFlightUncertain,
  recipientsOf,
  transition,
  updateOutbox,
  type OutboxRow,
  type Recipients,
} from '../../db/email.repo';
import { toJob, findJob } from '../../db/jobs.repo';
import type { DB } from '../../db/schema';
import { requireContact } from '../links';
import type { FeatureContext } from '../modules';
import { createAttachmentReader, type Attachment } from './attachments';
import { MergeError, hasMergeFields, render, toHtml, valuesFor, withSignature } from './merge';
import { classify, isPaused, loadSmtp, setPaused, transportFor } from './settings';

/** Retry delays after the 1st, 2nd... transient failure; the last repeats. */
const BACKOFF_MS = [60_000, 2 * 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000];
/** How long the timer waits between looks at the outbox when nothing wakes it. */
const POLL_MS = 15_000;

type ResolvedRecipient = StoredRecipient & { contact: ReturnType<typeof toContact> | null };

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export function createOutbox(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const { secrets } = ctx.platform;
  let recovered: Promise<void> | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const attachmentReader = createAttachmentReader(ctx);

  const now = () => clock.now().toISOString();

  async function changed(ids: string[]) {
    events.emit('outbox.changed', { ids, paused: await isPaused(db) });
  }

  /** Once per process, before any work: rows left in 'sending' by a previous run may have been delivered. */
  function recover(): Promise<void> {
    recovered ??= (async () => {
      const ids = await markInFlightUncertain(db, now());
      if (ids.length > 0) {
        ctx.logger.warn(`${ids.length} email(s) were being sent when Rapport stopped; marked "may have been sent"`);
        await changed(ids);
      }
    })();
    return recovered;
  }

  async function resolve(list: readonly Recipient[] | undefined, field: string, trx: Kysely<DB>): Promise<ResolvedRecipient[]> {
    const out: ResolvedRecipient[] = [];
    for (const [i, r] of (list ?? []).entries()) {
      if ('contactId' in r) {
        const contact = toContact(await requireContact(trx, r.contactId));
        const address = contact.emails[0]?.value;
        if (!address) throw AppError.validation(`${field}.${i}.contactId`, `${contact.displayName} has no email address`);
        out.push({ address, name: oneLine(contact.displayName), contactId: contact.id, contact });
      } else {
        const contactId = await findContactIdByEmail(trx, r.address);
        const contact = contactId ? toContact(await requireContact(trx, contactId)) : null;
        out.push({ address: r.address, name: contact ? oneLine(contact.displayName) : null, contactId, contact });
      }
    }
    return out;
  }

  const strip = (list: ResolvedRecipient[]): StoredRecipient[] => list.map(({ address, name, contactId }) => ({ address, name, contactId }));

  /** Subject and body with merge fields filled for the one recipient; errors name the field at fault. */
  async function merged(subject: string, body: string, to: ResolvedRecipient[], jobId: string | undefined | null, trx: Kysely<DB>) {
    if (!hasMergeFields(subject) && !hasMergeFields(body)) return { subject, body };
    if (to.length !== 1) throw AppError.validation('to', 'Merge fields are filled per recipient: send to one person, or start a campaign');
    const jobRow = jobId ? await findJob(trx, jobId) : undefined;
    if (jobId && (!jobRow || jobRow.deleted_at)) throw AppError.notFound('Job', jobId);
    const values = valuesFor(to[0]!.contact, jobRow ? toJob(jobRow) : null);
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
    m: { recipients: Recipients; subject: string; body: string; replyTo?: string | null; templateId?: string | null; campaignId?: string | null; jobId?: string | null; attachments?: Attachment[] },
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
        message_id: messageId,
        status: 'queued',
        recipients: JSON.stringify(m.recipients),
        reply_to: m.replyTo ?? null,
        subject: m.subject,
        body: withSignature(m.body, smtp.signature),
        template_id: m.templateId ?? null,
        campaign_id: m.campaignId ?? null,
        job_id: m.jobId ?? null,
        attempts: 0,
        next_attempt_at: null,
        last_error: null,
        created_at: at,
        updated_at: at,
        sending_at: null,
        sent_at: null,
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

  async function require(id: string): Promise<OutboxRow> {
    const row = await findOutbox(db, id);
    if (!row) throw AppError.notFound('Email', id);
    return row;
  }

  /** Resend a failed, uncertain, waiting, paused or cancelled message, optionally edited. Same Message-ID. */
  async function retry(input: ChannelParsedInput<'outbox.retry'>): Promise<{ id: string; status: OutboxStatus }> {
    const row = await require(input.id);
    const retryable: OutboxStatus[] = ['failed', 'uncertain', 'waiting', 'paused', 'cancelled'];
    if (!retryable.includes(row.status)) throw new AppError('CONFLICT', `This email is ${row.status}; it cannot be resent`);
    await db.transaction().execute(async (trx) => {
      const patch: Partial<OutboxRow> = { status: 'queued', next_attempt_at: null, last_error: null, updated_at: now() };
      if (input.to) {
        const to = await resolve(input.to, 'to', trx);
        patch.recipients = JSON.stringify({ ...recipientsOf(row), to: strip(to) });
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
    if (!(await transition(db, id, cancellable, { status: 'cancelled', next_attempt_at: null, updated_at: now() }))) {
      throw new AppError('CONFLICT', row.status === 'sending' ? 'This email is being sent right now' : `This email is ${row.status}`);
    }
    await changed([id]);
    return { id, status: 'cancelled' };
  }

  /** Files a delivered message on each recipient contact's timeline, in the transaction that marks it sent. */
  async function fileOnTimeline(trx: Kysely<DB>, row: OutboxRow, at: string): Promise<{ activityIds: string[]; contactIds: string[] }> {
    const r = recipientsOf(row);
    const contactIds = [...new Set([...r.to, ...r.cc, ...r.bcc].map((x) => x.contactId).filter((x): x is string => x !== null))];
    const activityIds: string[] = [];
    const filed: string[] = [];
    for (const contactId of contactIds) {
      const contact = await trx.selectFrom('contacts').select(['id', 'company_id', 'deleted_at']).where('id', '=', contactId).executeTakeFirst();
      if (!contact || contact.deleted_at) continue;
      const id = newId();
      await insertActivity(trx, {
        id,
        contact_id: contactId,
        company_id: contact.company_id,
        job_id: row.job_id,
        type: 'email',
        direction: 'outbound',
        occurred_at: at,
        duration_seconds: null,
        subject: row.subject.slice(0, 200),
        notes: row.body.slice(0, 20_000),
        outcome: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      });
      activityIds.push(id);
      filed.push(contactId);
    }
    return { activityIds, contactIds: filed };
  }

  /** One delivery attempt of one claimed row. */
  async function deliver(row: OutboxRow): Promise<void> {
    const smtp = await loadSmtp(db);
    const startedAt = now();
    const claimed = await transition(db, row.id, ['queued', 'waiting'], { status: 'sending', sending_at: startedAt, attempts: row.attempts + 1, updated_at: startedAt });
    if (!claimed) return;
    await changed([row.id]);
    const r = recipientsOf(row);
    const attachments = await attachmentsOf(db, row.id);
    const address = (x: StoredRecipient) => ({ name: x.name ?? '', address: x.address });
    let rejected: string[] = [];
    try {
      const transport = transportFor(smtp, secrets);
      try {
        const info = await transport.sendMail({
          from: { name: smtp.fromName, address: smtp.fromAddress },
          to: r.to.map(address),
          cc: r.cc.map(address),
          bcc: r.bcc.map(address),
          ...(row.reply_to ? { replyTo: row.reply_to } : {}),
          subject: row.subject,
          text: row.body,
          html: toHtml(row.body),
          messageId: row.message_id,
          date: clock.now(),
          attachments: attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), ...(a.content_type ? { contentType: a.content_type } : {}) })),
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        rejected = [...(info.rejected ?? [])];
      } finally {
        transport.close();
      }
    } catch (error) {
      const { outcome, text } = classify(error);
      const at = now();
      const delay = BACKOFF_MS[Math.min(row.attempts, BACKOFF_MS.length - 1)]!;
      await updateOutbox(db, row.id, {
        status: outcome,
        last_error: text,
        next_attempt_at: outcome === 'waiting' ? new Date(clock.now().getTime() + delay).toISOString() : null,
        updated_at: at,
      });
      if (outcome === 'paused') await setPaused(db, true);
      ctx.logger.warn(`email ${row.id} ${outcome}`, { error: text });
      await changed([row.id]);
      return;
    }
    const sentAt = now();
    const filed = await db.transaction().execute(async (trx) => {
      await updateOutbox(trx, row.id, {
        status: 'sent',
        sent_at: sentAt,
        updated_at: sentAt,
        next_attempt_at: null,
        last_error: rejected.length > 0 ? `The server refused: ${rejected.join(', ')}` : null,
      });
      return fileOnTimeline(trx, row, sentAt);
    });
    await changed([row.id]);
    if (filed.activityIds.length > 0) {
      events.emit('data.changed', { entity: 'activity', action: 'created', ids: filed.activityIds });
      events.emit('data.changed', { entity: 'contact', action: 'updated', ids: filed.contactIds });
    }
  }

  /** One pass: every due message, oldest first, campaign ones within the per-minute rate. Returns how many were tried. */
  async function pass(): Promise<number> {
    await recover();
    const smtp = await loadSmtp(db);
    if (!smtp.configured || (await isPaused(db))) return 0;
    let tried = 0;
    for (const row of await dueOutbox(db, now(), 100)) {
      if (row.campaign_id) {
        const since = new Date(clock.now().getTime() - 60_000).toISOString();
        if ((await campaignSendsSince(db, since)) >= smtp.perMinute) continue;
      }
      await deliver(row);
      tried++;
      if (await isPaused(db)) break;
    }
    return tried;
  }

  /** Runs a pass now, or joins the one running (and runs one more after it if woken meanwhile). */
  function tick(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await pass();
        } while (again);
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  }

  /** Passes until nothing due is left (tests; "Send now"). */
  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await tick();
      total += n;
      if (n === 0) return total;
    }
  }

  function schedule() {
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => {
          if (timer) ctx.logger.error('outbox pass failed', error);
        })
        .finally(() => {
          if (timer) schedule();
        });
    }, POLL_MS);
  }

  /** Connectivity came back, or something was queued: look now rather than at the next poll. */
  function wake() {
    if (!timer) return; // not started: tests drive the worker by hand
    tick().catch((error: unknown) => {
      if (timer) ctx.logger.error('outbox pass failed', error);
    });
  }

  return {
    send,
    insert,
    queued,
    retry,
    cancel,
    require,
    recover,
    tick,
    drain,
    wake,
    start() {
      if (timer) return;
      schedule();
      recover().then(wake, (error: unknown) => {
        // Closing straight after opening (a quick quit) ends this early; only a running outbox has a problem.
        if (timer) ctx.logger.error('outbox recovery failed', error);
      });
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** Resolves recipients and merge fields the way send() does, for campaigns and previews. */
    resolve,
    merged,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
