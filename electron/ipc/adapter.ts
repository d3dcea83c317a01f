// The Electron transport for the core: one ipcMain.handle that checks the sender and hands the call to
// core.dispatch, and a forwarder that pushes every EventBus event to the window. Never throws across IPC
// (Electron would keep only the message). Type-only `electron` import: main.ts passes ipcMain in.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { IPC_DROPPED, IPC_EVENT, IPC_INVOKE } from '../../shared/ipc/bridge';
import type { Result } from '../../shared/ipc/errors';
import type { Core } from '../core/app';
import type { EventBus } from '../core/events';
import type { Logger } from '../core/logger';
import { isTrustedSender, type InvokeEventLike, type TrustedTarget } from './sender';

export interface InvokeDeps {
  dispatch: Core['dispatch'];
  trustedTarget: () => TrustedTarget | null;
  logger: Logger;
}

const refused: Result<never> = { ok: false, error: { code: 'INTERNAL', message: 'Request refused' } };
const failed: Result<never> = { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } };

export function createInvokeHandler(deps: InvokeDeps): (event: InvokeEventLike, channel: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (event, channel, input) => {
    if (!isTrustedSender(event, deps.trustedTarget())) {
      // Details stay in main: an untrusted frame learns nothing about why.
      deps.logger.warn('IPC call refused: untrusted sender', { channel: String(channel), url: safeUrl(event) });
      return refused;
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel' } };
    }
    try {
      return await deps.dispatch(channel, input);
    } catch (error) {
      // dispatch promises never to throw; if it does anyway, the renderer still gets an envelope.
      deps.logger.error(`dispatch threw on ${channel}`, error);
      return failed;
    }
  };
}

function safeUrl(event: InvokeEventLike): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

/** Registers the one invoke channel; returns the function that removes it. */
export function registerInvokeHandler(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: InvokeDeps): () => void {
  const handler = createInvokeHandler(deps);
  ipcMain.handle(IPC_INVOKE, (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => handler(event, channel, input));
  return () => ipcMain.removeHandler(IPC_INVOKE);
}

/**
 * Files dropped on our window count as picked (see IPC_DROPPED): from our own frame only, one absolute-looking
 * path of sane length per message. Every read still goes through the picked-file rule (core/files/picked.ts).
 */
export function registerDropHandler(
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>,
  deps: { trustedTarget: () => TrustedTarget | null; addPicked: (paths: string[]) => void; logger: Logger },
): () => void {
  const listener = (event: IpcMainEvent, path: unknown) => {
    if (!isTrustedSender(event, deps.trustedTarget())) {
      deps.logger.warn('dropped-file message refused: untrusted sender', { url: safeUrl(event) });
      return;
    }
    if (typeof path === 'string' && path.length > 0 && path.length < 4096) deps.addPicked([path]);
  };
  ipcMain.on(IPC_DROPPED, listener);
  return () => ipcMain.removeListener(IPC_DROPPED, listener);
}

/** The fields of Electron's WebContents the forwarder uses. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Pushes every event to the current window as (IPC_EVENT, name, payload); returns the unsubscribe function. */
export function forwardEvents(bus: EventBus, target: () => EventSink | null, logger: Logger): () => void {
  return bus.subscribe((name, payload) => {
    const contents = target();
    if (contents === null || contents.isDestroyed()) return;
    try {
      contents.send(IPC_EVENT, name, payload);
    } catch (error) {
      logger.error(`could not send event ${name}`, error);
    }
  });
}
