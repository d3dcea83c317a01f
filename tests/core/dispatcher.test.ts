// The dispatcher's promises: validation with field paths, typed errors, and nothing internal leaked.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/core/dispatcher';
import { memoryLogger } from '../../electron/core/logger';
import { AppError, STORAGE_TEXT } from '../../shared/ipc/errors';

function dispatcherWith(overrides: Partial<Handlers>) {
  const logger = memoryLogger();
  const notCalled = async () => {
    throw new Error('not part of this test');
  };
  const handlers = new Proxy(overrides, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? notCalled }) as Handlers;
  return { dispatch: createDispatcher(handlers, logger), logger };
}

describe('dispatcher', () => {
  it('answers NOT_FOUND for an unknown channel, including prototype names', async () => {
    const { dispatch } = dispatcherWith({});
    for (const channel of ['contacts.nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('never calls the handler with invalid input', async () => {
    let called = false;
    const { dispatch } = dispatcherWith({
      'tags.list': async () => {
        called = true;
        return { items: [] };
      },
    });
    expect(await dispatch('tags.list', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '(input)' }] } });
    expect(await dispatch('tags.list', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(called).toBe(false);
  });

  it('passes AppError codes through', async () => {
    const { dispatch } = dispatcherWith({
      'contacts.get': async () => {
        throw new AppError('CONFLICT', 'Changed elsewhere');
      },
    });
    expect(await dispatch('contacts.get', { id: '01930000-0000-7000-8000-000000000000' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Changed elsewhere' },
    });
  });

  it('logs an unexpected failure and sends only a generic INTERNAL error', async () => {
    const { dispatch, logger } = dispatcherWith({
      'tags.list': async () => {
        throw new Error('SQLITE_CORRUPT at /home/maya/secret/path');
      },
    });
    const result = await dispatch('tags.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logger.lines.some((l) => l.level === 'error' && String(l.details).includes('SQLITE_CORRUPT'))).toBe(true);
  });

  it('answers a storage failure with its reason, even wrapped by a service, and logs the driver error', async () => {
    const { dispatch, logger } = dispatcherWith({
      'tags.list': async () => {
        let driver: unknown;
        try {
          writeFileSync('/dev/full', 'x'); // a real ENOSPC
        } catch (error) {
          driver = error;
        }
        throw new Error('saving the tag failed', { cause: driver });
      },
    });
    expect(await dispatch('tags.list', {})).toEqual({ ok: false, error: { code: 'STORAGE', reason: 'diskFull', message: STORAGE_TEXT.diskFull.message } });
    expect(logger.lines[0]).toMatchObject({ level: 'error', message: 'tags.list failed (diskFull)', details: { cause: { code: 'ENOSPC' } } });
  });

  it('passes AppError.storage through with its reason', async () => {
    const { dispatch } = dispatcherWith({
      'tags.list': async () => {
        throw AppError.storage('locked');
      },
    });
    expect(await dispatch('tags.list', {})).toEqual({ ok: false, error: { code: 'STORAGE', reason: 'locked', message: STORAGE_TEXT.locked.message } });
  });

  it('refuses to send output that breaks the contract', async () => {
    const { dispatch, logger } = dispatcherWith({ 'tags.list': async () => ({ items: [{ tag: 1 }] }) as never });
    expect(await dispatch('tags.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logger.lines[0]?.message).toContain('output does not match');
  });
});
