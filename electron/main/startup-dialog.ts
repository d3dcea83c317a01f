// The desktop app's start-up screen: when the data file cannot be used, a native dialog says what happened and
// offers the screen's actions (restore the last good backup, try again, show the folder, quit) until a core opens
// or the user quits. Takes its Electron pieces as parameters, so tests drive it on Node.
import type { MessageBoxOptions } from 'electron';
import type { Core } from '../core/app';
import type { Logger } from '../core/logger';
import { runStartupAction, startCore, type StartOptions, type StartupScreen } from '../core/startup';

export interface StartupDialogDeps {
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  showFolder(dataDir: string): void;
  logger: Logger;
}

/** The dialog for one screen: buttons in the screen's order, Escape means Quit. */
export function startupDialogOptions(screen: StartupScreen, note?: string): MessageBoxOptions {
  const quit = screen.actions.findIndex((a) => a.id === 'quit');
  return {
    type: screen.reason === 'damaged' ? 'error' : 'warning',
    title: 'Rapport',
    message: screen.title,
    detail: `${screen.message}${note ? `\n\n${note}` : ''}\n\nData folder: ${screen.dataDir}`,
    buttons: screen.actions.map((a) => a.label),
    defaultId: 0,
    cancelId: quit,
    noLink: true,
  };
}

/** Opens the core, showing the start-up screen as long as the data file cannot be used. Null: the user quit. */
export async function openCoreWithScreens(options: StartOptions, deps: StartupDialogDeps): Promise<Core | null> {
  let result = await startCore(options);
  let note: string | undefined;
  while (!result.ok) {
    const { screen } = result;
    const { response } = await deps.showMessageBox(startupDialogOptions(screen, note));
    const action = screen.actions[response]?.id ?? 'quit';
    note = undefined;
    if (action === 'quit') return null;
    if (action === 'showFolder') {
      deps.showFolder(screen.dataDir);
      continue;
    }
    try {
      result = (await runStartupAction(action, screen, options)) ?? result;
      if (!result.ok && result.screen.reason === screen.reason) note = 'It is still the case.';
    } catch (error) {
      deps.logger.error(`start-up action ${action} failed`, error);
      note = action === 'restoreBackup' ? 'The backup could not be restored; details are in the log.' : 'That did not work; details are in the log.';
    }
  }
  return result.core;
}
