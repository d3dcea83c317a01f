// The real desktop behind electron/core/platform.ts: native dialogs, the OS file opener, safeStorage and
// printToPDF. Thin on purpose: the decisions live in the core, which is tested on plain Node.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, safeStorage, shell } from 'electron';
import type { Platform, SecretStore } from '../core/platform';

/**
 * Secrets encrypted with safeStorage, kept as base64 in <dataDir>/secrets.json (never plain text). On Linux
 * without a keyring safeStorage falls back to `basic_text`, a fixed key: `secure` is false and the UI says so.
 */
function safeStorageSecrets(file: string): SecretStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi';
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const write = (values: Record<string, string>) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(values), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  return {
    backend,
    secure: safeStorage.isEncryptionAvailable() && backend !== 'basic_text',
    get(key) {
      const sealed = read()[key];
      return sealed === undefined ? null : safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
    set(key, value) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('The system cannot encrypt secrets right now');
      write({ ...read(), [key]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(key) {
      const values = read();
      delete values[key];
      write(values);
    },
  };
}

export function electronPlatform(dataDir: string, window: () => BrowserWindow | null): Platform {
  return {
    kind: 'electron',
    async saveTarget(suggestedName, filters) {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), ...(filters ? { filters } : {}) };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickFiles({ title, multiple, directory, filters }) {
      const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = [directory ? 'openDirectory' : 'openFile'];
      if (multiple) properties.push('multiSelections');
      const options = { properties, ...(title ? { title } : {}), ...(filters ? { filters } : {}) };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async openPath(path) {
      const problem = await shell.openPath(path);
      if (problem) throw new Error(problem);
    },
    revealPath(path) {
      shell.showItemInFolder(path);
    },
    secrets: safeStorageSecrets(join(dataDir, 'secrets.json')),
    async printToPdf(html, options) {
      // An offscreen, script-free window that only ever shows the report HTML we generated.
      const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await win.webContents.printToPDF({ printBackground: true, pageSize: options?.pageSize ?? 'A4' });
      } finally {
        win.destroy();
      }
    },
  };
}
