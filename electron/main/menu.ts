// The application menu as a plain template, so tests read labels, roles and shortcuts without Electron.
// Items that need the UI only emit an `app.command`; the menu never reaches into the page. Type-only `electron` import.
import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../shared/ipc/events';

export type AppCommand = EventPayload<'app.command'>['command'];

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools exist only in development builds. */
  isPackaged: boolean;
  appName: string;
  command: (command: AppCommand) => void;
  showDataFolder: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const run = (command: AppCommand) => () => options.command(command);
  // Alt-key mnemonics are a Windows/Linux convention; macOS menus show no ampersands.
  const top = (label: string) => (mac ? label : `&${label}`);

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: top('File'),
    submenu: [
      { label: 'New Contact', accelerator: 'CmdOrCtrl+N', click: run('newContact') },
      { label: 'New Company', accelerator: 'CmdOrCtrl+Shift+N', click: run('newCompany') },
      separator,
      // macOS quits from the app menu and closes windows from File; elsewhere File ends with Quit.
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: top('Edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const viewMenu: MenuItemConstructorOptions = {
    label: top('View'),
    submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };

  const goMenu: MenuItemConstructorOptions = {
    label: top('Go'),
    submenu: [
      { label: 'Contacts', accelerator: 'CmdOrCtrl+1', click: run('goContacts') },
      { label: 'Companies', accelerator: 'CmdOrCtrl+2', click: run('goCompanies') },
      { label: 'Trash', accelerator: 'CmdOrCtrl+3', click: run('goTrash') },
      separator,
      { label: 'Quick Search…', accelerator: 'CmdOrCtrl+K', click: run('quickSearch') },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: top('Window'),
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }, separator, { role: 'window' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: top('Help'),
    submenu: [
      // Where the data lives is what a user needs for backups; there is no online help to open offline.
      { label: 'Show Data Folder', click: () => options.showDataFolder() },
      ...(mac ? [] : [separator, { role: 'about' } as const]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, goMenu, windowMenu, helpMenu];
}
