// Issue #22 items 6, 7 and 10: received emails written by real mail programs (tests/fixtures/case-replies, derived
// copies under derived/ with our ids, tokens and dates; see SOURCES.md) filed with emails.importEml land on the right
// case or on none: by References, by token through an AW:/SV: chain (only the case's own customer's token), a
// same-subject mail only suggested; a wait on the customer ends, a resolved case reopens within the window and a
// follow-up case opens after it or after closing; a rating email records the rating and reopens nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRating, ratingSubject } from '../../electron/core/cases/rating';
import { saveCalendar } from '../../electron/db/service.repo';
import { openTestCore, type TestCore } from '../helpers/core';
import { pickPaths } from '../helpers/picks';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
const fixtures = join(process.cwd(), 'tests/fixtures/case-replies');
const GMAIL_ID = 'CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d=pXtCNnYnbe7PLg@mail.gmail.com';
const OUTLOOK_SUBJECT = 'expm1(3p): Mathematical error in given example';
let t: TestCore;
let megan = '';
let walter = '';
let meganCase = '';
let ourId = '';

const status = async (key: string) => (await t.call('cases.statuses.list', {})).statuses.find((s) => s.key === key)!.id;
const rfc = (iso: string) => new Date(iso).toUTCString().replace('GMT', '+0000');

/** Files a fixture as the Timeline's "File an email" does, with its @@placeholders@@ filled. */
async function file(name: string, fill: Record<string, string> = {}, edit: (text: string) => string = (s) => s) {
  let text = readFileSync(join(fixtures, name), 'latin1');
  for (const [key, value] of Object.entries(fill)) text = text.replaceAll(`@@${key}@@`, value);
  const path = join(t.dataDir, `${Math.random().toString(36).slice(2)}.eml`);
  writeFileSync(path, edit(text), 'latin1');
  await pickPaths(t, [path], 'eml');
  return t.call('emails.importEml', { path });
}

/** Gmail's real answer to our last reply, dated now. */
const gmailAnswer = (edit?: (text: string) => string) => file('derived/gmail-re-by-references.eml', { REPLY_ID: ourId, DATE: rfc(t.clock.now().toISOString()) }, edit);

beforeEach(async () => {
  t = await openTestCore({ start: '2026-11-23T09:00:00.000Z' });
  const hours = { start: '09:00', end: '17:00' };
  await saveCalendar(t.core.store.db, { timeZone: 'UTC', hours: { monday: [hours], tuesday: [hours], wednesday: [hours], thursday: [hours], friday: [hours], saturday: [], sunday: [] }, holidays: [] });
  await t.call('email.settings.update', smtpSettings(smtp.port));
  // The fixtures' own senders, so each real message comes from its customer as written.
  megan = (await t.call('contacts.create', { firstName: 'Megan', lastName: 'One', emails: [{ value: 'xxx@gmail.com' }] })).id;
  walter = (await t.call('contacts.create', { firstName: 'Walter', lastName: 'Harms', emails: [{ value: 'wharms@bfs.de' }] })).id;
  meganCase = (await t.call('cases.create', { contactId: megan, subject: 'Test', channel: 'email' })).case.id;
  await t.call('cases.reply', { id: meganCase, body: 'Looking into it.' });
  ourId = (await t.call('outbox.list', {})).items[0]!.id;
  ourId = (await t.call('emails.get', { id: ourId })).messageId.replace(/^<|>$/g, '');
});
afterEach(() => t.destroy());

