// Starting Rapport when the data file may not be usable: either a core, or a start-up screen (what happened, what
// to do, and buttons) that Electron main shows as a dialog and the web harness as a page. Both call runStartupAction;
// for a damaged file the screen offers "Restore the last good backup (time)" through an injected StartupRecovery.
import { STORAGE_TEXT, type StorageReason } from '../../shared/ipc/errors';
import { openCore, type Core, type CoreOptions } from './app';
import { StartupProblem, startupProblemOf } from './startup-checks';
import { backupFolderRecovery } from './startup-recovery';

export { StartupProblem } from './startup-checks';

/** A backup that passed its check: what the restore button names and restores. */
export interface GoodBackup {
  id: string;
  /** ISO-8601 UTC. */
  takenAt: string;
}

/** How the damaged-store screen brings back a backup; the backups feature provides it (default: startup-recovery.ts). */
export interface StartupRecovery {
  lastGoodBackup(): Promise<GoodBackup | null>;
  /** Keeps the damaged file aside and puts the backup in its place; the store is closed while it runs. */
  restore(id: string): Promise<void>;
}

export type StartupActionId = 'retry' | 'restoreBackup' | 'showFolder' | 'quit';

export interface StartupScreen {
  reason: StorageReason;
  title: string;
  message: string;
  dataDir: string;
  /** In the order shown; the first is the default button. */
  actions: { id: StartupActionId; label: string }[];
  backup: GoodBackup | null;
}

export type StartResult = { ok: true; core: Core } | { ok: false; problem: StartupProblem; screen: StartupScreen };

export interface StartOptions extends CoreOptions {
  /** Defaults to the plain backup files in `<dataDir>/backups`. */
  recovery?: StartupRecovery;
  /** Formats the backup's time on the restore button (default: the machine's local date and time). */
  formatTime?: (iso: string) => string;
}

/** Where a backup could help: the file is damaged, or not one Rapport can read. */
const RESTORABLE: ReadonlySet<StorageReason> = new Set<StorageReason>(['damaged', 'unknownShape']);
/** Where waiting or fixing something outside Rapport can help. */
const RETRYABLE: ReadonlySet<StorageReason> = new Set<StorageReason>(['readOnly', 'diskFull', 'locked', 'unreachable', 'inUse', 'noAccess']);

export function defaultTimeFormat(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The screen for a problem, as plain data: the dialog and the page render exactly this. */
export function startupScreen(problem: StartupProblem, backup: GoodBackup | null, formatTime: (iso: string) => string = defaultTimeFormat): StartupScreen {
  const actions: StartupScreen['actions'] = [];
  const canRestore = RESTORABLE.has(problem.reason) && backup !== null;
  if (canRestore) actions.push({ id: 'restoreBackup', label: `Restore the last good backup (${formatTime(backup.takenAt)})` });
  if (RETRYABLE.has(problem.reason)) actions.push({ id: 'retry', label: 'Try again' });
  actions.push({ id: 'showFolder', label: 'Show the data folder' }, { id: 'quit', label: 'Quit' });
  const text = STORAGE_TEXT[problem.reason];
  const message = problem.reason === 'damaged' && !canRestore ? `${text.message} No good backup was found in the data folder.` : text.message;
  return { reason: problem.reason, title: text.title, message, dataDir: problem.dataDir, actions, backup: canRestore ? backup : null };
}

function recoveryFor(options: StartOptions): StartupRecovery {
  return options.recovery ?? backupFolderRecovery(options.dataDir);
}

/**
 * Opens the core, or answers with the screen to show. Errors that are not about the data file (a bug) are thrown.
 * The cause of a problem goes to the log; the screen only says what the user can do.
 */
export async function startCore(options: StartOptions): Promise<StartResult> {
  try {
    return { ok: true, core: await openCore(options) };
  } catch (error) {
    const problem = startupProblemOf(error, options.dataDir);
    if (problem === null) throw error;
    options.logger?.error(`start-up problem: ${problem.reason}`, problem.cause ?? problem);
    let backup: GoodBackup | null = null;
    if (RESTORABLE.has(problem.reason)) {
      try {
        backup = await recoveryFor(options).lastGoodBackup();
      } catch (lookup) {
        options.logger?.warn('could not look for a backup', lookup);
      }
    }
    return { ok: false, problem, screen: startupScreen(problem, backup, options.formatTime) };
  }
}

/**
 * Does what a screen's button says and tries again; 'showFolder' and 'quit' are the shell's own business (it gets
 * null back). A restore that fails throws, and the shell shows the same screen again.
 */
export async function runStartupAction(action: StartupActionId, screen: StartupScreen, options: StartOptions): Promise<StartResult | null> {
  if (action === 'restoreBackup') {
    if (screen.backup === null) return startCore(options);
    await recoveryFor(options).restore(screen.backup.id);
    options.logger?.info(`restored backup ${screen.backup.id} at start-up`);
    return startCore(options);
  }
  if (action === 'retry') return startCore(options);
  return null;
}
