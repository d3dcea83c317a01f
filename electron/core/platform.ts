// What the backend needs from the desktop it runs on: save and open dialogs, the OS file opener, a secret
// store and PDF printing. Only the interfaces: Electron main passes the real ones (electron/main/platform.ts),
// the web harness and tests electron/harness/platform.ts. Imports nothing (never `electron` or the harness).

export interface SecretStore {
  /** Electron's safeStorage backend name ('keychain', 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text'...) or 'test-plaintext'. */
  readonly backend: string;
  /** False when the store cannot really protect a secret (Linux `basic_text`, the test store): tell the user. */
  readonly secure: boolean;
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  readonly kind: 'electron' | 'harness';
  /**
   * Where an export should be written. Electron asks with a save dialog (null: the user cancelled); the
   * harness picks a fresh path under <dataDir>/exports. `suggestedName` must be made from fixed words and
   * dates, never from user data: it only pre-fills the dialog.
   */
  saveTarget(suggestedName: string, filters?: FileFilter[]): Promise<string | null>;
  /** Files (or folders) the user picks with the OS dialog; [] when cancelled. */
  pickFiles(options: { title?: string; multiple?: boolean; directory?: boolean; filters?: FileFilter[] }): Promise<string[]>;
  /** Opens a file with the OS default app. Throws when the OS refuses. */
  openPath(path: string): Promise<void>;
  /** Shows a file in its folder (Finder, Explorer, the file manager). */
  revealPath(path: string): void;
  secrets: SecretStore;
  /**
   * Renders script-free HTML to PDF bytes (A4 unless `pageSize` says Letter); null where it cannot, and the caller
   * offers the HTML instead or says so.
   */
  printToPdf(html: string, options?: { pageSize?: 'A4' | 'Letter' }): Promise<Uint8Array | null>;
}
