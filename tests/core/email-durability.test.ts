// A message is never lost and never sent twice automatically: a real process is SIGKILLed while a message
// is on the wire to a real SMTP server; on restart the queued ones are still there and go, and the one in
// flight is shown as "may have been sent" for the user to resend or dismiss. Also: filing a received .eml.
import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore, tempDir } from '../helpers/core';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();

async function until(condition: () => boolean, what: string, ms = 20_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('outbox durability', () => {
  it('survives a kill mid-send: queued messages go on restart, the one in flight becomes "may have been sent"', async () => {
    const dataDir = tempDir();
    let t = await openTestCore({ dataDir });
    await t.call('email.settings.update', smtpSettings(smtp.port));
    const ann = (await t.call('contacts.create', { firstName: 'Ann', emails: [{ value: 'ann@client.test' }] })).id;
    const ids: string[] = [];
    for (const subject of ['One', 'Two', 'Three']) ids.push((await t.call('emails.send', { to: [{ contactId: ann }], subject, body: subject })).id);
    t.close();

    smtp.state.behaviour = 'hang';
    smtp.state.dataStarted = 0;
    // One process (node with tsx's loader), not the tsx CLI, which runs the script in a child that SIGKILL would orphan.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/email/crash-child.ts', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await until(() => smtp.state.dataStarted === 1, 'the first message to reach DATA', 60_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(smtp.received).toHaveLength(0);

    smtp.state.behaviour = 'accept';
    t = await openTestCore({ dataDir });
    try {
      const list = await t.call('outbox.list', {});
      expect(list.items.map((i) => [i.subject, i.status]).sort()).toEqual([['One', 'uncertain'], ['Three', 'queued'], ['Two', 'queued']]);
      expect(list.items.find((i) => i.id === ids[0])!.lastError).toMatch(/may have been delivered/);

      await t.core.modules.email.outbox.drain();
      expect(smtp.received.map((r) => r.mail.subject).sort()).toEqual(['Three', 'Two']);
      // Not resent automatically, however long we wait.
      t.clock.advance(24 * 3600_000);
      await t.core.modules.email.outbox.drain();
      expect(smtp.received).toHaveLength(2);
      expect((await t.call('emails.get', { id: ids[0]! })).status).toBe('uncertain');

      // The user chooses: resend (same Message-ID, so the recipient's mail program can spot a duplicate).
      const messageId = (await t.call('emails.get', { id: ids[0]! })).messageId;
      await t.call('outbox.retry', { id: ids[0]! });
      await t.core.modules.email.outbox.drain();
      expect(smtp.received).toHaveLength(3);
      expect(smtp.received[2]!.mail.messageId).toBe(messageId);
      expect((await t.call('activities.list', { contactId: ann })).items).toHaveLength(3);
    } finally {
      t.destroy();
    }
  }, 90_000);
});

describe('received email (.eml)', () => {
  it('files a picked .eml on the sender\'s contact with its date, subject, body and attachments', async () => {
    const t = await openTestCore();
    try {
      const ann = (await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ANN@client.test' }] })).id;
      const path = join(t.dataDir, 'reply.eml');
      copyFileSync(join(process.cwd(), 'tests/fixtures/email/received.eml'), path);

      const notPicked = await t.fail('emails.importEml', { path });
      expect(notPicked.issues?.[0]?.path).toBe('path');

      writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([path]));
      await t.call('files.pick', { purpose: 'eml' });
      const { activity, attachments } = await t.call('emails.importEml', { path });
      expect(activity).toMatchObject({ contactId: ann, type: 'email', direction: 'inbound', subject: 'Re: Kitchen quote - walnut worktop', occurredAt: '2026-11-20T14:05:00.000Z' });
      expect(activity.notes).toContain('From: "Ann Lee" <ann@client.test>');
      expect(activity.notes).toContain('can you start on the 7th?');
      expect(activity.notes).toContain('floor plan.pdf');
      expect(attachments).toEqual([{ filename: 'floor plan.pdf', size: expect.any(Number) }]);
      const hits = await t.call('search.global', { query: 'worktop' });
      expect(hits.items.length).toBeGreaterThan(0);

      // Nobody with the sender's address: the user must say whose it is.
      const other = join(t.dataDir, 'other.eml');
      writeFileSync(other, 'From: stranger@nowhere.test\r\nSubject: Hello\r\n\r\nHi');
      writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([other]));
      await t.call('files.pick', { purpose: 'eml' });
      expect((await t.fail('emails.importEml', { path: other })).issues?.[0]?.path).toBe('contactId');
      expect((await t.call('emails.importEml', { path: other, contactId: ann })).activity.subject).toBe('Hello');
    } finally {
      t.destroy();
    }
  });
});
