// Issue #16 item 6: a file that is not a CSV, vCard, calendar or email says so in plain words (naming what it is when
// that is known) instead of importing garbage, and NUL bytes and other control characters in any of them never reach
// a contact's name, an appointment's title or a filed email. Through the real channels with picked files.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotAnEmail, parseEml } from '../../electron/core/email/eml-parse';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { openTestCore, type TestCore } from '../helpers/core';
import { allContacts } from './import-export-helpers';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

/** Writes a file into the data folder and picks it as the open dialog would. */
async function picked(name: string, content: string | Buffer, purpose: 'import' | 'eml' | 'calendar'): Promise<string> {
  const path = join(t.dataDir, name);
  writeFileSync(path, content);
  writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify([path]));
  await t.call('files.pick', { purpose });
  return path;
}

const pdf = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
// Control characters a hostile or broken file carries: NUL, BEL, ESC, DEL.
const dirty = (s: string) => `${s.slice(0, 2)}\u0000${s.slice(2)}\u0007\u001b\u007f`;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

describe('a file of another kind is refused in plain words', () => {
  it('contacts import: random bytes, a PDF and a calendar are not a CSV or vCard file; nothing is imported', async () => {
    const cases: [string, Buffer | string, RegExp][] = [
      ['random.csv', randomBytes(5 * 1024 * 1024), /^This file is binary data \(not text\), not a CSV or vCard file$/],
      ['invoice.csv', pdf, /^This file is a PDF document, not a CSV or vCard file$/],
      ['photo.vcf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /^This file is a PNG picture, not a CSV or vCard file$/],
      ['meetings.csv', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', /^This file is a calendar file \(iCalendar\), not a CSV or vCard file: import it in the Calendar$/],
    ];
    for (const [name, content, message] of cases) {
      const path = await picked(name, content, 'import');
      const error = await t.fail('import.preview', { path });
      expect(error, name).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: expect.stringMatching(message) }] });
      expect((await t.fail('import.run', { path, duplicates: 'skip' })).code, name).toBe('VALIDATION');
    }
    expect(await allContacts(t)).toEqual([]);
  });

  it('email filing: 5 MB of random bytes and a PDF are not an email message; nothing is filed', async () => {
    const contactId = (await t.call('contacts.create', { firstName: 'Ann', emails: [{ value: 'ann@example.test' }] })).id;
    for (const [name, content] of [['random.eml', randomBytes(5 * 1024 * 1024)], ['scan.eml', pdf]] as const) {
      const path = await picked(name, content, 'eml');
      const error = await t.fail('emails.importEml', { path, contactId });
      expect(error, name).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: expect.stringMatching(/email message \(\.eml\)/) }] });
    }
    expect((await t.call('activities.list', { contactId })).items).toEqual([]);
    // The reader names what it found; eml.ts decides how much of that reaches the window.
    await expect(parseEml(pdf)).rejects.toThrow(new NotAnEmail('This file is a PDF document, not an email message (.eml)'));
    await expect(parseEml(randomBytes(4096))).rejects.toThrow(NotAnEmail);
    await expect(parseEml(Buffer.from('Name,Email\r\nAnn,ann@example.test\r\n'))).rejects.toThrow(/not an email message/);
  });

  it('calendar import: random bytes are not a calendar', async () => {
    const path = await picked('random.ics', randomBytes(1024 * 1024), 'calendar');
    const error = await t.fail('schedule.importPreview', { path });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: expect.stringMatching(/not an iCalendar/) }] });
  });
});

describe('control characters never reach what is stored', () => {
  it('CSV and vCard: names, notes and emails without NUL and the like', async () => {
    const csv = await picked('nul.csv', `First Name,Last Name,E-mail Address,Notes\r\n${dirty('Anna')},${dirty('Lind')},anna@example.test,${dirty('Met at the fair')}\r\n`, 'import');
    expect(await t.call('import.run', { path: csv, duplicates: 'skip' })).toMatchObject({ created: 1, rejectedCount: 0 });
    const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${dirty('Berg')};${dirty('Bo')};;;\r\nFN:${dirty('Bo Berg')}\r\nORG:${dirty('Berg AB')}\r\nNOTE:${dirty('Likes tea')}\r\nEMAIL:bo@example.test\r\nEND:VCARD\r\n`;
    const vcf = await picked('nul.vcf', card, 'import');
    expect(await t.call('import.run', { path: vcf, duplicates: 'skip' })).toMatchObject({ created: 1, rejectedCount: 0 });
    const stored = await allContacts(t);
    expect(stored.map((c) => [c.firstName, c.lastName, c.notes])).toEqual(
      expect.arrayContaining([
        ['Anna', 'Lind', 'Met at the fair'],
        ['Bo', 'Berg', 'Likes tea'],
      ]),
    );
    for (const c of stored) expect(JSON.stringify(c), c.displayName).not.toMatch(CONTROLS);
  });

  it('calendar: a title and notes without NUL and the like', async () => {
    const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:nul@test\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261125T140000Z\r\nDURATION:PT1H\r\nSUMMARY:${dirty('Site visit')}\r\nDESCRIPTION:${dirty('Bring plans')}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const path = await picked('nul.ics', ics, 'calendar');
    expect(await t.call('schedule.importRun', { path })).toMatchObject({ created: 1 });
    const [occurrence] = (await t.call('appointments.list', { from: '2026-11-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' })).items;
    const appointment = await t.call('appointments.get', { id: occurrence!.appointmentId });
    expect(appointment).toMatchObject({ title: 'Site visit', notes: 'Bring plans' });
    expect(JSON.stringify(appointment)).not.toMatch(CONTROLS);
  });

  it('email: subject, sender name and text without NUL and the like', async () => {
    const contactId = (await t.call('contacts.create', { firstName: 'Cy', emails: [{ value: 'cy@example.test' }] })).id;
    const raw = `From: ${dirty('Cy Dahl')} <cy@example.test>\r\nTo: me@example.test\r\nSubject: ${dirty('Quote')}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${dirty('Here it is')}\r\n`;
    const path = await picked('nul.eml', raw, 'eml');
    const { activity } = await t.call('emails.importEml', { path, contactId });
    expect(activity.subject).toBe('Quote');
    expect(activity.notes).toContain('Here it is');
    expect(JSON.stringify(activity)).not.toMatch(CONTROLS);
  });
});
