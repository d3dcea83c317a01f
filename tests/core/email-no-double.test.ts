// An email is never sent twice by Rapport's own doing: against a real SMTP server on loopback that stores a
// message and then cuts the connection before its 250, every message ends up received exactly once, either
// "sent" or "may have been sent" for the user to decide; a cut while the message is still going is retried.
// And after a restore of an older store, the sent log beside it keeps sent messages from going again.
// RAPPORT_NO_DOUBLE_MESSAGES sets how many messages the stores-then-drops run sends: 100 here (the count), 300 for the
// full run (each message is a STARTTLS + AUTH session, about 40 ms on an idle machine).
import { appendFileSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { smtpSettings, useSmtpServer, type Behaviour } from '../helpers/smtp';

const MESSAGES = Number(process.env.RAPPORT_NO_DOUBLE_MESSAGES ?? 100);

const smtp = useSmtpServer();

/** How many times the server stored each Message-ID. */
function receivedById(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of smtp.received) counts.set(r.mail.messageId ?? '', (counts.get(r.mail.messageId ?? '') ?? 0) + 1);
  return counts;
}

async function setUp(dataDir?: string): Promise<{ t: TestCore; ann: string }> {
  const t = await openTestCore(dataDir ? { dataDir } : {});
  await t.call('email.settings.update', smtpSettings(smtp.port));
  const ann = (await t.call('contacts.create', { firstName: 'Ann', emails: [{ value: 'ann@client.test' }] })).id;
  return { t, ann };
}

/** Lets every retry come due and drains, until nothing is queued or waiting. */
async function settle(t: TestCore) {
  for (let round = 0; round < 20; round++) {
    await t.core.modules.email.outbox.drain();
    const counts = (await t.call('outbox.list', { limit: 1 })).counts;
    if (!counts.queued && !counts.waiting) return;
    t.clock.advance(2 * 3600_000);
  }
  throw new Error('the outbox never settled');
}

