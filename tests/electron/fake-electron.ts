// A stand-in for the parts of the `electron` module that main.ts touches, recording every call. Electron cannot
// start on these machines; this lets the real main.cjs bundle boot on Node so its wiring is checked. It says
// nothing about Electron's own behaviour (that needs a real launch).
// A method signature so listeners with typed parameters can be stored (the bivariance Electron's own typings allow).
type Listener = { bivarianceHack(...args: unknown[]): unknown }['bivarianceHack'];
/** Enough of a menu item for tests to find one by label and click it. */
type MenuItem = { label?: string; role?: string; submenu?: MenuItem[]; click?: () => void; [key: string]: unknown };

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
}

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends Emitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { url: 'app://rapport/', origin: 'app://rapport', parent: null, processId: 10, routingId: 1 };
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export function createFakeElectron(options: { userData: string }) {
  const notifications: FakeNotification[] = [];
  /** Records what the app shows as OS notifications; click() plays the user's click. */
  class FakeNotification extends Emitter {
    static isSupported = () => true;
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show() {
      this.shown = true;
      notifications.push(this);
    }
    click() {
      this.emit('click');
    }
  }
  const calls: { name: string; args: unknown[] }[] = [];
  const record = (name: string, ...args: unknown[]) => void calls.push({ name, args });
  const paths = new Map<string, string>([['userData', options.userData]]);
  const app = new (class extends Emitter {
    readonly name = 'Rapport';
    readonly isPackaged = false;
    private readyResolve!: () => void;
    readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
    getPath(name: string): string {
      const value = paths.get(name);
      if (value === undefined) throw new Error(`no path ${name}`);
      return value;
    }
    setPath(name: string, value: string): void {
      record('app.setPath', name, value);
      paths.set(name, value);
    }
    requestSingleInstanceLock(): boolean {
      record('app.requestSingleInstanceLock');
      return true;
    }
    whenReady(): Promise<void> {
      return this.ready;
    }
    fireReady(): void {
      this.readyResolve();
    }
    setAppUserModelId(id: string): void {
      record('app.setAppUserModelId', id);
    }
    quit(): void {
      record('app.quit');
    }
    exit(code: number): void {
      record('app.exit', code);
    }
  })();

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    shown = 0;
    focused = 0;
    maximized = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      // Electron announces every new webContents, the window's own included.
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    show(): void {
      this.shown++;
    }
    focus(): void {
      this.focused++;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getNormalBounds() {
      const { x, y, width, height } = this.options;
      return { x, y, width, height };
    }
  }

  const session = new (class extends Emitter {
    permissionRequestHandler: Listener | null = null;
    permissionCheckHandler: Listener | null = null;
    devicePermissionHandler: Listener | null = null;
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequestHandler = handler;
    }
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheckHandler = handler;
    }
    setDevicePermissionHandler(handler: Listener) {
      this.devicePermissionHandler = handler;
    }
  })();

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcHandlers = new Map<string, Listener>();
  let menuTemplate: MenuItem[] | null = null;
  const opened: string[] = [];
  const powerListeners = new Map<string, Listener>();
  const dialogAnswers: string[] = [];

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: session },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => void ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
      on: (channel: string, listener: Listener) => void ipcHandlers.set(`on:${channel}`, listener),
      removeListener: (channel: string) => void ipcHandlers.delete(`on:${channel}`),
    },
    Menu: {
      buildFromTemplate: (template: MenuItem[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItem[] }) => void (menuTemplate = menu.template),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    shell: {
      openExternal: async (url: string) => void opened.push(url),
      openPath: async (path: string) => (opened.push(path), ''),
      showItemInFolder: (path: string) => void opened.push(path),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', title, content),
      // The start-up screen: answers with the button labelled by the next queued answer, else Escape (cancelId).
      showMessageBox: async (options: { buttons: string[]; cancelId?: number }) => {
        record('dialog.showMessageBox', options);
        const answer = dialogAnswers.shift();
        const response = answer === undefined ? (options.cancelId ?? 0) : options.buttons.findIndex((b) => b.startsWith(answer));
        return { response };
      },
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    // Linux with no keyring: what safeStorage reports there, so the app's "not secure" path is the one wired.
    safeStorage: {
      getSelectedStorageBackend: () => 'basic_text',
      isEncryptionAvailable: () => false,
      encryptString: (value: string) => Buffer.from(value),
      decryptString: (sealed: Buffer) => sealed.toString(),
    },
    Notification: FakeNotification,
    powerMonitor: { on: (event: string, listener: Listener) => void powerListeners.set(event, listener) },
  };

  return {
    electron, app, calls, windows, session, protocolHandlers, ipcHandlers, opened, notifications, powerListeners, dialogAnswers, menu: () => menuTemplate,
  };
}
