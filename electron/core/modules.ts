// How a domain plugs into the core: it gets the shared context and returns its channel handlers plus any
// background work (reminders, an outbox worker, a daily check). app.ts lists the modules and starts that work.
import type { Channel } from '../../shared/ipc/contract';
import type { Store } from '../db/store';
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

export interface FeatureContext {
  deps: ServiceDeps;
  /** The data file's connections: deps.db is store.db; bulk writes and long reads ask it for their own. */
  store: Store;
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
