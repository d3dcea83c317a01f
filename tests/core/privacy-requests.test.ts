// The privacy request log (issue #21) through the real dispatcher on a real SQLite file: the one-month due date
// (31 January → 28 February, or 29 in a leap year), extensions of at most two further months with a reason,
// closing a request, and a privacy log that says what was done without naming anyone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain/contact';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let ann: Contact;

beforeEach(async () => {
  t = await openTestCore({ start: '2027-03-15T10:00:00.000Z' });
  ann = await t.call('contacts.create', { firstName: 'Annabel', lastName: 'Quixley', emails: [{ value: 'annabel.quixley@example.org' }], phones: [{ value: '+44 7700 900111' }] });
});
afterEach(() => t.destroy());

const create = (receivedOn: string, extra: Record<string, unknown> = {}) => t.call('privacy.requests.create', { contactId: ann.id, kind: 'access', receivedOn, ...extra });

describe('privacy.requests.create', () => {
  it.each([
    ['2027-01-31', '2027-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2027-01-15', '2027-02-15'],
    ['2027-03-31', '2027-04-30'],
    ['2027-12-31', '2028-01-31'],
    ['2028-02-29', '2028-03-29'],
  ])('a request received on %s is due on %s', async (receivedOn, dueOn) => {
    const request = await create(receivedOn);
    expect(request).toMatchObject({ receivedOn, dueOn, status: 'open', extendedTo: null, answeredOn: null, contactId: ann.id });
    expect((await t.call('privacy.requests.list', {})).items.map((r) => r.dueOn)).toEqual([dueOn]);
  });

  it('takes a request from someone who is not a contact when it says who asked, and refuses an unknown contact', async () => {
    const stranger = await t.call('privacy.requests.create', { requester: 'Letter from a Mr P. Nobody', kind: 'erasure', receivedOn: '2027-03-01' });
    expect(stranger).toMatchObject({ contactId: null, requester: 'Letter from a Mr P. Nobody', dueOn: '2027-04-01' });
    const missing = await t.fail('privacy.requests.create', { kind: 'access', receivedOn: '2027-03-01' });
    expect(missing.issues?.[0]?.path).toBe('requester');
    const unknown = await t.fail('privacy.requests.create', { contactId: '0b5c7e2a-6f0d-4c1e-9a3b-2d1f0000ffff', kind: 'access', receivedOn: '2027-03-01' });
    expect(unknown.code).toBe('NOT_FOUND');
    // The list names each person in the same answer (the window shows it without a lookup per row).
    await create('2027-03-02');
    const listed = (await t.call('privacy.requests.list', {})).items.map((r) => [r.contactName, r.requester]);
    expect(listed).toEqual([
      ['Annabel Quixley', null],
      [null, 'Letter from a Mr P. Nobody'],
    ]);
    expect(t.events.some((e) => e.name === 'data.changed' && (e.payload as { entity: string }).entity === 'privacyRequest')).toBe(true);
  });
});

describe('privacy.requests.update', () => {
  it('extends by up to two further months with a reason, and no further', async () => {
    const request = await create('2027-01-31');
    // Three months after 31 January is 30 April (the month's end).
    const tooLate = await t.fail('privacy.requests.update', { id: request.id, extendedTo: '2027-05-01', extensionReason: 'Many records' });
    expect(tooLate).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'extendedTo' }] });
    expect(tooLate.issues?.[0]?.message).toContain('2027-04-30');
    const tooEarly = await t.fail('privacy.requests.update', { id: request.id, extendedTo: '2027-02-20', extensionReason: 'Many records' });
    expect(tooEarly.issues?.[0]?.path).toBe('extendedTo');
    const noReason = await t.fail('privacy.requests.update', { id: request.id, extendedTo: '2027-04-30' });
    expect(noReason.issues?.[0]?.path).toBe('extensionReason');

    const extended = await t.call('privacy.requests.update', { id: request.id, extendedTo: '2027-04-30', extensionReason: 'Many records across two offices' });
    expect(extended).toMatchObject({ extendedTo: '2027-04-30', dueOn: '2027-04-30', extensionReason: 'Many records across two offices' });
    // Removing the extension puts the first due date back.
    expect(await t.call('privacy.requests.update', { id: request.id, extendedTo: null })).toMatchObject({ extendedTo: null, dueOn: '2027-02-28' });
  });

  it('closes a request as answered today unless a day is given, and reopens it', async () => {
    const request = await create('2027-03-01');
    expect(await t.call('privacy.requests.update', { id: request.id, status: 'answered' })).toMatchObject({ status: 'answered', answeredOn: '2027-03-15' });
    expect(await t.call('privacy.requests.update', { id: request.id, status: 'open' })).toMatchObject({ status: 'open', answeredOn: null });
    expect(await t.call('privacy.requests.update', { id: request.id, status: 'refused', answeredOn: '2027-03-10' })).toMatchObject({ status: 'refused', answeredOn: '2027-03-10' });
    const before = await t.fail('privacy.requests.update', { id: request.id, answeredOn: '2027-02-01' });
    expect(before.issues?.[0]?.path).toBe('answeredOn');
    expect((await t.call('privacy.requests.list', { status: 'refused' })).items.map((r) => r.id)).toEqual([request.id]);
    expect((await t.call('privacy.requests.list', { status: 'open' })).items).toEqual([]);
    expect((await t.fail('privacy.requests.update', { id: '0b5c7e2a-6f0d-4c1e-9a3b-2d1f0000ffff', status: 'answered' })).code).toBe('NOT_FOUND');
  });
});

describe('privacy.log', () => {
  it('records each request change with its time and kind, naming no one', async () => {
    const request = await create('2027-01-31', { notes: 'Annabel Quixley phoned from +44 7700 900111' });
    t.clock.advance(60_000);
    await t.call('privacy.requests.update', { id: request.id, extendedTo: '2027-04-30', extensionReason: 'Annabel Quixley has records in two offices' });
    await t.call('privacy.requests.update', { id: request.id, status: 'answered' });
    const log = await t.call('privacy.log', { limit: 10 });
    expect(log.items.map((e) => [e.kind, e.summary])).toEqual([
      ['request', 'Access request answered on 2027-03-15'],
      ['request', 'Access request extended to 2027-04-30'],
      ['request', 'Access request received on 2027-01-31, due 2027-02-28'],
    ]);
    expect(log.items[2]!.at).toBe('2027-03-15T10:00:00.000Z');
    // One person's entries share a subject hash, which is neither their id nor anything they gave.
    expect(new Set(log.items.map((e) => e.subject)).size).toBe(1);
    const text = JSON.stringify(log);
    for (const personal of ['Annabel', 'Quixley', 'annabel.quixley', '7700', ann.id]) expect(text).not.toContain(personal);
    // Paging: one at a time, newest first, then the rest.
    const first = await t.call('privacy.log', { limit: 1 });
    const rest = await t.call('privacy.log', { limit: 10, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((e) => e.id)).toEqual(log.items.map((e) => e.id));
  });
});
