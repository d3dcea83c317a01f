// Moving the data folder must not lose a change made while it copies: the hold stops new calls (they get a plain
// "wait" answer), waits for the calls already running, and after a move keeps every call out until the restart,
// so nothing is written to the old copy the app is about to leave. app.ts wraps the dispatcher with it.
import { AppError, type Result } from '../../../shared/ipc/errors';
import type { Dispatch } from '../dispatcher';

/** Channels that stay open while held: the page that shows the move, and nothing that writes. */
const ALWAYS_OPEN = new Set(['data.info']);
const WAIT_MS = 30_000;

export interface Hold {
  guard(dispatch: Dispatch): Dispatch;
  /**
   * Closes the door and waits for running calls (but the caller's own) to end; gives up with CONFLICT when they
   * take longer than `waitMs` (an import still running), and opens the door again.
   */
  close(message: string, waitMs?: number): Promise<void>;
  /** Keeps the door shut for good with this answer (the data moved: restart). */
  seal(message: string): void;
  open(): void;
  readonly closed: boolean;
  /** Called when the door closes and when it opens again (background work stops and starts with it). */
  onChange(listener: (closed: boolean) => void): void;
}

export function createHold(): Hold {
  let message: string | null = null;
  let running = 0;
  const listeners: ((closed: boolean) => void)[] = [];
  let drained: (() => void) | null = null;

  const refused = (text: string): Result<unknown> => ({ ok: false, error: new AppError('UNAVAILABLE', text).toEnvelope() });
  const notify = (closed: boolean) => listeners.forEach((l) => l(closed));

  return {
    guard(dispatch) {
      return async (channel, input) => {
        if (message !== null && !ALWAYS_OPEN.has(channel)) return refused(message);
        running++;
        try {
          return await dispatch(channel, input);
        } finally {
          running--;
          drained?.();
        }
      };
    },
    async close(text, waitMs = WAIT_MS) {
      message = text;
      notify(true);
      // The caller is itself a running call: done when it is the only one left.
      const idle = () => running <= 1;
      if (idle()) return;
      const ok = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), waitMs);
        drained = () => {
          if (!idle()) return;
          clearTimeout(timer);
          resolve(true);
        };
      });
      drained = null;
      if (!ok) {
        this.open();
        throw new AppError('CONFLICT', 'Rapport is still busy with an import, export or backup. Try again when it has finished.');
      }
    },
    seal(text) {
      message = text;
    },
    open() {
      if (message === null) return;
      message = null;
      notify(false);
    },
    get closed() {
      return message !== null;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
