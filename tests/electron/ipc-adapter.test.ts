// The Electron IPC adapter: only our window's main frame on app://rapport may call the core; replies are always
// Result envelopes; every core event reaches the window.
import { describe, expect, it } from 'vitest';
import { IPC_DROPPED, IPC_EVENT, IPC_INVOKE } from '../../shared/ipc/bridge';
import type { Result } from '../../shared/ipc/errors';
import { EventBus } from '../../electron/core/events';
import { memoryLogger } from '../../electron/core/logger';
import { createInvokeHandler, forwardEvents, registerDropHandler, registerInvokeHandler } from '../../electron/ipc/adapter';
import { isTrustedSender, urlOrigin, type FrameLike, type InvokeEventLike, type TrustedTarget } from '../../electron/ipc/sender';

const target: TrustedTarget = { origin: 'app://rapport', webContentsId: 7, mainFrame: { processId: 3, routingId: 1 } };
const mainFrame: FrameLike = { url: 'app://rapport/contacts', origin: 'app://rapport', parent: null, processId: 3, routingId: 1 };
const event = (frame: Partial<FrameLike> | null = {}, senderId = 7): InvokeEventLike => ({
  sender: { id: senderId },
  senderFrame: frame === null ? null : { ...mainFrame, ...frame },
});

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on our origin', () => {
    expect(isTrustedSender(event(), target)).toBe(true);
  });

  it.each<[string, InvokeEventLike, TrustedTarget | null]>([
    ['no window', event(), null],
    ['no sender frame (navigated or destroyed)', event(null), target],
    ['another webContents', event({}, 8), target],
    ['a subframe', event({ parent: { url: 'app://rapport/' }, routingId: 2 }), target],
    ['any frame that has a parent, whatever its ids', event({ parent: { url: 'app://rapport/' } }), target],
    ['a different frame of the same process', event({ routingId: 5 }), target],
    ['a different renderer process', event({ processId: 4 }), target],
    ['a foreign origin', event({ url: 'https://evil.example/', origin: 'https://evil.example' }), target],
    ['an origin that claims ours but a foreign URL', event({ url: 'https://evil.example/' }), target],
    ['a look-alike host', event({ url: 'app://rapport.evil/', origin: 'app://rapport.evil' }), target],
    ['an opaque origin', event({ url: 'data:text/html,x', origin: 'null' }), target],
    ['a file URL', event({ url: 'file:///tmp/x.html', origin: 'file://' }), target],
  ])('refuses %s', (_name, e, t) => {
    expect(isTrustedSender(e, t)).toBe(false);
  });

  it('refuses when reading senderFrame throws', () => {
    const throwing = {
      sender: { id: 7 },
      get senderFrame(): FrameLike {
        throw new Error('frame disposed');
      },
    };
    expect(isTrustedSender(throwing, target)).toBe(false);
  });

  it('rebuilds origins for non-special schemes', () => {
    expect(urlOrigin('app://rapport/x?y#z')).toBe('app://rapport');
    expect(urlOrigin('app://u:p@rapport/')).toBeNull();
    expect(urlOrigin('about:blank')).toBeNull();
    expect(urlOrigin('nonsense')).toBeNull();
  });
});

