// Boots the real dist bundle (main.cjs, built by build/build-electron.mjs) on Node with a recording stand-in for
// `electron` and the real core on a temp data dir. It checks main.ts's wiring: what runs before 'ready', the window
// options, the app:// handler, the IPC sender check, the hardening handlers, the menu, waking the outbox on resume
// (against a real SMTP server on loopback) and the clean quit.
// Electron's own behaviour (a window on screen) is out of reach here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc/bridge';
import { windowOptions } from '../../electron/main/policy';
import { APP_SCHEME_REGISTRATION } from '../../electron/main/protocol';
import { startSmtp, smtpSettings } from '../helpers/smtp';
import { createFakeElectron, FakeEvent, FakeWebContents } from './fake-electron';

const repo = resolve(import.meta.dirname, '../..');
let work: string;
let dataDir: string;
let outdir: string;
let fake: ReturnType<typeof createFakeElectron>;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'rapport-main-wiring-'));
  outdir = join(work, 'dist', 'electron');
  dataDir = join(work, 'data');
  mkdirSync(join(work, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(work, 'dist', 'renderer', 'index.html'), '<html><head><script type="module" src="./assets/a.js"></script></head></html>');
  execFileSync(process.execPath, [join(repo, 'build/build-electron.mjs'), '--outdir', outdir], { cwd: repo, stdio: 'pipe' });

  fake = createFakeElectron({ userData: join(work, 'userData') });
  boot(fake);
}, 120_000);

