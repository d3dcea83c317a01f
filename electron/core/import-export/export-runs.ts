// Running exports: each gets an id, reports progress (at its start, every stretch of rows, at its end) and can
// be cancelled. A cancelled export throws ExportCancelled out of its writer, so writeFileAtomically deletes the
// temp file and no partial file ever appears under the chosen name. No `electron` import.
import type { EventBus } from '../events';

/** Progress is reported at most once per this many rows: often enough for a smooth bar, rare enough to cost nothing. */
const REPORT_EVERY = 5000;

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
  }
}

export interface ExportRun {
  /** Adds written rows; reports progress when due; throws ExportCancelled once Cancel was asked for. */
  advance(rows: number): void;
  finish(): void;
}

export function createExportRuns(events: EventBus, newId: () => string) {
  const cancelled = new Set<string>();
  const running = new Set<string>();
  return {
    start(total: number): ExportRun {
      const exportId = newId();
      running.add(exportId);
      let written = 0;
      let reported = 0;
      const report = (done: boolean) => events.emit('export.progress', { exportId, written, total: Math.max(total, written), done });
      report(false);
      return {
        advance(rows) {
          written += rows;
          if (cancelled.has(exportId)) {
            throw new ExportCancelled();
          }
          if (written - reported >= REPORT_EVERY) {
            reported = written;
            report(false);
          }
        },
        finish() {
          if (!running.delete(exportId)) return;
          cancelled.delete(exportId);
          report(true);
        },
      };
    },
    cancel(exportId: string): boolean {
      if (!running.has(exportId)) return false;
      cancelled.add(exportId);
      return true;
    },
  };
}

export type ExportRuns = ReturnType<typeof createExportRuns>;
