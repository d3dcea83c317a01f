// Decides whether an IPC call comes from our own page: the main frame of our one window, showing app://rapport.
// A pure function over the few fields it reads, so tests check it without Electron. Imports nothing at run time.

/** The fields of Electron's WebFrameMain that the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly origin: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/** The fields of Electron's IpcMainInvokeEvent that the check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

/** Our window as the check sees it; null while there is no window (then nothing is trusted). */
export interface TrustedTarget {
  /** e.g. app://rapport: what Chromium reports as the frame's origin. */
  readonly origin: string;
  readonly webContentsId: number;
  readonly mainFrame: { readonly processId: number; readonly routingId: number };
}

/**
 * True only when the sending frame exists (Electron gives null for a frame that navigated or was destroyed),
 * belongs to our window's webContents, is that webContents' main frame (not an iframe), and is on our origin.
 */
export function isTrustedSender(event: InvokeEventLike, target: TrustedTarget | null): boolean {
  if (target === null) return false;
  let frame: FrameLike | null;
  try {
    frame = event.senderFrame;
  } catch {
    return false;
  }
  if (frame === null || frame === undefined) return false;
  if (event.sender.id !== target.webContentsId) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== target.mainFrame.processId || frame.routingId !== target.mainFrame.routingId) return false;
  return frame.origin === target.origin && urlOrigin(frame.url) === target.origin;
}

/**
 * scheme://host[:port] of a URL, or null. Node's URL reports "null" as the origin of non-special schemes such as
 * app:, so it is rebuilt from the parts; credentials make it null (no such URL is ours).
 */
export function urlOrigin(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}