describe('threading a filed email onto its case', () => {
  it('files a real Gmail answer by References, even without the token in its subject', async () => {
    const filed = await gmailAnswer();
    expect(filed.case).toEqual({ id: meganCase, label: 'C-0001', how: 'attached', previousLabel: null });
    const detail = await t.call('cases.get', { id: meganCase });
    const message = detail.entries.find((e) => e.kind === 'message')!;
    expect(message).toMatchObject({ direction: 'inbound', subject: 'Re: Test', activityId: filed.activity.id });
    expect(message.body).toContain('Hello');
    // Filed twice (a second "File an email" of the same file): still one entry on the case.
    expect((await gmailAnswer()).case).toMatchObject({ id: meganCase, how: 'attached' });
    expect((await t.call('cases.get', { id: meganCase })).entries.filter((e) => e.kind === 'message')).toHaveLength(1);
    // A second answer to the customer's own message threads too (its id is now the case's).
    const again = await file('talon-thunderbird.eml', {}, (s) => s.replace('Subject: Re: Test', `In-Reply-To: <${GMAIL_ID}>\nSubject: Re: Test`).replace('bob <bob@xxx.mailgun.org>', 'Megan One <xxx@gmail.com>'));
    expect(again.case?.id).toBe(meganCase);
  });

  it('files an Outlook AW: SV: chain by its [C-…] token when its References name nothing of ours', async () => {
    const walterCase = (await t.call('cases.create', { contactId: walter, subject: OUTLOOK_SUBJECT })).case;
    const filed = await file('derived/outlook-de-aw-sv-token.eml', { TOKEN: '[C-0002]', DATE: rfc('2026-11-23T10:00:00Z') });
    expect(walterCase.label).toBe('C-0002');
    expect(filed.case).toMatchObject({ id: walterCase.id, label: 'C-0002', how: 'attached' });
    const detail = await t.call('cases.get', { id: walterCase.id });
    expect(detail.entries.find((e) => e.kind === 'message')?.subject).toBe(`AW: SV: ${OUTLOOK_SUBJECT} [C-0002]`);
  });

  it('never attaches a message to another person\u2019s case by a token in its subject', async () => {
    const filed = await file('derived/outlook-de-aw-sv-token.eml', { TOKEN: '[C-0001]', DATE: rfc('2026-11-23T10:00:00Z') });
    expect(filed.case).toBeUndefined();
    expect(filed.activity.contactId).toBe(walter);
    expect((await t.call('cases.get', { id: meganCase })).entries.some((e) => e.kind === 'message')).toBe(false);
  });

  it('never attaches another person\u2019s answer by References either (a thread forwarded to a colleague)', async () => {
    const filed = await gmailAnswer((s) => s.replace('From: Megan One <xxx@gmail.com>', 'From: Walter Harms <wharms@bfs.de>'));
    expect(filed.case).toBeUndefined();
    expect(filed.activity.contactId).toBe(walter);
    expect((await t.call('cases.get', { id: meganCase })).entries.some((e) => e.kind === 'message')).toBe(false);
  });

  it('only suggests a same-sender, same-subject case (a real Thunderbird reply with no thread headers)', async () => {
    const bob = (await t.call('contacts.create', { firstName: 'Bob', emails: [{ value: 'bob@xxx.mailgun.org' }] })).id;
    const bobCase = (await t.call('cases.create', { contactId: bob, subject: 'Test' })).case;
    const filed = await file('talon-thunderbird.eml');
    expect(filed.case).toBeUndefined();
    expect(filed.suggestedCases).toEqual([{ id: bobCase.id, label: bobCase.label, subject: 'Test' }]);
    expect((await t.call('cases.get', { id: bobCase.id })).entries.map((e) => e.kind)).toEqual(['created']);
    // The user accepts the suggestion: the email goes onto the case as a threaded answer would, once.
    await t.call('cases.setStatus', { id: bobCase.id, statusId: await status('waitingCustomer') });
    const attached = await t.call('cases.attachEmail', { id: bobCase.id, activityId: filed.activity.id });
    expect(attached.case).toMatchObject({ id: bobCase.id, category: 'open', statusName: 'In progress' });
    const message = attached.entries.find((e) => e.kind === 'message')!;
    expect(message).toMatchObject({ direction: 'inbound', subject: 'Re: Test', activityId: filed.activity.id });
    expect(message.body).not.toMatch(/^From: /);
    expect((await t.fail('cases.attachEmail', { id: bobCase.id, activityId: filed.activity.id })).issues?.[0]).toMatchObject({ path: 'activityId', message: 'This email is already on a case' });
    // Never onto another person's case.
    const other = await t.fail('cases.attachEmail', { id: meganCase, activityId: (await file('talon-thunderbird.eml')).activity.id });
    expect(other.issues?.[0]?.path).toBe('activityId');
  });
});

