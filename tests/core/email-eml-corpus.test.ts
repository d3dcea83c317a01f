// Every real .eml in the corpus (tests/fixtures/real/eml, expected.json) goes through the real filing channel,
// emails.importEml with a picked path: subject, sender, every named part as an attachment (issue #15 item 8:
// named inline text parts included), and text in its own charset decoded (ISO-2022-JP, ks_c_5601-1987, …).
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

interface Expected {
  subject: string | null;
  from: string;
  fromName?: string;
  attachmentCount: number;
  attachments?: string[];
  attachmentNamePrefix?: string;
  attachmentNameSuffix?: string;
  attachmentSizes?: Record<string, number>;
  textSnippet: string | null;
  textAlsoContains?: string;
}

const dir = join(process.cwd(), 'tests/fixtures/real/eml');
const expected = (JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/real/expected.json'), 'utf8')) as { files: Record<string, Expected> }).files;
const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();

let t: TestCore;
let contactId: string;
beforeAll(async () => {
  t = await openTestCore();
  contactId = (await t.call('contacts.create', { firstName: 'Corpus', emails: [{ value: 'corpus@example.test' }] })).id;
});
afterAll(() => t.destroy());

describe('received email corpus (.eml)', () => {
  it('has an expectation for every file', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) expect(expected[`eml/${f}`], f).toBeDefined();
  });

  it.each(files)('files %s whole', async (file) => {
    const want = expected[`eml/${file}`]!;
    const path = join(t.dataDir, file);
    copyFileSync(join(dir, file), path);
    writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([path]));
    await t.call('files.pick', { purpose: 'eml' });
    const { activity, attachments } = await t.call('emails.importEml', { path, contactId });

    expect(activity.subject).toBe(want.subject ?? '(no subject)');
    expect(activity.notes).toContain(`From: `);
    expect(activity.notes).toContain(want.from);
    if (want.fromName) expect(activity.notes).toContain(want.fromName);
    expect(attachments).toHaveLength(want.attachmentCount);
    if (want.attachments) expect(attachments.map((a) => a.filename)).toEqual(want.attachments);
    if (want.attachmentNamePrefix) expect(attachments[0]!.filename.startsWith(want.attachmentNamePrefix)).toBe(true);
    if (want.attachmentNameSuffix) expect(attachments[0]!.filename.endsWith(want.attachmentNameSuffix)).toBe(true);
    for (const [name, size] of Object.entries(want.attachmentSizes ?? {})) expect(attachments.find((a) => a.filename === name)?.size, name).toBe(size);
    if (want.textSnippet) expect(activity.notes).toContain(want.textSnippet);
    if (want.textAlsoContains) expect(activity.notes).toContain(want.textAlsoContains);
  });

  it('keeps a named inline text part as a file, not as message text', async () => {
    const path = join(t.dataDir, 'named-text.eml');
    copyFileSync(join(dir, 'roundcube-attachment-filenames.eml'), path);
    writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([path]));
    await t.call('files.pick', { purpose: 'eml' });
    const { activity, attachments } = await t.call('emails.importEml', { path, contactId });
    // A011.txt holds "foo\r\nbar\r\ngna": its bytes are the file's, untouched, and not the message's text.
    expect(attachments[0]).toEqual({ filename: 'A011.txt', size: 13 });
    expect((activity.notes ?? '').split('\n\nAttachments:')[0]).not.toContain('gna');
  });

  it('reads text with no charset, or an unknown one, as UTF-8 when it is, else windows-1252 (no replacement marks)', async () => {
    const message = (charset: string, body: Buffer) =>
      Buffer.concat([Buffer.from(`From: corpus@example.test\r\nSubject: ${charset || 'none'}\r\nContent-Type: text/plain${charset ? `; charset=${charset}` : ''}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`), body]);
    const cases: [string, Buffer, string][] = [
      ['', Buffer.from('Caf\xe9 cr\xe8me \x80', 'latin1'), 'Café crème €'],
      ['x-unknown-8bit', Buffer.from('Gr\xfc\xdfe', 'latin1'), 'Grüße'],
      ['us-ascii', Buffer.from('Na\xefve', 'latin1'), 'Naïve'],
      ['', Buffer.from('Zoë 😀', 'utf8'), 'Zoë 😀'],
      ['windows-1252', Buffer.from([0x93, 0x4f, 0x4b, 0x94]), '“OK”'],
    ];
    for (const [i, [charset, body, want]] of cases.entries()) {
      const path = join(t.dataDir, `charset-${i}.eml`);
      writeFileSync(path, message(charset, body));
      writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([path]));
      await t.call('files.pick', { purpose: 'eml' });
      const { activity } = await t.call('emails.importEml', { path, contactId });
      expect(activity.notes, charset || 'no charset').toContain(want);
      expect(activity.notes).not.toContain('\uFFFD');
    }
  });
});
