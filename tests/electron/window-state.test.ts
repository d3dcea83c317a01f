// Window bounds survive a restart and always come back on a display that exists now.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_WINDOW_SIZE } from '../../electron/main/policy';
import {
  captureWindowState,
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  parseWindowState,
  restoreWindowState,
  saveWindowState,
  type WindowState,
} from '../../electron/main/window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 984 };

describe('parseWindowState', () => {
  it('reads a well-formed state', () => {
    expect(parseWindowState('{"x":1,"y":2,"width":900,"height":700,"maximized":true}')).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: true });
  });

  it.each(['', 'nope', 'null', '[]', '{"x":1,"y":2,"width":900}', '{"x":"1","y":2,"width":900,"height":700}', '{"x":1.5,"y":2,"width":900,"height":700}', '{"x":1,"y":2,"width":0,"height":700}', '{"x":1,"y":2,"width":900,"height":-5}'])(
    'ignores %j',
    (text) => {
      expect(parseWindowState(text)).toBeNull();
    },
  );

  it('treats anything but true as not maximized', () => {
    expect(parseWindowState('{"x":0,"y":0,"width":900,"height":700,"maximized":"yes"}')?.maximized).toBe(false);
  });
});

describe('restoreWindowState', () => {
  it('centres the default size on the primary display when nothing is saved', () => {
    expect(restoreWindowState(null, [primary], primary)).toEqual({
      x: (1920 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: (1040 - DEFAULT_WINDOW_SIZE.height) / 2,
      width: DEFAULT_WINDOW_SIZE.width,
      height: DEFAULT_WINDOW_SIZE.height,
      maximized: false,
    });
  });

  it('shrinks the default size to a small primary display', () => {
    const small = { x: 0, y: 0, width: 1024, height: 600 };
    expect(restoreWindowState(null, [small], small)).toEqual({ x: 0, y: 0, width: 1024, height: 600, maximized: false });
  });

  it('keeps a state that is fully visible', () => {
    const saved: WindowState = { x: 2000, y: 50, width: 1000, height: 800, maximized: true };
    expect(restoreWindowState(saved, [primary, right], primary)).toEqual(saved);
  });

  it('moves a window hanging off the edge fully onto the display it overlaps most', () => {
    const saved: WindowState = { x: 2800, y: 500, width: 1000, height: 800, maximized: false };
    expect(restoreWindowState(saved, [primary, right], primary)).toEqual({ x: 1920 + 1280 - 1000, y: 984 - 800, width: 1000, height: 800, maximized: false });
  });

  it('centres on the primary display a window whose monitor was unplugged', () => {
    const saved: WindowState = { x: 2000, y: 50, width: 1000, height: 800, maximized: true };
    expect(restoreWindowState(saved, [primary], primary)).toEqual({ x: 460, y: 120, width: 1000, height: 800, maximized: true });
  });

  it('shrinks a window larger than its display and enforces the minimum size', () => {
    expect(restoreWindowState({ x: -50, y: -50, width: 5000, height: 3000, maximized: false }, [primary], primary)).toEqual({ ...primary, maximized: false });
    const tiny = restoreWindowState({ x: 100, y: 100, width: 10, height: 10, maximized: false }, [primary], primary);
    expect([tiny.width, tiny.height]).toEqual([MIN_WINDOW_SIZE.width, MIN_WINDOW_SIZE.height]);
  });

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const left = { x: -1440, y: -200, width: 1440, height: 900 };
    const saved: WindowState = { x: -1500, y: -300, width: 900, height: 600, maximized: false };
    expect(restoreWindowState(saved, [primary, left], primary)).toEqual({ x: -1440, y: -200, width: 900, height: 600, maximized: false });
  });
});

describe('window state file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-window-'));
    dirs.push(dir);
    return join(dir, 'window-state.json');
  };

  it('round-trips through a real file', () => {
    const file = tempFile();
    const state = captureWindowState({ x: 10.4, y: 20.6, width: 1000, height: 700 }, true);
    saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 21, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual(state);
    saveWindowState(file, { ...state, maximized: false, x: 30 });
    expect(loadWindowState(file)).toEqual({ ...state, maximized: false, x: 30 });
  });

  it('returns null for a missing or corrupt file', () => {
    const file = tempFile();
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{"x":1,');
    expect(loadWindowState(file)).toBeNull();
  });
});
