// build/electron-builder.yml cannot be exercised here (packaging downloads Electron), so it is checked against
// electron-builder's own schema and for the decisions the app depends on (native module unpacked, no rebuild).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// electron-builder's own loader pieces, from the installed electron-builder (untyped internals, hence the casts).
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  npmRebuild: boolean;
  asarUnpack: string[];
  icon: string;
  linux: { target: string[]; category: string };
  win: { target: string[] };
  mac: { target: string[]; category: string };
  electronFuses: Record<string, boolean>;
}

const text = readFileSync(resolve(repo, 'build/electron-builder.yml'), 'utf8');
const config = yaml.load(text) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validation does reject a broken config', async () => {
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, categry: 'Office' } }, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });

  it('ships the bundles and the UI, never rebuilds better-sqlite3, and unpacks native modules', () => {
    expect(config).toMatchObject({ appId: 'app.rapport.desktop', productName: 'Rapport', directories: { output: 'release' }, npmRebuild: false });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('targets AppImage and deb, NSIS and DMG with the right categories', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac).toMatchObject({ target: ['dmg'], category: 'public.app-category.business' });
  });

  it('points at a 512x512 RGBA PNG icon', () => {
    const png = readFileSync(resolve(repo, config.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
  });

  it('locks the packaged binary down with Electron fuses, as electron-builder will flip them', async () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // electron-builder's own translation into @electron/fuses wires: every key above is one it knows (a misspelt key
    // would be dropped here, silently, at packaging time).
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
    };
    const { FuseV1Options, FuseVersion } = require('@electron/fuses') as { FuseV1Options: Record<string, number>; FuseVersion: { V1: string } };
    const wires = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(wires).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode!]: false,
      [FuseV1Options.EnableCookieEncryption!]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable!]: false,
      [FuseV1Options.EnableNodeCliInspectArguments!]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]: true,
      [FuseV1Options.OnlyLoadAppFromAsar!]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges!]: false,
    });
  });

  it('matches the package.json it packages', () => {
    const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
  });
});
