// Remembers the window's bounds in a small JSON file in the data dir and brings them back on a display that
// still exists (monitors get unplugged). The decisions are pure; only load/save touch the disk. No `electron` import.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Rectangle } from 'electron';
import { MIN_WINDOW_SIZE } from './policy';

export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Accepts only a well-formed state; anything else (hand-edited, truncated, older format) is ignored, never fatal. */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.x) || !isInt(r.y) || !isInt(r.width) || !isInt(r.height)) return null;
  if (r.width <= 0 || r.height <= 0) return null;
  return { x: r.x, y: r.y, width: r.width, height: r.height, maximized: r.maximized === true };
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function centeredIn(area: Rectangle, width: number, height: number): Rectangle {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: area.x + Math.round((area.width - w) / 2), y: area.y + Math.round((area.height - h) / 2), width: w, height: h };
}

/**
 * The bounds to open with, given the saved state and the displays' work areas now. The saved window goes to the
 * display it overlaps most, shrunk to fit and moved fully inside it; if it overlaps none, it is centred on the
 * primary display. With nothing saved, a default size centred on the primary display.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: readonly Rectangle[], primary: Rectangle): WindowState {
  if (saved === null) return { ...centeredIn(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height), maximized: false };

  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const a = overlapArea(saved, area);
    if (a > bestArea) {
      best = area;
      bestArea = a;
    }
  }
  const width = Math.max(saved.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(saved.height, MIN_WINDOW_SIZE.height);
  if (best === null) return { ...centeredIn(primary, width, height), maximized: saved.maximized };

  const w = Math.min(width, best.width);
  const h = Math.min(height, best.height);
  return {
    x: clamp(saved.x, best.x, best.x + best.width - w),
    y: clamp(saved.y, best.y, best.y + best.height - h),
    width: w,
    height: h,
    maximized: saved.maximized,
  };
}

/** What to save: the normal (un-maximized) bounds, so un-maximizing next time returns to a sensible size. */
export function captureWindowState(normalBounds: Rectangle, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
  };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temp file and renamed, so a crash mid-write leaves the old state rather than a torn file. */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`, 'utf8');
  renameSync(tmp, file);
}
