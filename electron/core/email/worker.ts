// The outbox's worker: claims a due message by moving it to 'sending' in its own commit before talking to the
// server, so a crash leaves a row that start-up marks 'uncertain' instead of sending it again; a connection lost
// after the whole message went is 'uncertain' too. The sent log (sent-log.ts) outlives a restored store. Files what
// was delivered on the recipients' timelines. Driven by the injected clock: tests call tick()/drain(), never sleep.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { StoredRecipient } from '../../../shared/domain/email';
import { insertActivity } from '../../db/activities.repo';
import { linkSentReply } from '../../db/case-mail.repo';
import { findContact } from '../../db/contacts.repo';
import { attachmentsOf, campaignSendsSince, dueOutbox, listOutbox, markInFlightUncertain, outboxCounts, outboxThread, requeue, transition, updateOutbox, type OutboxRecord } from '../../db/email.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import { toHtml } from './merge';
import { SENT_LOG, createSentLog, type SentLogState } from './sent-log';
import { classify, isPaused, loadSmtp, setPaused } from './settings';
import { DeliveryError, sendOnce } from './smtp-send';
import { listUnsubscribeOf } from './unsubscribe';

/** Retry delays after the 1st, 2nd... transient failure; the last repeats. */
const BACKOFF_MS = [60_000, 2 * 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000];
/** How long the timer waits between looks at the outbox when nothing wakes it. */
const POLL_MS = 15_000;

/** The user's next step for a message that may have been delivered, said the same way everywhere. */
const DECIDE = 'Check your Sent folder or ask the recipient, then send it again or mark it as sent.';

/** A connection lost after the whole message went: the server's last words (its reply code first) are shown. */
export function lostAfterData(lastResponse: string | null): string {
  const said = lastResponse && /^3\d\d/.test(lastResponse) ? ` Its last answer was "${lastResponse}" (ready to take the message).` : lastResponse ? ` Its last answer was "${lastResponse}".` : '';
  return `The connection to the mail server was lost after the whole message was handed over, before the server confirmed it: it may have been delivered.${said} ${DECIDE}`;
}

const RESTORED_UNCERTAIN = `Rapport's sent log shows this was being sent before your data was restored: it may have been delivered. ${DECIDE}`;
const NO_LOG = 'Rapport could not write its sent log in the data folder (is the disk full or read-only?); it will try again.';