describe('a server that stores the message and drops the connection before answering', () => {
  it(`sends ${MESSAGES} messages: 0 doubles, 0 losses; each dropped one is "may have been sent" with the server's last answer`, async () => {
    const { t, ann } = await setUp();
    try {
      // Every session draws: store then drop (half), accept, or a 451 greylisting before the message.
      let seed = 16;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const draws: Behaviour[] = ['drop', 'drop', 'accept', 'tempfail'];
      smtp.state.pick = () => draws[Math.floor(random() * draws.length)]!;
      const ids: string[] = [];
      for (let i = 0; i < MESSAGES; i++) ids.push((await t.call('emails.send', { to: [{ contactId: ann }], subject: `Message ${i}`, body: `Body ${i}` })).id);

      const started = Date.now();
      await settle(t);
      // Nothing "may have been sent" goes again on its own, however long the outbox runs.
      smtp.state.pick = null;
      t.clock.advance(48 * 3600_000);
      await settle(t);
      const seconds = (Date.now() - started) / 1000;

      const counts = receivedById();
      const emails = await Promise.all(ids.map((id) => t.call('emails.get', { id })));
      const doubles = emails.filter((e) => (counts.get(e.messageId) ?? 0) > 1).length;
      const losses = emails.filter((e) => !counts.has(e.messageId)).length;
      const byStatus: Record<string, typeof emails> = {};
      for (const e of emails) (byStatus[e.status] ??= []).push(e);
      console.log(
        `[email-no-double] ${MESSAGES} messages, ${smtp.state.dataStarted} sessions reached DATA, server stored ${smtp.received.length}: ` +
          `${byStatus.sent?.length ?? 0} sent, ${byStatus.uncertain?.length ?? 0} may have been sent, ${doubles} doubles, ${losses} losses (${seconds.toFixed(1)} s)`,
      );
      expect(doubles).toBe(0);
      expect(losses).toBe(0);
      expect(Object.keys(byStatus).sort()).toEqual(['sent', 'uncertain']);
      expect(byStatus.uncertain!.length).toBeGreaterThan(MESSAGES / 4);
      const uncertain = byStatus.uncertain![0]!;
      expect(uncertain.lastError).toMatch(/connection to the mail server was lost after the whole message was handed over/);
      expect(uncertain.lastError).toMatch(/last answer was "354 [^"]*" \(ready to take the message\)/);
      expect(uncertain.lastError).toMatch(/send it again or mark it as sent/);
      expect(uncertain.lastError).not.toMatch(/Connection closed|ECONNECTION/);
      // Only what the server confirmed is filed on the timeline; the user's word files the rest.
      const filed = (await t.call('activities.list', { contactId: ann, limit: 200 })).items;
      expect(filed).toHaveLength(Math.min(200, byStatus.sent!.length));
      expect(new Set(filed.map((a) => a.subject))).toEqual(new Set(byStatus.sent!.slice(0, 200).map((e) => e.subject)));
    } finally {
      smtp.state.pick = null;
      t.destroy();
    }
  }, 120_000);

  it('lets the user decide: mark as sent files it without sending, send again sends it with the same Message-ID', async () => {
    const { t, ann } = await setUp();
    try {
      smtp.state.behaviour = 'drop';
      const first = (await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Quote', body: 'x' })).id;
      const second = (await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Invoice', body: 'y' })).id;
      await t.core.modules.email.outbox.drain();
      smtp.state.behaviour = 'accept';
      expect(smtp.received).toHaveLength(2);
      expect((await t.call('outbox.list', {})).items.map((i) => i.status)).toEqual(['uncertain', 'uncertain']);

      expect(await t.call('outbox.markSent', { id: first })).toEqual({ id: first, status: 'sent' });
      expect((await t.call('emails.get', { id: first })).status).toBe('sent');
      expect((await t.call('activities.list', { contactId: ann })).items.map((a) => a.subject)).toEqual(['Quote']);
      expect((await t.fail('outbox.markSent', { id: first })).code).toBe('CONFLICT');

      await t.call('outbox.retry', { id: second });
      await t.core.modules.email.outbox.drain();
      expect(smtp.received).toHaveLength(3);
      expect(smtp.received[2]!.mail.messageId).toBe((await t.call('emails.get', { id: second })).messageId);
      expect((await t.call('emails.get', { id: second })).status).toBe('sent');
      expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Quote', 'Invoice', 'Invoice']);
    } finally {
      t.destroy();
    }
  });

  it('retries a message whose connection was cut while it was still being sent (the server never had all of it)', async () => {
    const { t, ann } = await setUp();
    try {
      smtp.state.behaviour = 'dropMidData';
      // Larger than the loopback socket buffers, so the cut comes while the client is still writing.
      const big = join(t.dataDir, 'plans.bin');
      writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 7));
      writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([big]));
      await t.call('files.pick', { purpose: 'attachment' });
      const { id } = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Plans', body: 'attached', attachments: [big] });
      await t.core.modules.email.outbox.drain();
      expect(smtp.received).toHaveLength(0);
      const waiting = await t.call('emails.get', { id });
      expect(waiting.status).toBe('waiting');

      smtp.state.behaviour = 'accept';
      t.clock.advance(61_000);
      await t.core.modules.email.outbox.drain();
      expect(smtp.received).toHaveLength(1);
      expect((await t.call('emails.get', { id })).status).toBe('sent');
    } finally {
      t.destroy();
    }
  }, 60_000);
});