/** Runs the bundle's top level with `electron` resolved to the given stand-in, as Electron would on launch. */
function boot(electron: ReturnType<typeof createFakeElectron>): void {
  const mainFile = join(outdir, 'main.cjs');
  const realRequire = createRequire(join(repo, 'package.json'));
  const requireForBundle = (name: string) => (name === 'electron' ? electron.electron : realRequire(name));
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${readFileSync(mainFile, 'utf8')}\n})`, {
    filename: mainFile,
  }) as (...args: unknown[]) => void;
  const module = { exports: {} };
  const argv = process.argv;
  process.argv = [process.execPath, '.', '--data-dir', dataDir];
  try {
    wrapper(module.exports, requireForBundle, module, mainFile, outdir);
  } finally {
    process.argv = argv;
  }
}

afterAll(() => {
  fake?.app.emit('will-quit', new FakeEvent());
  rmSync(work, { recursive: true, force: true });
});

describe('before ready', () => {
  it('registers the app:// scheme, moves the Chromium profile beside the data dir, takes the lock', () => {
    expect(fake.calls.map((c) => c.name)).toEqual(['protocol.registerSchemesAsPrivileged', 'app.setPath', 'app.requestSingleInstanceLock']);
    expect(fake.calls[0]?.args).toEqual([[APP_SCHEME_REGISTRATION]]);
    expect(fake.calls[1]?.args).toEqual(['userData', join(dataDir, 'chromium-profile')]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('after ready', () => {
  beforeAll(async () => {
    fake.app.fireReady();
    await until(() => fake.windows.length === 1, 'the window');
  });

  it('opens the core on the data dir', () => {
    expect(existsSync(join(dataDir, 'rapport.sqlite'))).toBe(true);
  });

  it('creates one hidden window with the policy options and loads app://rapport/', async () => {
    const win = fake.windows[0]!;
    expect(win.options).toEqual(
      windowOptions({ bounds: { x: 360, y: 120, width: 1200, height: 800 }, preload: join(outdir, 'preload.cjs'), isPackaged: false }),
    );
    expect(win.loadedUrl).toBe('app://rapport/');
    expect(win.shown).toBe(0);
    win.emit('ready-to-show');
    expect(win.shown).toBe(1);
  });

  it('serves dist/renderer next to the bundle with the CSP', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://rapport/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers our main frame through the real core and refuses anyone else', async () => {
    const win = fake.windows[0]!;
    const invoke = fake.ipcHandlers.get(IPC_INVOKE)!;
    const ours = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    expect(await invoke(ours, 'tags.list', {})).toEqual({ ok: true, value: { items: [] } });
    expect(await invoke(ours, 'contacts.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const stranger = { sender: new FakeWebContents(), senderFrame: { ...win.webContents.mainFrame } };
    expect(await invoke(stranger, 'tags.list', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Request refused' } });
  });

  it('shows a due follow-up as an OS notification that opens it when clicked', async () => {
    const win = fake.windows[0]!;
    const invoke = fake.ipcHandlers.get(IPC_INVOKE)!;
    const ours = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const created = await invoke(ours, 'tasks.create', { title: 'Chase the invoice', dueAt: new Date(Date.now() - 60_000).toISOString() });
    expect(created).toMatchObject({ ok: true });
    const started = Date.now();
    while (fake.notifications.length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(fake.notifications.map((n) => n.options)).toEqual([{ title: 'Overdue follow-up', body: 'Chase the invoice' }]);
    const focused = win.focused;
    fake.notifications[0]!.click();
    expect(win.focused).toBe(focused + 1);
    expect(win.webContents.sent).toContainEqual([IPC_EVENT, 'app.command', { command: 'openTask', id: (created as { value: { id: string } }).value.id }]);
  });

  it('wakes the outbox when the machine resumes from sleep: a message due again goes at once, not at the next look', async () => {
    const smtp = await startSmtp();
    const { safeStorage } = fake.electron;
    const available = safeStorage.isEncryptionAvailable;
    safeStorage.isEncryptionAvailable = () => true; // a machine with a keyring, so the password can be saved
    try {
      const win = fake.windows[0]!;
      const invoke = fake.ipcHandlers.get(IPC_INVOKE)!;
      const ours = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
      smtp.state.behaviour = 'tempfail';
      expect(await invoke(ours, 'email.settings.update', smtpSettings(smtp.port))).toMatchObject({ ok: true });
      const sent = (await invoke(ours, 'emails.send', { to: [{ address: 'client@example.test' }], subject: 'After the holidays', body: 'x' })) as { value: { id: string } };
      const status = async () => ((await invoke(ours, 'emails.get', { id: sent.value.id })) as { value: { status: string } }).value.status;
      for (let i = 0; i < 100 && (await status()) !== 'waiting'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await status()).toBe('waiting'); // greylisted: it will try again later
      smtp.state.behaviour = 'accept';

      // Its retry time passes while the laptop sleeps; the outbox's own next look may be 15 s away.
      const file = new Database(join(dataDir, 'rapport.sqlite'));
      file.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE status = 'waiting'`).run(new Date(Date.now() - 1000).toISOString());
      file.close();
      const resumed = Date.now();
      fake.powerListeners.get('resume')!();
      while (smtp.received.length === 0 && Date.now() - resumed < 2000) await new Promise((r) => setTimeout(r, 20));
      expect(smtp.received.map((m) => m.mail.subject)).toEqual(['After the holidays']);
    } finally {
      safeStorage.isEncryptionAvailable = available;
      await smtp.close();
    }
  });

  it('denies every permission on the session', () => {
    let granted: boolean | undefined;
    fake.session.permissionRequestHandler?.(null, 'media', (g: boolean) => (granted = g), { requestingUrl: 'app://rapport/' });
    expect(granted).toBe(false);
    expect(fake.session.permissionCheckHandler?.(null, 'clipboard-read', 'app://rapport')).toBe(false);
    expect(fake.session.devicePermissionHandler?.({})).toBe(false);
    const download = new FakeEvent();
    fake.session.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
  });

  it('hardens the window: popups denied (allowed URLs go to the system), no navigation away, no webviews', () => {
    const contents = fake.windows[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://example.com/']);

    const away = new FakeEvent();
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.defaultPrevented).toBe(true);
    const inside = new FakeEvent();
    contents.emit('will-navigate', inside, 'app://rapport/');
    expect(inside.defaultPrevented).toBe(false);
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('sends menu commands to the page as app.command events', () => {
    const file = fake.menu()?.find((m) => m.label === '&File');
    file!.submenu!.find((i) => i.label === 'New Contact')!.click!();
    expect(fake.windows[0]!.webContents.sent).toContainEqual([IPC_EVENT, 'app.command', { command: 'newContact' }]);
  });

  it('focuses the existing window when a second instance starts', () => {
    const before = fake.windows[0]!.focused;
    fake.app.emit('second-instance', new FakeEvent(), [], '/');
    expect(fake.windows[0]!.focused).toBe(before + 1);
    expect(fake.windows).toHaveLength(1);
  });

  it('remembers the window bounds on close', () => {
    fake.windows[0]!.emit('close', new FakeEvent());
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({ x: 360, y: 120, width: 1200, height: 800, maximized: false });
  });

  it('a second copy on the same data folder gets the "already open" screen, opens nothing, and quits on Quit', async () => {
    const second = createFakeElectron({ userData: join(work, 'userData-2') });
    second.dialogAnswers.push('Show the data folder', 'Quit');
    boot(second);
    second.app.fireReady();
    await until(() => second.calls.some((c) => c.name === 'app.quit'), 'the second copy to quit');
    const dialogs = second.calls.filter((c) => c.name === 'dialog.showMessageBox').map((c) => c.args[0] as { message: string; buttons: string[] });
    expect(dialogs.map((d) => d.message)).toEqual(['Rapport is already open on this data', 'Rapport is already open on this data']);
    expect(dialogs[0]!.buttons).toEqual(['Try again', 'Show the data folder', 'Quit']);
    expect(second.opened).toEqual([dataDir]);
    expect(second.windows).toHaveLength(0);
    expect(second.ipcHandlers.size).toBe(0);
    // The first copy is untouched and still answers.
    const win = fake.windows[0]!;
    const invoke = fake.ipcHandlers.get(IPC_INVOKE)!;
    expect(await invoke({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, 'tags.list', {})).toMatchObject({ ok: true });
  });

  it('quits when the last window closes (outside macOS) and closes the core on will-quit', async () => {
    fake.windows[0]!.emit('closed');
    fake.app.emit('window-all-closed');
    expect(fake.calls.some((c) => c.name === 'app.quit')).toBe(process.platform !== 'darwin');
    expect(existsSync(join(dataDir, 'rapport.sqlite-wal'))).toBe(true);
    fake.app.emit('will-quit', new FakeEvent());
    // The core really closed: the database file is no longer held open in WAL mode.
    expect(existsSync(join(dataDir, 'rapport.sqlite-wal'))).toBe(false);
  });
});
