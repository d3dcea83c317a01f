// The application menu: the usual roles, the app's own shortcuts, and developer items only in development.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type AppCommand, type MenuOptions } from '../../electron/main/menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const commands: AppCommand[] = [];
  let dataFolderShown = 0;
  const template = menuTemplate({
    platform: 'linux',
    isPackaged: true,
    appName: 'Rapport',
    command: (c) => commands.push(c),
    showDataFolder: () => dataFolderShown++,
    ...overrides,
  });
  return { template, commands, dataFolderShown: () => dataFolderShown };
}

const plainLabel = (item: MenuItemConstructorOptions) => item.label?.replace('&', '');
const top = (template: MenuItemConstructorOptions[]) => template.map(plainLabel);
const submenu = (template: MenuItemConstructorOptions[], label: string) => {
  const menu = template.find((item) => plainLabel(item) === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no submenu ${label}`);
  return menu.submenu as MenuItemConstructorOptions[];
};
const item = (items: MenuItemConstructorOptions[], label: string) => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
};
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();

describe('menuTemplate', () => {
  it('has File, Edit, View, Go, Window, Help on Windows and Linux, with mnemonics', () => {
    const { template } = build();
    expect(top(template)).toEqual(['File', 'Edit', 'View', 'Go', 'Window', 'Help']);
    expect(template[0]?.label).toBe('&File');
  });

  it('puts the app menu first on macOS, without mnemonics', () => {
    const { template } = build({ platform: 'darwin' });
    expect(top(template)).toEqual(['Rapport', 'File', 'Edit', 'View', 'Go', 'Window', 'Help']);
    expect(template.some((i) => i.label?.includes('&'))).toBe(false);
    expect(roles(submenu(template, 'Rapport'))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(submenu(template, 'File'))).toEqual(['close']);
  });

  it('ends File with Quit outside macOS', () => {
    const file = submenu(build().template, 'File');
    expect(file.at(-1)).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
  });

  it.each([
    ['File', 'New Contact', 'CmdOrCtrl+N', 'newContact'],
    ['File', 'New Company', 'CmdOrCtrl+Shift+N', 'newCompany'],
    ['Go', 'Contacts', 'CmdOrCtrl+1', 'goContacts'],
    ['Go', 'Companies', 'CmdOrCtrl+2', 'goCompanies'],
    ['Go', 'Trash', 'CmdOrCtrl+3', 'goTrash'],
    ['Go', 'Quick Search…', 'CmdOrCtrl+K', 'quickSearch'],
  ] as const)('%s > %s (%s) sends the %s command', (menu, label, accelerator, command) => {
    const { template, commands } = build();
    const entry = item(submenu(template, menu), label);
    expect(entry.accelerator).toBe(accelerator);
    click(entry);
    expect(commands).toEqual([command]);
  });

  it('has no two items sharing a shortcut', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const accelerators = build({ platform, isPackaged: false })
        .template.flatMap((menu) => (Array.isArray(menu.submenu) ? (menu.submenu as MenuItemConstructorOptions[]) : []))
        .map((i) => i.accelerator)
        .filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('offers the standard edit roles', () => {
    expect(roles(submenu(build().template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(roles(submenu(build({ platform: 'darwin' }).template, 'Edit'))).toContain('pasteAndMatchStyle');
  });

  it('has reload and devtools only when not packaged', () => {
    const packaged = roles(submenu(build({ isPackaged: true }).template, 'View'));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(packaged).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = roles(submenu(build({ isPackaged: false }).template, 'View'));
    expect(dev).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('lets Help show the data folder', () => {
    const built = build();
    click(item(submenu(built.template, 'Help'), 'Show Data Folder'));
    expect(built.dataFolderShown()).toBe(1);
    expect(built.commands).toEqual([]);
  });
});