describe('what a customer\u2019s answer does to the case', () => {
  it('moves a case waiting on the customer back to In progress, and the clock runs again', async () => {
    await t.call('cases.setStatus', { id: meganCase, statusId: await status('waitingCustomer') });
    t.clock.set('2026-11-24T10:00:00.000Z');
    await gmailAnswer();
    const detail = await t.call('cases.get', { id: meganCase });
    expect(detail.case).toMatchObject({ category: 'open', statusId: await status('inProgress'), paused: false });
  });

  it('reopens a case resolved within 7 days, and opens a follow-up case after that', async () => {
    await t.call('cases.setStatus', { id: meganCase, statusId: await status('resolved') });
    t.clock.set('2026-11-26T09:00:00.000Z'); // 3 days on
    const reopened = await gmailAnswer();
    expect(reopened.case).toMatchObject({ id: meganCase, how: 'reopened' });
    let detail = await t.call('cases.get', { id: meganCase });
    expect(detail.case).toMatchObject({ category: 'open', reopenCount: 1 });
    expect(detail.entries.map((e) => e.kind)).toContain('reopened');

    await t.call('cases.setStatus', { id: meganCase, statusId: await status('resolved') });
    t.clock.set('2026-12-04T10:00:00.000Z'); // 8 days on
    const later = await gmailAnswer((s) => s.replace(GMAIL_ID, 'later-answer@mail.gmail.com'));
    expect(later.case).toMatchObject({ how: 'newCase', label: 'C-0002', previousLabel: 'C-0001' });
    detail = await t.call('cases.get', { id: meganCase });
    expect(detail.case).toMatchObject({ category: 'resolved', reopenCount: 1 });
    const followUp = await t.call('cases.get', { id: later.case!.id });
    expect(followUp.case).toMatchObject({ subject: 'Test', contactId: megan, previousCaseId: meganCase, previousCaseLabel: 'C-0001', category: 'open' });
    expect(followUp.entries.map((e) => [e.kind, e.direction])).toEqual([['created', null], ['message', 'inbound']]);
    // The next answer in that thread goes to the follow-up case, where its first message now is.
    const next = await gmailAnswer((s) => s.replace(`<${ourId}>`, '<later-answer@mail.gmail.com>').replaceAll(ourId, 'later-answer@mail.gmail.com').replace(GMAIL_ID, 'third@mail.gmail.com'));
    expect(next.case).toMatchObject({ id: later.case!.id, how: 'attached' });
  });

  it('opens a follow-up case at once when the case is closed', async () => {
    await t.call('cases.setStatus', { id: meganCase, statusId: await status('closed') });
    const filed = await gmailAnswer();
    expect(filed.case).toMatchObject({ how: 'newCase', previousLabel: 'C-0001' });
    expect((await t.call('cases.get', { id: meganCase })).case.category).toBe('closed');
  });

  it('records a rating email (Apple Mail, "Re: [C-0001] Rating 4") with its comment and reopens nothing', async () => {
    await t.call('cases.setStatus', { id: meganCase, statusId: await status('resolved') });
    t.clock.set('2026-11-24T09:00:00.000Z');
    const filed = await file('derived/apple-mail-rating.eml', { TOKEN: '[C-0001]', DATE: rfc('2026-11-24T09:00:00Z') });
    expect(filed.case).toMatchObject({ id: meganCase, how: 'rated' });
    const detail = await t.call('cases.get', { id: meganCase });
    expect(detail.case.category).toBe('resolved');
    expect(detail.case.rating).toEqual({ score: 4, comment: 'Quick and friendly, thank you!', source: 'email', at: '2026-11-24T09:00:00.000Z' });
    expect(detail.entries.find((e) => e.kind === 'rating')).toMatchObject({ score: 4, body: 'Quick and friendly, thank you!' });
  });

  it('attaches the user\u2019s own filed message but never reopens the case with it', async () => {
    await t.call('cases.setStatus', { id: meganCase, statusId: await status('resolved') });
    t.clock.set('2026-11-24T09:00:00.000Z');
    const filed = await gmailAnswer((s) => s.replace('From: Megan One <xxx@gmail.com>\nTo: bob@example.com', 'From: Sam Trader <sam@trader.test>\nTo: Megan One <xxx@gmail.com>'));
    expect(filed.activity.direction).toBe('outbound');
    expect(filed.case).toMatchObject({ id: meganCase, how: 'attached' });
    expect((await t.call('cases.get', { id: meganCase })).case).toMatchObject({ category: 'resolved', reopenCount: 0 });
  });
});

describe('reading a rating email', () => {
  it('takes the score after any reply prefixes and the comment above the quoted text', () => {
    expect(ratingSubject(42, 5)).toBe('[C-0042] Rating 5');
    expect(parseRating('[C-0042] Rating 5', 'Comment: \n')).toEqual({ caseNumber: 42, score: 5, comment: null });
    expect(parseRating('AW: SV: [C-0042] rating: 2', 'Too slow.\n\nVon: Sam Trader\nGesendet: Montag')).toEqual({ caseNumber: 42, score: 2, comment: 'Too slow.' });
    expect(parseRating('Re: [C-0042] Rating 3', 'Comment: ok\n\nOn Mon, 23 Nov 2026, Sam wrote:\n> How did we do?')).toEqual({ caseNumber: 42, score: 3, comment: 'ok' });
    // Not ratings: no token, a score out of range, or words around it (a normal reply that mentions a rating).
    expect(parseRating('Rating 4', '')).toBeNull();
    expect(parseRating('[C-0042] Rating 6', '')).toBeNull();
    expect(parseRating('Re: [C-0042] Rating 4 was unfair', '')).toBeNull();
  });
});

