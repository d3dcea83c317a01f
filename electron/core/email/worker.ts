// The outbox's worker: claims a due message by moving it to 'sending' in its own commit before talking to the
// server, so a crash leaves a row that start-up marks 'uncertain' instead of sending it again; files what was
// delivered on the recipients' timelines. Driven by the injected clock: tests call tick()/drain() instead of sleeping.
import type { Kysely } from 'kysely';
import type { StoredRecipient } from '../../../shared/domain/email';
import { insertActivity } from '../../db/activities.repo';
import { findContact } from '../../db/contacts.repo';
import { attachmentsOf, campaignSendsSince, dueOutbox, markInFlightUncertain, outboxCounts, requeue, transition, updateOutbox, type OutboxRecord } from '../../db/email.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import { toHtml } from './merge';
import { classify, isPaused, loadSmtp, setPaused, transportFor } from './settings';

/** Retry delays after the 1st, 2nd... transient failure; the last repeats. */
const BACKOFF_MS = [60_000, 2 * 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000];
/** How long the timer waits between looks at the outbox when nothing wakes it. */
const POLL_MS = 15_000;

export function createOutboxWorker(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const { secrets } = ctx.platform;
  let recovered: Promise<void> | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

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
      activityIds.push(id);
      filed.push(contactId);
    }
    return { activityIds, contactIds: filed };
  }

  /** One delivery attempt of one claimed row. */
  async function deliver(row: OutboxRecord): Promise<void> {
    const smtp = await loadSmtp(db);
    const startedAt = now();
    const claimed = await transition(db, row.id, ['queued', 'waiting'], { status: 'sending', sendingAt: startedAt, attempts: row.attempts + 1, updatedAt: startedAt });
    if (!claimed) return;
    await changed([row.id]);
    const r = row.recipients;
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
          ...(row.replyTo ? { replyTo: row.replyTo } : {}),
          subject: row.subject,
          text: row.body,
          html: toHtml(row.body),
          messageId: row.messageId,
          date: clock.now(),
          attachments: attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), ...(a.contentType ? { contentType: a.contentType } : {}) })),
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
        lastError: text,
        nextAttemptAt: outcome === 'waiting' ? new Date(clock.now().getTime() + delay).toISOString() : null,
        updatedAt: at,
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
        sentAt,
        updatedAt: sentAt,
        nextAttemptAt: null,
        lastError: rejected.length > 0 ? `The server refused: ${rejected.join(', ')}` : null,
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
