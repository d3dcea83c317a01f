// Follow-ups <-> VTODOs for CalDAV sync (issue #24), on the real backend: open and completed follow-ups come back
// whole through apply on another device; a to-do written by another program keeps what Rapport does not map through
// apply, render and the engine's overlay; apply is idempotent, reopens and restores from Trash.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDeps } from '../../electron/core/deps';
import { todoFormat as f } from '../../electron/core/sync/ical-format';
import type { RecordMapper } from '../../electron/core/sync/mapping';
import { createTaskMapper } from '../../electron/core/sync/task-mapper';
import { openTestCore, type TestCore } from '../helpers/core';

const ZONE = 'Europe/London';
let here: TestCore;
let there: TestCore;
let mapper: RecordMapper;
let remote: RecordMapper;
const depsOf = (core: TestCore): ServiceDeps => ({ db: core.core.store.db, clock: core.clock, events: core.core.events, newId: uuidv7 });

beforeAll(async () => {
  [here, there] = await Promise.all([openTestCore(), openTestCore()]);
  mapper = createTaskMapper(depsOf(here), { userZone: ZONE });
  remote = createTaskMapper(depsOf(there), { userZone: ZONE });
});
afterAll(() => {
  here.destroy();
  there.destroy();
});

const renderOne = async (m: RecordMapper, id: string) => (await m.render([{ id, uid: id }], { version: '4.0' })).get(id)!;

async function roundTrip(id: string): Promise<string> {
  const text = await renderOne(mapper, id);
  const copy = await remote.apply(text, null);
  expect((await remote.render([{ id: copy, uid: id }], { version: '4.0' })).get(copy)).toBe(text);
  return text;
}

describe('render then apply on another device gives the same text', () => {
  it('an open follow-up with a due time, notes and high priority', async () => {
    const task = await here.call('tasks.create', { title: 'Send revised quote; kitchen', dueAt: '2027-03-05T16:00:00.000Z', notes: 'Include, the worktop', priority: 'high' });
    const text = await roundTrip(task.id);
    expect(text).toMatch(/^DUE:20270305T160000Z\r$/m);
    expect(text).toMatch(/^PRIORITY:1\r$/m);
    expect(text).toMatch(/^STATUS:NEEDS-ACTION\r$/m);
  });

  it('a completed follow-up due on a day, keeping when it was done', async () => {
    const task = await here.call('tasks.create', { title: 'Call back', dueAt: '2027-06-30T23:00:00.000Z', allDay: true, priority: 'low' });
    here.clock.set('2027-07-01T08:15:00.000Z');
    await here.call('tasks.complete', { id: task.id });
    const text = await roundTrip(task.id);
    expect(text).toMatch(/^DUE;VALUE=DATE:20270701\r$/m);
    expect(text).toMatch(/^COMPLETED:20270701T081500Z\r$/m);
    expect(text).toMatch(/^PRIORITY:9\r$/m);
  });
});

describe('apply', () => {
  const thunderbird = (status: string) => [
    'BEGIN:VCALENDAR', 'PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN', 'VERSION:2.0',
    'BEGIN:VTODO', 'CREATED:20270101T100000Z', 'LAST-MODIFIED:20270102T100000Z', 'DTSTAMP:20270102T100000Z', 'UID:tb-todo-1',
    'SUMMARY:Order tiles', 'PRIORITY:3', ...status.split('|'), 'X-MOZ-GENERATION:2', 'DTSTART;VALUE=DATE:20270310',
    'DUE;TZID=Europe/Berlin:20270312T170000', 'CATEGORIES:Supplies', 'CLASS:PRIVATE', 'DESCRIPTION:Grey\\, 30x60',
    'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER;VALUE=DURATION:-PT15M', 'DESCRIPTION:Default Mozilla Description', 'END:VALARM',
    'END:VTODO', 'END:VCALENDAR', '',
  ].join('\r\n');

  it('keeps what another program wrote and Rapport does not map, and reads the rest', async () => {
    const original = thunderbird('STATUS:IN-PROCESS|PERCENT-COMPLETE:40');
    const id = await mapper.apply(original, null);
    const task = await here.call('tasks.get', { id });
    expect(task).toMatchObject({ title: 'Order tiles', dueAt: '2027-03-12T16:00:00.000Z', allDay: false, priority: 'high', notes: 'Grey, 30x60', completedAt: null });
    const fields = f.split(await renderOne(mapper, id));
    for (const [key, lines] of f.split(original)) if (!f.owns(key) && !fields.has(key)) fields.set(key, lines);
    const sent = f.split(f.join(fields, original));
    for (const [key, lines] of f.split(original)) if (!f.owns(key)) expect(sent.get(key), key).toEqual(lines);
    expect(f.same(sent.get('DUE'), f.split(original).get('DUE'))).toBe(true);
    expect(f.join(fields, original)).toContain('UID:tb-todo-1');
  });

  it('is idempotent, completes and reopens as the server says, and restores from Trash', async () => {
    const id = await mapper.apply(thunderbird('STATUS:NEEDS-ACTION'), null);
    const count = here.events.length;
    expect(await mapper.apply(thunderbird('STATUS:NEEDS-ACTION'), id)).toBe(id);
    expect(here.events.length).toBe(count);
    await mapper.apply(thunderbird('STATUS:COMPLETED|COMPLETED:20270311T090000Z'), id);
    expect((await here.call('tasks.get', { id })).completedAt).toBe('2027-03-11T09:00:00.000Z');
    await mapper.trash(id);
    expect(await mapper.live([id])).toEqual(new Set());
    await mapper.apply(thunderbird('STATUS:NEEDS-ACTION'), id);
    expect(await here.call('tasks.get', { id })).toMatchObject({ completedAt: null, deletedAt: null });
  });

  it('refuses a due date it cannot read, naming DUE', async () => {
    const bad = thunderbird('STATUS:NEEDS-ACTION').replace('DUE;TZID=Europe/Berlin:20270312T170000', 'DUE:next week');
    await expect(mapper.apply(bad, null)).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'DUE' }] });
  });
});