describe('createInvokeHandler', () => {
  const setup = (dispatch: (channel: string, input: unknown) => Promise<Result<unknown>>) => {
    const calls: [string, unknown][] = [];
    const logger = memoryLogger();
    const handler = createInvokeHandler({
      dispatch: (channel, input) => {
        calls.push([channel, input]);
        return dispatch(channel, input);
      },
      trustedTarget: () => target,
      logger,
    });
    return { handler, calls, logger };
  };

  it('passes trusted calls to dispatch and returns its Result unchanged', async () => {
    const { handler, calls } = setup(async (channel) => ({ ok: true, value: { echoed: channel } }));
    expect(await handler(event(), 'contacts.get', { id: 'x' })).toEqual({ ok: true, value: { echoed: 'contacts.get' } });
    expect(calls).toEqual([['contacts.get', { id: 'x' }]]);
  });

  it('refuses untrusted senders without dispatching and logs why in main only', async () => {
    const { handler, calls, logger } = setup(async () => ({ ok: true, value: 1 }));
    const result = await handler(event({ url: 'https://evil.example/', origin: 'https://evil.example' }), 'contacts.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Request refused' } });
    expect(calls).toEqual([]);
    expect(logger.lines.some((l) => l.level === 'warn' && JSON.stringify(l.details).includes('evil.example'))).toBe(true);
  });

  it('answers NOT_FOUND for a non-string channel', async () => {
    const { handler, calls } = setup(async () => ({ ok: true, value: 1 }));
    expect(await handler(event(), 42, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(calls).toEqual([]);
  });

  it('turns a throwing dispatch into an INTERNAL envelope that hides the details', async () => {
    const { handler, logger } = setup(async () => {
      throw new Error('SQLITE_CORRUPT at /home/ann/secret/path');
    });
    const result = await handler(event(), 'contacts.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('registers on IPC_INVOKE and unregisters', async () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const fakeIpcMain = {
      handle: (channel: string, listener: (...args: never[]) => unknown) => void handlers.set(channel, listener as (...args: unknown[]) => unknown),
      removeHandler: (channel: string) => void handlers.delete(channel),
    };
    const remove = registerInvokeHandler(fakeIpcMain, { dispatch: async () => ({ ok: true, value: 'hi' }), trustedTarget: () => target, logger: memoryLogger() });
    expect([...handlers.keys()]).toEqual([IPC_INVOKE]);
    expect(await handlers.get(IPC_INVOKE)?.(event(), 'tags.list', {})).toEqual({ ok: true, value: 'hi' });
    remove();
    expect(handlers.size).toBe(0);
  });
});

describe('registerDropHandler', () => {
  it('counts a file dropped on our window as picked, and nothing from another frame or of the wrong shape', () => {
    const listeners = new Map<string, (...args: never[]) => unknown>();
    const fakeIpcMain = {
      on: (channel: string, listener: (...args: never[]) => unknown) => void listeners.set(channel, listener),
      removeListener: (channel: string) => void listeners.delete(channel),
    };
    const picked: string[] = [];
    const remove = registerDropHandler(fakeIpcMain as never, { trustedTarget: () => target, addPicked: (paths) => picked.push(...paths), logger: memoryLogger() });
    const send = listeners.get(IPC_DROPPED) as unknown as (event: InvokeEventLike, path: unknown) => void;
    send(event(), '/home/ann/Quotes/kitchen.pdf');
    send(event({}, 8), '/etc/shadow');
    send(event({ origin: 'https://evil.example' }), '/etc/passwd');
    send(event(), 42);
    send(event(), '');
    expect(picked).toEqual(['/home/ann/Quotes/kitchen.pdf']);
    remove();
    expect(listeners.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  const sink = () => {
    const sent: unknown[][] = [];
    let destroyed = false;
    return { sent, destroy: () => (destroyed = true), contents: { isDestroyed: () => destroyed, send: (channel: string, ...args: unknown[]) => void sent.push([channel, ...args]) } };
  };

  it('sends every bus event to the window as (IPC_EVENT, name, payload)', () => {
    const bus = new EventBus();
    const s = sink();
    forwardEvents(bus, () => s.contents, memoryLogger());
    bus.emit('data.changed', { entity: 'contact', action: 'created', ids: ['a'] });
    bus.emit('app.command', { command: 'quickSearch' });
    expect(s.sent).toEqual([
      [IPC_EVENT, 'data.changed', { entity: 'contact', action: 'created', ids: ['a'] }],
      [IPC_EVENT, 'app.command', { command: 'quickSearch' }],
    ]);
  });

  it('skips a missing or destroyed window, survives a failing send, and unsubscribes', () => {
    const bus = new EventBus();
    const s = sink();
    let current: typeof s.contents | null = null;
    const logger = memoryLogger();
    const unsubscribe = forwardEvents(bus, () => current, logger);
    bus.emit('app.command', { command: 'goTrash' });
    current = s.contents;
    s.destroy();
    bus.emit('app.command', { command: 'goTrash' });
    expect(s.sent).toEqual([]);

    current = { isDestroyed: () => false, send: () => { throw new Error('could not clone'); } };
    expect(() => bus.emit('app.command', { command: 'goTrash' })).not.toThrow();
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);

    const fresh = sink();
    current = fresh.contents;
    unsubscribe();
    bus.emit('app.command', { command: 'goTrash' });
    expect(fresh.sent).toEqual([]);
  });
});
