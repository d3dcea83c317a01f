// Stored documents as email attachments, against the real SMTP server on loopback: the bytes are read at
// Send time into the outbox (so emptying the Trash or moving a linked file afterwards changes nothing),
// named by the document's name; a missing, trashed, moved or oversized document is a VALIDATION error
// naming attachments.N and nothing is queued.
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { attachingPicked } from '../helpers/picks';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
let t: TestCore;
let ann = '';
let files = '';

beforeEach(async () => {
  t = attachingPicked(await openTestCore());
  files = tempDir('rapport-email-docs-');
  await t.call('email.settings.update', smtpSettings(smtp.port));
  ann = (await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }] })).id;
});
afterEach(() => {
  t.destroy();
  rmSync(files, { recursive: true, force: true });
});

const outbox = () => t.core.modules.email.outbox;
const write = (name: string, bytes: Buffer | string) => {
  const path = join(files, name);
  writeFileSync(path, bytes);
  return path;
};
const message = { to: [{ address: 'ann@client.test' }], subject: 'Your quote', body: 'Attached.' };
const queuedCount = async () => (await t.call('outbox.list', {})).items.length;

describe('documents as attachments', () => {
  it('sends a stored document under its name with its bytes, read at Send time', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(50_000)]);
    const doc = await t.call('documents.attach', { path: write('Quote – Ann.pdf', pdf), contactId: ann });
    await t.call('documents.rename', { id: doc.id, name: 'Quote 2026 – Ann Lee.pdf' });
    const picked = write('terms.txt', 'Terms and conditions');
    writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([picked]));
    await t.call('files.pick', { purpose: 'attachment' });

    const { id } = await t.call('emails.send', { ...message, to: [{ contactId: ann }], attachments: [{ documentId: doc.id }, picked] });
    expect((await t.call('emails.get', { id })).attachments).toEqual([
      { filename: 'Quote 2026 – Ann Lee.pdf', size: pdf.length },
      { filename: 'terms.txt', size: 20 },
    ]);
    // The bytes went with the message: the stored copy can go before the worker runs.
    await t.call('documents.delete', { id: doc.id });
    expect(await t.call('documents.emptyTrash', {})).toMatchObject({ documents: 1, blobsRemoved: 1 });

    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
    const attachments = smtp.received[0]!.mail.attachments;
    expect(attachments.map((a) => a.filename)).toEqual(['Quote 2026 – Ann Lee.pdf', 'terms.txt']);
    expect(attachments[0]!.contentType).toBe('application/pdf');
    expect(Buffer.compare(attachments[0]!.content, pdf)).toBe(0);
    expect(attachments[1]!.content.toString('utf8')).toBe('Terms and conditions');
    expect((await t.call('emails.get', { id })).status).toBe('sent');
  });

  it('sends the current file of a linked document, and names attachments.N when it has moved', async () => {
    const path = write('drawing.txt', 'version 1');
    const doc = await t.call('documents.attach', { path, contactId: ann, mode: 'link' });
    writeFileSync(path, 'version 2, edited after linking');
    await t.call('emails.send', { ...message, attachments: [{ documentId: doc.id }] });
    rmSync(path);
    // Already queued: the bytes are in the outbox, the file's fate no longer matters.
    await outbox().drain();
    expect(smtp.received[0]!.mail.attachments[0]!.content.toString('utf8')).toBe('version 2, edited after linking');
    expect(smtp.received[0]!.mail.attachments[0]!.filename).toBe('drawing.txt');

    const before = await queuedCount();
    const error = await t.fail('emails.send', { ...message, attachments: [{ documentId: doc.id }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: 'attachments.0', message: expect.stringMatching(/"drawing.txt" is no longer at .*moved or deleted/) as unknown }]);
    expect(await queuedCount()).toBe(before);
  });

  it('refuses a missing, trashed or lost document, or a linked folder, naming its position; nothing is queued', async () => {
    const good = await t.call('documents.attach', { path: write('a.txt', 'a'), contactId: ann });
    const trashed = await t.call('documents.attach', { path: write('b.txt', 'b'), contactId: ann });
    await t.call('documents.delete', { id: trashed.id });
    const lost = await t.call('documents.attach', { path: write('c.txt', 'c lost') });
    rmSync(join(t.dataDir, 'documents', lost.sha256!.slice(0, 2), lost.sha256!));
    const folder = await t.call('documents.attach', { path: files, mode: 'link' });

    const cases: [unknown, RegExp][] = [
      [{ documentId: randomUUID() }, /no longer exists/],
      [{ documentId: trashed.id }, /"b.txt" is in the Trash/],
      [{ documentId: lost.id }, /stored copy of "c.txt" is missing/],
      [{ documentId: folder.id }, /folder/],
    ];
    for (const [attachment, text] of cases) {
      const error = await t.fail('emails.send', { ...message, attachments: [{ documentId: good.id }, attachment] });
      expect(error.code).toBe('VALIDATION');
      expect(error.issues?.[0]?.path).toBe('attachments.1');
      expect(error.issues?.[0]?.message).toMatch(text);
    }
    expect(await queuedCount()).toBe(0);
    // Not an id, or an unknown shape: refused by the contract before any reading.
    expect((await t.fail('emails.send', { ...message, attachments: [{ documentId: 'x' }] })).issues?.[0]?.path).toBe('attachments.0.documentId');
    expect((await t.fail('emails.send', { ...message, attachments: [{ id: good.id }] })).issues?.[0]?.path).toBe('attachments.0');
  });

  it('keeps attached documents within the 25 MB total', async () => {
    const first = await t.call('documents.attach', { path: write('big-1.bin', Buffer.alloc(13 * 1024 * 1024, 1)) });
    const second = await t.call('documents.attach', { path: write('big-2.bin', Buffer.alloc(13 * 1024 * 1024, 2)) });
    const error = await t.fail('emails.send', { ...message, attachments: [{ documentId: first.id }, { documentId: second.id }] });
    expect(error.issues).toEqual([{ path: 'attachments.1', message: 'Attachments may total at most 25 MB' }]);
    expect(await queuedCount()).toBe(0);
    await t.call('emails.send', { ...message, attachments: [{ documentId: first.id }] });
    expect(await queuedCount()).toBe(1);
  });
});
