// window.rapport as the preload builds it: only contract channels reach ipcRenderer, events are filtered by name,
// and the page never sees the IpcRendererEvent.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc/bridge';
import { createBridge, type IpcRendererLike } from '../../electron/preload/bridge';

function fakeIpcRenderer(reply: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: null })) {
  const emitter = new EventEmitter();
  const invoked: unknown[][] = [];
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push([channel, ...args]);
      return reply(channel, ...args);
    },
    on: (channel, listener) => emitter.on(channel, listener as (...args: unknown[]) => void),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener as (...args: unknown[]) => void),
  };
  // What main's webContents.send looks like from the preload: an event object first, then the arguments.
  const push = (name: unknown, payload: unknown) => emitter.emit(IPC_EVENT, { sender: 'ipcRenderer-handle', senderId: 0 }, name, payload);
  return { ipc, invoked, push, listenerCount: () => emitter.listenerCount(IPC_EVENT) };
}

describe('createBridge', () => {
  it('exposes invoke and on, nothing else', () => {
    expect(Object.keys(createBridge(fakeIpcRenderer().ipc)).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards contract channels on IPC_INVOKE and returns main’s Result', async () => {
    const fake = fakeIpcRenderer(async () => ({ ok: true, value: { id: '1' } }));
    const bridge = createBridge(fake.ipc);
    expect(await bridge.invoke('contacts.get', { id: '1' })).toEqual({ ok: true, value: { id: '1' } });
    expect(fake.invoked).toEqual([[IPC_INVOKE, 'contacts.get', { id: '1' }]]);
  });

  it.each(['contacts.drop', 'toString', '__proto__', 'constructor', '', 'CONTACTS.GET'])('refuses the unknown channel %j without calling main', async (channel) => {
    const fake = fakeIpcRenderer();
    const result = await createBridge(fake.ipc).invoke(channel, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fake.invoked).toEqual([]);
  });

  it('refuses non-string channels', async () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc);
    expect(await bridge.invoke(42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fake.invoked).toEqual([]);
  });

  it('turns a transport failure into an error Result instead of a rejection', async () => {
    const fake = fakeIpcRenderer(async () => {
      throw new Error('An object could not be cloned.');
    });
    expect(await createBridge(fake.ipc).invoke('tags.list', { f: () => 1 })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'An object could not be cloned.' },
    });
  });

  it('delivers only the named event, payload only', () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc);
    const got: unknown[][] = [];
    bridge.on('data.changed', (...args: unknown[]) => got.push(args));
    fake.push('app.command', { command: 'goTrash' });
    fake.push('data.changed', { entity: 'contact', action: 'updated', ids: ['1'] });
    fake.push(undefined, { x: 1 });
    expect(got).toEqual([[{ entity: 'contact', action: 'updated', ids: ['1'] }]]);
  });

  it('unsubscribes, idempotently, and detaches from ipcRenderer when nobody listens', () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc);
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.on('app.command', (p) => a.push(p));
    const offB = bridge.on('app.command', (p) => b.push(p));
    expect(fake.listenerCount()).toBe(1);
    fake.push('app.command', 1);
    offA();
    offA();
    fake.push('app.command', 2);
    expect([a, b]).toEqual([[1], [1, 2]]);
    offB();
    expect(fake.listenerCount()).toBe(0);
    fake.push('app.command', 3);
    expect(b).toEqual([1, 2]);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc);
    const got: unknown[] = [];
    const listener = (p: unknown) => got.push(p);
    const off1 = bridge.on('app.command', listener);
    bridge.on('app.command', listener);
    off1();
    fake.push('app.command', 'x');
    expect(got).toEqual(['x']);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc);
    const got: unknown[] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      bridge.on('app.command', () => {
        throw new Error('boom');
      });
      bridge.on('app.command', (p) => got.push(p));
      fake.push('app.command', 'y');
    } finally {
      console.error = original;
    }
    expect(got).toEqual(['y']);
  });

  it('rejects a listener that is not a function', () => {
    expect(() => createBridge(fakeIpcRenderer().ipc).on('app.command', 'nope' as unknown as () => void)).toThrow(TypeError);
  });
});
