// Builds window.rapport ({ invoke, on }) over an ipcRenderer-like object, so the filtering rules are tested on
// plain Node. Runs in the sandboxed preload: imports shared/ipc only (type-only `electron`), never node:*, core or db.
import type { IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type RapportBridge } from '../../shared/ipc/bridge';
import { isChannel } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/errors';

/** The three ipcRenderer methods the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcRendererLike): RapportBridge {
  // One ipcRenderer listener for all subscriptions: no MaxListeners warnings, and the IpcRendererEvent
  // (which carries `sender`, an ipcRenderer handle) never leaves this closure.
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let attached = false;
  const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (typeof name !== 'string') return;
    const set = listeners.get(name);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing listener must not starve the others.
        console.error(`[rapport] listener for ${name} threw`, error);
      }
    }
  };

  const invoke = (channel: string, input: unknown): Promise<Result<unknown>> => {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel: ${String(channel)}` } });
    }
    return ipc.invoke(IPC_INVOKE, channel, input).then(
      (result) => result as Result<unknown>,
      // Rejections come from the transport itself (e.g. an input that cannot be cloned), not from a handler.
      (error: unknown) => ({ ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : 'IPC failed' } }),
    );
  };

  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (typeof event !== 'string') throw new TypeError('event must be a string');
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // Wrapped so each subscription is distinct even if the page passes the same function twice.
    const entry = (payload: unknown) => listener(payload);
    let set = listeners.get(event);
    if (set === undefined) listeners.set(event, (set = new Set()));
    set.add(entry);
    if (!attached) {
      ipc.on(IPC_EVENT, onEvent as (event: IpcRendererEvent, ...args: unknown[]) => void);
      attached = true;
    }
    return () => {
      const current = listeners.get(event);
      if (current === undefined || !current.delete(entry)) return;
      if (current.size === 0) listeners.delete(event);
      if (listeners.size === 0 && attached) {
        ipc.removeListener(IPC_EVENT, onEvent as (event: IpcRendererEvent, ...args: unknown[]) => void);
        attached = false;
      }
    };
  };

  return { invoke, on };
}
