// The shape of `window.rapport`, the only thing the preload (or the web harness) exposes.
// Untyped on the wire; renderer/src/api wraps it with the contract's types.
import type { Result } from './errors';

export interface RapportBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to one event; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Desktop only: the path of a File dropped on the page (Electron's webUtils.getPathForFile); '' when it has none. */
  pathForFile?(file: unknown): string;
}

/** IPC channel names used by the Electron adapter and the preload. */
export const IPC_INVOKE = 'rapport:invoke';
export const IPC_EVENT = 'rapport:event';
/**
 * Sent by the preload with the path of a file the user dropped on the page (webUtils.getPathForFile answers only
 * for a real dropped or chosen File, never for one the page made up), so main counts it as picked: a drop is a choice.
 */
export const IPC_DROPPED = 'rapport:dropped';

/** The meta tag in which the host (app:// protocol or harness) hands the page this load's CSP style nonce. */
export const STYLE_NONCE_META = 'rapport-style-nonce';
