// Main-process logging. Internal error details go here and never to the renderer, so the log must keep the
// real cause of a failure: an error's name, code (SQLITE_FULL, ENOSPC), message, stack and cause chain.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

/** An error as plain data (JSON drops an Error's own fields): what a support person needs to find the cause. */
export function describeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value;
  const extra = value as Error & { code?: unknown; errno?: unknown; syscall?: unknown; path?: unknown };
  return {
    name: value.name,
    ...(extra.code !== undefined ? { code: extra.code } : {}),
    ...(extra.errno !== undefined ? { errno: extra.errno } : {}),
    ...(extra.syscall !== undefined ? { syscall: extra.syscall } : {}),
    ...(extra.path !== undefined ? { path: extra.path } : {}),
    message: value.message,
    stack: value.stack,
    ...(value.cause !== undefined && depth < 5 ? { cause: describeError(value.cause, depth + 1) } : {}),
  };
}

export const consoleLogger: Logger = {
  info: (m, d) => console.info(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
  warn: (m, d) => console.warn(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
  error: (m, d) => console.error(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
};

export const LOG_FILE = 'rapport.log';

/**
 * Also appends one JSON line per entry to `<dir>/rapport.log` (the previous megabyte kept as rapport.log.1), the
 * file "Details are in the log" points at. A log that cannot be written (full disk, read-only folder) never fails
 * the work being logged: the line still reaches `also`.
 */
export function fileLogger(dir: string, options: { also?: Logger; maxBytes?: number; now?: () => Date } = {}): Logger & { file: string } {
  const file = join(dir, LOG_FILE);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const also = options.also ?? consoleLogger;
  function write(level: string, message: string, details: unknown): void {
    try {
      mkdirSync(dir, { recursive: true });
      try {
        if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`);
      } catch {
        // No log yet.
      }
      const line = { at: now().toISOString(), level, message, ...(details === undefined ? {} : { details: describeError(details) }) };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // Logging must not turn a handled failure into a new one.
    }
  }
  return {
    file,
    info(message, details) {
      write('info', message, details);
      also.info(message, details);
    },
    warn(message, details) {
      write('warn', message, details);
      also.warn(message, details);
    },
    error(message, details) {
      write('error', message, details);
      also.error(message, details);
    },
  };
}

/** Collects log lines; tests assert on them (e.g. that an INTERNAL error was logged but not sent). */
export function memoryLogger(): Logger & { lines: { level: string; message: string; details?: unknown }[] } {
  const lines: { level: string; message: string; details?: unknown }[] = [];
  return {
    lines,
    info: (message, details) => lines.push({ level: 'info', message, details }),
    warn: (message, details) => lines.push({ level: 'warn', message, details }),
    error: (message, details) => lines.push({ level: 'error', message, details }),
  };
}
