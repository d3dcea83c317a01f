// Electron entry (bundled to dist/electron/main.cjs): app lifecycle only. It wires the tested decisions in policy,
// paths, window-state, protocol, menu and electron/ipc to Electron objects and decides nothing itself.
// Imports electron, electron/core, electron/ipc and shared; never the renderer.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, protocol, screen, session, shell, type Session, type WebContents } from 'electron';
import type { Core } from '../core/app';
import { consoleLogger, fileLogger } from '../core/logger';
import { forwardEvents, registerDropHandler, registerInvokeHandler } from '../ipc/adapter';
import type { TrustedTarget } from '../ipc/sender';
import type { EventPayload } from '../../shared/ipc/events';
import { menuTemplate } from './menu';
import { electronPlatform } from './platform';
import { appointmentNotification, caseDueNotification, reminderNotification } from './notifications';
import { followMovedFolder } from '../core/data/location';
import { bundlePaths, chromiumProfileDir, resolveDataDir, WINDOW_STATE_FILE } from './paths';
import { APP_ENTRY_URL, APP_ORIGIN, isAllowedExternalUrl, isAllowedNavigation, isPermissionGranted, windowOptions } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { openCoreWithScreens } from './startup-dialog';
import { captureWindowState, loadWindowState, restoreWindowState, saveWindowState } from './window-state';

const bundle = bundlePaths(__dirname);
const resolved = resolveDataDir(process.argv, process.env, app.getPath('userData'));
// "Move data folder" leaves a note in the old folder: follow it (the Chromium profile stays where it was resolved).
const moved = followMovedFolder(resolved.dataDir);
const data = { ...resolved, dataDir: moved.dataDir };
// "Details are in the log": <data folder>/logs/rapport.log, next to what the menu's "Show data folder" opens.
const logger = fileLogger(join(data.dataDir, 'logs'), { also: consoleLogger });
const windowStateFile = join(data.dataDir, WINDOW_STATE_FILE);

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) shell.openExternal(url).catch((error: unknown) => logger.warn('openExternal failed', error));
}

