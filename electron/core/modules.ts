// How a feature plugs into the core: it gets the shared context and returns its channel handlers plus any
// background work (an outbox worker, a daily check). app.ts starts and stops that work with the reminders.
import type { Channel } from '../../shared/ipc/contract';
import type { DocumentsChannel } from '../../shared/ipc/documents.channels';
import type { EmailChannel } from '../../shared/ipc/email.channels';
import type { ReportsChannel } from '../../shared/ipc/reports.channels';
import type { TransferChannel } from '../../shared/ipc/transfer.channels';
import type { ServiceDeps } from './deps';
import type { Handlers } from './dispatcher';
import type { Logger } from './logger';
import type { Platform } from './platform';

/** Paths the user chose in a file dialog this session: only these may be attached to an email or imported. */
export interface PickedFiles {
  add(paths: readonly string[]): void;
  has(path: string): boolean;
}

export function pickedFiles(): PickedFiles {
  const paths = new Set<string>();
  return {
    add: (picked) => picked.forEach((p) => paths.add(p)),
    has: (path) => paths.has(path),
  };
}

/** Channels answered by app.ts and the feature modules rather than createHandlers. */
export type ModuleChannel = 'files.pick' | TransferChannel | EmailChannel | DocumentsChannel | ReportsChannel;

export interface FeatureContext {
  deps: ServiceDeps;
  /** Folder of rapport.sqlite; documents/, exports/ and backups/ live beside it. */
  dataDir: string;
  platform: Platform;
  picks: PickedFiles;
  logger: Logger;
}

export interface FeatureModule<C extends Channel> {
  handlers: Pick<Handlers, C>;
  /** Starts timers or workers (not called by tests that drive the work by hand). */
  start?(): void;
  stop?(): void;
}
