// Control characters (C0 except tab, LF and CR, and DEL) are refused on every string input of every channel with
// the same per-field message: the walk below finds each plain string field, so one added later is held to it too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER_MESSAGE } from '../../shared/domain/fields';
import { contract, type Channel } from '../../shared/ipc/contract';
import { openTestCore, type TestCore } from '../helpers/core';
import { stringLeaves } from './string-leaves';

const REFUSED = [...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d), 0x7f].map((c) => String.fromCharCode(c));
const channels = Object.keys(contract) as Channel[];

describe('every string input of every channel', () => {
  const leaves = channels.flatMap((channel) => stringLeaves(contract[channel].input).map((leaf) => ({ channel, ...leaf })));

  it('finds the string fields (the walk itself works)', () => {
    expect(leaves.length).toBeGreaterThan(100);
    expect(leaves.map((l) => `${l.channel} ${l.path}`)).toEqual(expect.arrayContaining(['contacts.create firstName', 'contacts.create emails.*.value', 'emails.send subject', 'import.preview path']));
  });

  it('refuses each control character with the one message', () => {
    const wrong: string[] = [];
    for (const { channel, path, schema } of leaves) {
      for (const c of REFUSED) {
        const result = schema.safeParse(`Ab${c}cdefghij`);
        const messages = result.success ? [] : result.error.issues.map((i) => i.message);
        if (!messages.includes(CONTROL_CHARACTER_MESSAGE)) wrong.push(`${channel} ${path} U+${c.charCodeAt(0).toString(16).padStart(4, '0')}: ${result.success ? 'accepted' : messages.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets tab, line feed and carriage return through the control check', () => {
    const wrong: string[] = [];
    for (const { channel, path, schema } of leaves) {
      for (const c of ['\t', '\n', '\r']) {
        const result = schema.safeParse(`Ab${c}cdefghij`);
        if (!result.success && result.error.issues.some((i) => i.message === CONTROL_CHARACTER_MESSAGE)) wrong.push(`${channel} ${path}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('one call per domain names the field in its VALIDATION answer', () => {
  let t: TestCore;
  let contactId = '';
  beforeAll(async () => {
    t = await openTestCore();
    contactId = (await t.call('contacts.create', { firstName: 'Ann' })).id;
  });
  afterAll(() => t.destroy());

  const NUL = '\u0000';
  const calls: [channel: string, input: () => unknown, path: string][] = [
    ['contacts.create', () => ({ firstName: `Ann${NUL}` }), 'firstName'],
    ['contacts.update', () => ({ id: contactId, addresses: [{ city: `Le${NUL}eds` }] }), 'addresses.0.city'],
    ['companies.create', () => ({ name: `Acme\u0007` }), 'name'],
    ['activities.create', () => ({ contactId, type: 'note', notes: `a${NUL}b` }), 'notes'],
    ['tasks.create', () => ({ title: `Call\u001b[31m` }), 'title'],
    ['jobs.create', () => ({ title: 'Refit', notes: `x\u007f` }), 'notes'],
    ['appointments.create', () => ({ title: `Visit${NUL}`, startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T10:00:00Z' }), 'title'],
    ['search.global', () => ({ query: `ann${NUL}` }), 'query'],
    ['import.preview', () => ({ path: `/tmp/contacts${NUL}.csv` }), 'path'],
    ['schedule.importPreview', () => ({ path: `/tmp/cal${NUL}.ics` }), 'path'],
    ['templates.create', () => ({ name: 'Hello', subject: `Hi${NUL}`, body: 'x' }), 'subject'],
    ['documents.list', () => ({ query: `q${NUL}` }), 'query'],
    ['segments.create', () => ({ name: `Leeds${NUL}`, filter: {} }), 'name'],
  ];

  it.each(calls)('%s', async (channel, input, path) => {
    const error = await t.fail(channel, input());
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({ path, message: CONTROL_CHARACTER_MESSAGE });
    expect(error.message).toContain(`${path}: ${CONTROL_CHARACTER_MESSAGE}`);
  });
});
