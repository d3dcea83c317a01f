// Runs the real build script (build/build-electron.mjs) into a temp dir and checks what would ship: a preload
// that needs nothing but `electron` (a sandboxed preload can require nothing else) and a main bundle that leaves
// the native better-sqlite3 in node_modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
let out: string;

interface Metafile {
  inputs: Record<string, unknown>;
}

/** Every module a bundle requires at run time (esbuild emits externals as plain require("...") calls). */
function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!))].sort();
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'rapport-electron-build-'));
  execFileSync(process.execPath, [join(repo, 'build/build-electron.mjs'), '--outdir', out, '--metafile'], { cwd: repo, stdio: 'pipe' });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('preload bundle', () => {
  it('requires electron and nothing else', () => {
    const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
    expect(requiredModules(code)).toEqual(['electron']);
    // No dynamic require either: a computed name would slip past the check above.
    expect(code).not.toMatch(/\brequire\(\s*[^"'`\s)]/);
  });

  it('bundles only the preload and shared/ipc (plus zod), never main, core, db or Node-only packages', () => {
    const meta = JSON.parse(readFileSync(join(out, 'preload.meta.json'), 'utf8')) as Metafile;
    const inputs = Object.keys(meta.inputs);
    expect(inputs).toContain('electron/preload/preload.ts');
    for (const input of inputs) {
      expect(input).toMatch(/^(electron\/preload\/|shared\/|node_modules\/zod\/)/);
    }
  });

  it('runs with only `electron` available and exposes exactly { invoke, on, pathForFile } as window.rapport', () => {
    const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const exposed: [string, unknown][] = [];
    const requested: string[] = [];
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => undefined, removeListener: () => undefined, send: (...args: unknown[]) => void sent.push(args) },
      webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      module,
      exports: module.exports,
      console,
      require: (name: string) => {
        requested.push(name);
        if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
        return electron;
      },
    });
    expect(requested).toEqual(['electron']);
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.[0]).toBe('rapport');
    const api = exposed[0]?.[1] as { pathForFile(file: unknown): string };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile']);
    expect(api.pathForFile({ name: 'quote.pdf' })).toBe('/dropped/quote.pdf');
    // A dropped file is reported to main as picked (IPC_DROPPED) before the page can name it in a call.
    expect(sent).toEqual([['rapport:dropped', '/dropped/quote.pdf']]);
  });
});

describe('main bundle', () => {
  const builtins = new Set(builtinModules);
  const isBuiltin = (name: string) => name.startsWith('node:') || builtins.has(name);

  it('keeps electron and better-sqlite3 external and requires nothing else but Node built-ins', () => {
    const required = requiredModules(readFileSync(join(out, 'main.cjs'), 'utf8'));
    expect(required).toContain('electron');
    expect(required.filter((name) => !isBuiltin(name))).toEqual(['better-sqlite3', 'electron']);
  });

  it('does not inline better-sqlite3 or the electron package', () => {
    const meta = JSON.parse(readFileSync(join(out, 'main.meta.json'), 'utf8')) as Metafile;
    const inputs = Object.keys(meta.inputs);
    expect(inputs).toContain('electron/main/main.ts');
    expect(inputs.filter((input) => input.startsWith('node_modules/better-sqlite3/') || input.startsWith('node_modules/electron/'))).toEqual([]);
    expect(inputs.some((input) => input.startsWith('renderer/'))).toBe(false);
  });
});