export function createOutboxWorker(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const { secrets } = ctx.platform;
  const log = createSentLog(join(ctx.dataDir, SENT_LOG));
  let recovered: Promise<void> | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const now = () => clock.now().toISOString();

  async function changed(ids: string[]) {
    events.emit('outbox.changed', { ids, paused: await isPaused(db) });
  }

  const step = (row: OutboxRecord, state: SentLogState, at = now()) => log.append({ id: row.id, messageId: row.messageId, state, at });

  /** Once per process, before any work: rows left in 'sending' by a previous run may have been delivered. */
  function recover(): Promise<void> {
    recovered ??= (async () => {
      // The log may know better: the server took it and Rapport stopped before the store said so.
      for (const row of await listOutbox(db, 'sending', 1000)) {
        const last = await log.last(row.id);
        if (last?.state === 'sent') await markSent(row, last.at, ['sending']);
      }
      const ids = await markInFlightUncertain(db, now());
      if (ids.length > 0) {
        ctx.logger.warn(`${ids.length} email(s) were being sent when Rapport stopped; marked "may have been sent"`);
        await changed(ids);
      }
    })();
    return recovered;
  }

  /** Files a delivered message on each recipient contact's timeline, in the transaction that marks it sent. */
  async function fileOnTimeline(trx: Kysely<DB>, row: OutboxRecord, at: string): Promise<{ activityIds: string[]; contactIds: string[] }> {
    const r = row.recipients;
    const contactIds = [...new Set([...r.to, ...r.cc, ...r.bcc].map((x) => x.contactId).filter((x): x is string => x !== null))];
    const activityIds: string[] = [];
    const filed: string[] = [];
    for (const contactId of contactIds) {
      const contact = await findContact(trx, contactId);
      if (!contact || contact.deletedAt) continue;
      const id = newId();
      await insertActivity(trx, {
        id,
        contactId,
        companyId: contact.companyId,
        jobId: row.jobId,
        type: 'email',
        direction: 'outbound',
        occurredAt: at,
        durationSeconds: null,
        subject: row.subject.slice(0, 200),
        notes: row.body.slice(0, 20_000),
        outcome: null,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      });
      // A reply from a support case (issue #22): the filed email is the case's too.
      await linkSentReply(trx, row.id, id);
      activityIds.push(id);
      filed.push(contactId);
    }
    return { activityIds, contactIds: filed };
  }

  /**
   * Records a delivered message (the server's 250, the sent log after a restore, or the user's word) and files it
   * on the timelines, if the row is still in one of `from`. True when this call moved it.
   */
  async function markSent(row: OutboxRecord, sentAt: string, from: OutboxRecord['status'][], lastError: string | null = null): Promise<boolean> {
    const at = now();
    const filed = await db.transaction().execute(async (trx) => {
      if (!(await transition(trx, row.id, from, { status: 'sent', sentAt, updatedAt: at, nextAttemptAt: null, lastError }))) return null;
      return fileOnTimeline(trx, row, sentAt);
    });
    if (!filed) return false;
    await changed([row.id]);
    if (filed.activityIds.length > 0) {
      events.emit('data.changed', { entity: 'activity', action: 'created', ids: filed.activityIds });
      events.emit('data.changed', { entity: 'contact', action: 'updated', ids: filed.contactIds });
    }
    return true;
  }

  /** A due message the sent log already knows (a store restored from before it went): never sent again. */
  async function settleFromLog(row: OutboxRecord): Promise<boolean> {
    const verdict = await log.verdict(row.id);
    if (verdict === 'sent') {
      const last = await log.last(row.id);
      await markSent(row, last?.at ?? now(), ['queued', 'waiting']);
    } else if (verdict === 'uncertain') {
      if (await transition(db, row.id, ['queued', 'waiting'], { status: 'uncertain', nextAttemptAt: null, lastError: RESTORED_UNCERTAIN, updatedAt: now() })) await changed([row.id]);
    }
    return verdict !== null;
  }

  /** One delivery attempt of one claimed row. */
  async function deliver(row: OutboxRecord): Promise<void> {
    if (await settleFromLog(row)) return;
    const smtp = await loadSmtp(db);
    const startedAt = now();
    const claimed = await transition(db, row.id, ['queued', 'waiting'], { status: 'sending', sendingAt: startedAt, attempts: row.attempts + 1, updatedAt: startedAt });
    if (!claimed) return;
    await changed([row.id]);
    const r = row.recipients;
    const attachments = await attachmentsOf(db, row.id);
    // A reply from a case (issue #22) answers the thread: the customer's mail program files it with the rest.
    const thread = await outboxThread(db, row.id);
    const address = (x: StoredRecipient) => ({ name: x.name ?? '', address: x.address });
    const retryAt = () => new Date(clock.now().getTime() + BACKOFF_MS[Math.min(row.attempts, BACKOFF_MS.length - 1)]!).toISOString();
    try {
      await step(row, 'start', startedAt);
    } catch (error) {
      ctx.logger.error(`email ${row.id}: the sent log could not be written`, error);
      await updateOutbox(db, row.id, { status: 'waiting', lastError: NO_LOG, nextAttemptAt: retryAt(), updatedAt: now() });
      await changed([row.id]);
      return;
    }
    let rejected: string[];
    try {
      const info = await sendOnce(smtp, secrets, {
        from: { name: smtp.fromName, address: smtp.fromAddress },
        to: r.to.map(address),
        cc: r.cc.map(address),
        bcc: r.bcc.map(address),
        ...(row.replyTo ? { replyTo: row.replyTo } : {}),
        subject: row.subject,
        text: row.body,
        html: toHtml(row.body),
        messageId: row.messageId,
        ...(thread.inReplyTo ? { inReplyTo: thread.inReplyTo } : {}),
        ...(thread.references ? { references: thread.references } : {}),
        date: clock.now(),
        // A campaign email's footer link, again as the header mail programs offer as "Unsubscribe" (issue #21).
        ...(row.campaignId && listUnsubscribeOf(row.body) ? { headers: { 'List-Unsubscribe': listUnsubscribeOf(row.body)! } } : {}),
        attachments: attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), ...(a.contentType ? { contentType: a.contentType } : {}) })),
      });
      rejected = info.rejected;
    } catch (error) {
      if (error instanceof DeliveryError && error.afterData) {
        // The same as a crash at this moment: only the user can say whether to send it again.
        const text = lostAfterData(error.lastResponse);
        await step(row, 'uncertain').catch((e: unknown) => ctx.logger.error(`email ${row.id}: the sent log could not be written`, e));
        await updateOutbox(db, row.id, { status: 'uncertain', lastError: text, nextAttemptAt: null, updatedAt: now() });
        ctx.logger.warn(`email ${row.id} uncertain: connection lost after the message was sent`, { cause: String(error.cause) });
        await changed([row.id]);
        return;
      }
      const cause = error instanceof DeliveryError ? error.cause : error;
      const { outcome, text } = classify(cause, smtp);
      // Certainly not delivered; if this line is lost, a restore shows it as "may have been sent", never resends it.
      await step(row, 'unsent').catch((e: unknown) => ctx.logger.error(`email ${row.id}: the sent log could not be written`, e));
      const at = now();
      await updateOutbox(db, row.id, {
        status: outcome,
        lastError: text,
        nextAttemptAt: outcome === 'waiting' ? retryAt() : null,
        updatedAt: at,
      });
      if (outcome === 'paused') await setPaused(db, true);
      // The library's own text (and the server's full reply) for whoever reads the log; the window shows `text`.
      ctx.logger.warn(`email ${row.id} ${outcome}`, { error: text, cause: String(cause), response: (cause as { response?: unknown } | null)?.response });
      await changed([row.id]);
      return;
    }
    const sentAt = now();
    // On disk before the store: a restored store, or a crash before the next commit, still knows it went.
    await step(row, 'sent', sentAt).catch((e: unknown) => ctx.logger.error(`email ${row.id}: the sent log could not be written`, e));
    await markSent(row, sentAt, ['sending'], rejected.length > 0 ? `Sent, but the server refused ${rejected.length === 1 ? 'this address' : 'these addresses'}: ${rejected.join(', ')}. Check ${rejected.length === 1 ? 'it' : 'them'}, then write to ${rejected.length === 1 ? 'it' : 'them'} again.` : null);
  }

  /** One pass: every due message, oldest first, campaign ones within the per-minute rate. Returns how many were tried. */
  async function pass(): Promise<number> {
    await recover();
    const smtp = await loadSmtp(db);
    if (!smtp.configured || (await isPaused(db))) return 0;
    let tried = 0;
    for (const row of await dueOutbox(db, now(), 100)) {
      if (row.campaignId) {
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

  /** "Send now": try at once, even after a pause (a wrong password pauses again) and before retry times. */
  async function sendNow(): Promise<{ queued: number }> {
    if (await isPaused(db)) await setPaused(db, false);
    // The renderer refreshes only on events (its mutations never refetch), so say what moved back in line.
    const requeued = await requeue(db, ['waiting', 'paused'], now());
    if (requeued.length > 0) await changed(requeued);
    const counts = await outboxCounts(db);
    // Answer at once; the pass reports through outbox.changed as each message goes.
    tick().catch((error: unknown) => ctx.logger.error('outbox pass failed', error));
    return { queued: counts.queued ?? 0 };
  }

  return {
    changed,
    recover,
    markSent,
    /** The sent log, for the user's own decisions (resend, mark as sent). */
    log,
    step,
    tick,
    drain,
    wake,
    sendNow,
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
  };
}
