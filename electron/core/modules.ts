// How a domain plugs into the core: it gets the shared context and returns its channel handlers plus any
// background work (reminders, an outbox worker, a daily check). app.ts lists the modules and starts that work.
import type { Channel } from '../../shared/ipc/contract';
import type { Store } from '../db/store';
import type { BackupsEngine } from './backups/engine';
import type { ServiceDeps } from './deps';
import type { Handlers } from './dispatcher';
import { checkPicked, type PickedFile, type ReadPurpose } from './files/picked';
import type { Logger } from './logger';
import type { Platform } from './platform';

/** Paths the user chose in a file dialog this session: only these may be read (imported, stored, attached, filed). */
export interface PickedFiles {
  add(paths: readonly string[]): void;
  has(path: string): boolean;
}

/** The memory plus the one reading rule (files/picked.ts): `check` throws a VALIDATION naming `field`, or describes the file. */
export interface PickedFilesRule extends PickedFiles {
  check(path: string, field: string, purpose: ReadPurpose, options?: { maxBytes?: number }): PickedFile;
}

export function pickedFiles(): PickedFilesRule {
  const paths = new Set<string>();
  const picks: PickedFilesRule = {
    add: (picked) => picked.forEach((p) => paths.add(p)),
    has: (path) => paths.has(path),
    check: (path, field, purpose, options) => checkPicked(picks, path, field, purpose, options),
  };
  return picks;
}

export interface FeatureContext {
  deps: ServiceDeps;
  /** The data file's connections: deps.db is store.db; bulk writes and long reads ask it for their own. */
  store: Store;
  /** Folder of rapport.sqlite; documents/, exports/ and backups/ live beside it. */
  dataDir: string;
  platform: Platform;
  picks: PickedFilesRule;
  logger: Logger;
  /** Versioned backups: `backups.before(reason)` before anything large or destructive (throws if none could be taken). */
  backups: BackupsEngine;
}

export interface FeatureModule<C extends Channel> {
  handlers: Pick<Handlers, C>;
  /** Starts timers or workers (not called by tests that drive the work by hand). */
  start?(): void;
  stop?(): void;
}