/** Applied to every webContents the app ever creates, ours included: no popups, no navigation away, no webviews. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    // A plain link to a contact's website or mailto: goes to the system, as the user meant.
    openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionGranted(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  // Exports are written by main through a save dialog; the page never downloads files itself.
  ses.on('will-download', (event) => event.preventDefault());
}

function trustedTarget(): TrustedTarget | null {
  if (mainWindow === null || mainWindow.isDestroyed()) return null;
  const contents = mainWindow.webContents;
  return { origin: APP_ORIGIN, webContentsId: contents.id, mainFrame: contents.mainFrame };
}

function focusWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): void {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = restoreWindowState(loadWindowState(windowStateFile), workAreas, screen.getPrimaryDisplay().workArea);
  const { x, y, width, height } = state;
  const win = new BrowserWindow(windowOptions({ bounds: { x, y, width, height }, preload: bundle.preload, isPackaged: app.isPackaged }));
  mainWindow = win;

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      saveWindowState(windowStateFile, captureWindowState(win.getNormalBounds(), win.isMaximized()));
    } catch (error) {
      logger.warn('could not save the window state', error);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  // A form has unsaved changes (the window's beforeunload said so, ui/unsaved-changes.ts): Electron shows no
  // prompt of its own, so ask here. Preventing the event lets the window close.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Keep editing', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some changes are not saved.',
      detail: 'Drafts of contacts and jobs are kept for next time; other changes will be lost.',
    });
    if (choice === 1) event.preventDefault();
  });
  win.webContents.on('render-process-gone', (_event, details) => logger.error('renderer process gone', details));
  // The window's handled failures (notify.ts logDetail, ErrorBoundary) warn in its console: their detail belongs in the log.
  win.webContents.on('console-message', (event) => {
    if (event.level === 'error' || event.level === 'warning') logger.warn(`window: ${event.message}`, { source: event.sourceId, line: event.lineNumber });
  });
  win.webContents.on('did-fail-load', (_event, code, description, url) => logger.error('page failed to load', { code, description, url }));

  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => logger.error('could not load the UI', error));
}

function closeCore(): void {
  if (core === null) return;
  try {
    core.close();
  } catch (error) {
    logger.error('closing the core failed', error);
  }
  core = null;
}

async function onReady(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(protocol, bundle.rendererRoot);

  if (moved.missing !== null) {
    // The data was moved to a folder that is not there now (a drive not plugged in): never start afresh here.
    await dialog.showMessageBox({
      type: 'error',
      title: 'Rapport',
      message: 'Your data folder cannot be found',
      detail: `Your data was moved to ${moved.missing}, which cannot be found now. Connect the drive it is on (or make the folder available) and start Rapport again.`,
      buttons: ['Quit'],
    });
    app.quit();
    return;
  }
  const platform = electronPlatform(data.dataDir, () => (mainWindow === null || mainWindow.isDestroyed() ? null : mainWindow));
  // A data file that cannot be used (read-only, locked, full, damaged, another Rapport on it) gets a screen, not a crash.
  const opened = await openCoreWithScreens(
    { dataDir: data.dataDir, logger, platform },
    {
      showMessageBox: (options) => dialog.showMessageBox(options),
      showFolder: (dir) => void shell.openPath(dir).catch(() => undefined),
      logger,
    },
  );
  if (opened === null) {
    app.quit();
    return;
  }
  core = opened;
  registerInvokeHandler(ipcMain, { dispatch: (channel, input) => opened.dispatch(channel, input), trustedTarget, logger });
  registerDropHandler(ipcMain, { trustedTarget, addPicked: (paths) => opened.picks.add(paths), logger });
  forwardEvents(opened.events, () => (mainWindow === null || mainWindow.isDestroyed() ? null : mainWindow.webContents), logger);
  // After "Move data folder" the window shows the result for a moment, then Rapport restarts in the new folder.
  opened.events.subscribe((name) => {
    if (name !== 'data.folderMoved') return;
    setTimeout(() => {
      app.relaunch();
      app.quit();
    }, 1500);
  });

  const template = menuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appName: app.name,
    command: (command) => {
      focusWindow();
      opened.events.emit('app.command', { command });
    },
    showDataFolder: () => {
      shell.openPath(data.dataDir).then((problem) => problem && logger.warn('could not open the data folder', problem), () => undefined);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  // Waking from sleep usually means a network again: try the outbox now rather than at its next retry time
  // (the page also asks when the browser sees the network come back).
  // Sync (issue #24) too: changes made while the lid was shut go out now, not at the next backoff step.
  powerMonitor.on('resume', () => {
    opened.modules.email.wake();
    opened.modules.sync.wake();
  });

  // Reminders fire in main, so they reach the user even when the window is hidden or minimised.
  opened.events.subscribe((name, payload) => {
    if ((name !== 'tasks.due' && name !== 'appointments.due' && name !== 'cases.due') || !Notification.isSupported()) return;
    if (name === 'cases.due') {
      // A case's target at 75 % or 100 % (issue #22): same path as follow-up reminders.
      const notification = new Notification(caseDueNotification(payload as EventPayload<'cases.due'>));
      notification.on('click', focusWindow);
      notification.show();
    } else if (name === 'tasks.due') {
      const { task } = payload as EventPayload<'tasks.due'>;
      const notification = new Notification(reminderNotification(task));
      notification.on('click', () => {
        focusWindow();
        opened.events.emit('app.command', { command: 'openTask', id: task.id });
      });
      notification.show();
    } else {
      const { occurrence } = payload as EventPayload<'appointments.due'>;
      const notification = new Notification(appointmentNotification(occurrence, new Date()));
      notification.on('click', focusWindow);
      notification.show();
    }
  });

  createWindow();
}

function start(): void {
  // Before anything else: a second instance on the same profile only focuses the first one.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    // macOS apps stay open without windows; 'activate' brings the window back.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && core !== null) createWindow();
  });
  // The quit backup (when something changed since the last one) runs before the store closes; quitting waits for it.
  let backedUpForQuit = false;
  app.on('before-quit', (event) => {
    if (backedUpForQuit || core === null) return;
    event.preventDefault();
    backedUpForQuit = true;
    core
      .beforeQuit()
      .catch((error: unknown) => logger.error('the backup on quit failed', error))
      .finally(() => app.quit());
  });
  app.on('will-quit', closeCore);

  app.whenReady().then(onReady).catch((error: unknown) => {
    logger.error('start-up failed', error);
    // Problems with the data file have their own screens (startup-dialog.ts); this is a bug, so no library text here.
    dialog.showErrorBox(
      'Rapport could not start',
      `Something went wrong inside Rapport while opening your data.\n\nDetails are in the log: ${logger.file}\nData folder: ${data.dataDir}`,
    );
    closeCore();
    app.exit(1);
  });
}

// Both must happen before 'ready': the privileged scheme (Electron's rule) and the profile move (so the
// single-instance lock and Chromium's caches follow an explicit data dir).
registerAppScheme(protocol);
const profile = chromiumProfileDir(resolved);
if (profile !== undefined) app.setPath('userData', profile);
if (process.platform === 'win32') app.setAppUserModelId('app.rapport.desktop');
start();