describe('the sent log, outside the store', () => {
  /** Simulates restoring a backup: the store file is replaced by a copy taken earlier; the data folder stays. */
  function restore(dataDir: string, backup: string) {
    for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `rapport.sqlite${suffix}`), { force: true });
    copyFileSync(backup, join(dataDir, 'rapport.sqlite'));
  }

  it('after a restore of a store from before the send, nothing goes out again and the message shows as sent', async () => {
    const dataDir = tempDir();
    const backup = join(tempDir('rapport-backup-'), 'rapport.sqlite');
    const opened = await setUp(dataDir);
    const ann = opened.ann;
    let t = opened.t;
    const sent = (await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Quote', body: 'x' })).id;
    const dropped = (await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Invoice', body: 'y' })).id;
    t.close();
    // The backup: taken with both messages still queued.
    expect(existsSync(join(dataDir, 'rapport.sqlite-wal'))).toBe(false);
    copyFileSync(join(dataDir, 'rapport.sqlite'), backup);

    t = await openTestCore({ dataDir });
    try {
      // Quote goes; Invoice is stored, then the connection drops before the 250.
      const sessions: Behaviour[] = ['accept', 'drop'];
      smtp.state.pick = () => sessions.shift() ?? 'accept';
      await t.core.modules.email.outbox.drain();
      smtp.state.pick = null;
      expect((await t.call('emails.get', { id: sent })).status).toBe('sent');
      expect((await t.call('emails.get', { id: dropped })).status).toBe('uncertain');
      expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Quote', 'Invoice']);
    } finally {
      t.close();
    }
    const log = readFileSync(join(dataDir, 'outbox-sent.log'), 'utf8');
    expect(log.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { state: string }).state)).toEqual(['start', 'sent', 'start', 'uncertain']);

    restore(dataDir, backup);
    smtp.state.behaviour = 'accept';
    t = await openTestCore({ dataDir });
    try {
      expect((await t.call('outbox.list', {})).counts).toEqual({ queued: 2 });
      t.clock.advance(3600_000);
      await settle(t);
      expect(smtp.received).toHaveLength(2);
      const quote = await t.call('emails.get', { id: sent });
      expect(quote.status).toBe('sent');
      expect(quote.sentAt).toBe('2026-11-22T09:00:00.000Z');
      expect((await t.call('activities.list', { contactId: ann })).items.map((a) => a.subject)).toEqual(['Quote']);
      const invoice = await t.call('emails.get', { id: dropped });
      expect(invoice.status).toBe('uncertain');
      expect(invoice.lastError).toMatch(/before your data was restored: it may have been delivered/);
      // The user still decides: sending it again is their call, and it goes.
      await t.call('outbox.retry', { id: dropped });
      await t.core.modules.email.outbox.drain();
      expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Quote', 'Invoice', 'Invoice']);
    } finally {
      t.destroy();
    }
  });

  it('knows what a crash hid from the store: sent stays sent, a send cut off is "may have been sent"', async () => {
    const dataDir = tempDir();
    const opened = await setUp(dataDir);
    const ann = opened.ann;
    let t = opened.t;
    const went = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Went', body: 'x' });
    const cut = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Cut off', body: 'y' });
    const ids = { went: (await t.call('emails.get', { id: went.id })).messageId, cut: (await t.call('emails.get', { id: cut.id })).messageId };
    t.close();
    // Killed after the log said "sent" but before the store did (still 'sending'); and a store restored from
    // before a send that was itself cut off by a crash (queued, the log's last word "start").
    const sqlite = new Database(join(dataDir, 'rapport.sqlite'));
    sqlite.prepare("UPDATE outbox SET status = 'sending', attempts = 1, sending_at = ? WHERE id = ?").run('2026-11-22T09:00:00.000Z', went.id);
    sqlite.close();
    const line = (id: string, messageId: string, state: string) => `${JSON.stringify({ id, messageId, state, at: '2026-11-22T09:00:01.000Z' })}\n`;
    appendFileSync(join(dataDir, 'outbox-sent.log'), line(went.id, ids.went, 'start') + line(went.id, ids.went, 'sent') + line(cut.id, ids.cut, 'start') + '{"id":"torn');

    t = await openTestCore({ dataDir });
    try {
      await settle(t);
      expect(smtp.received).toHaveLength(0);
      expect(await t.call('emails.get', { id: went.id })).toMatchObject({ status: 'sent', sentAt: '2026-11-22T09:00:01.000Z' });
      expect((await t.call('activities.list', { contactId: ann })).items.map((a) => a.subject)).toEqual(['Went']);
      expect(await t.call('emails.get', { id: cut.id })).toMatchObject({ status: 'uncertain', lastError: expect.stringMatching(/may have been delivered/) });
      // The user sends it again; the log goes on after the torn line without losing an entry.
      await t.call('outbox.retry', { id: cut.id });
      await t.core.modules.email.outbox.drain();
      expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Cut off']);
      const states = readFileSync(join(dataDir, 'outbox-sent.log'), 'utf8').split('\n').slice(-4, -1);
      expect(states.map((l) => (JSON.parse(l) as { state: string }).state)).toEqual(['resend', 'start', 'sent']);
    } finally {
      t.destroy();
    }
  });
});
