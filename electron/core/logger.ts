// Main-process logging. Internal error details go here and never to the renderer.
export interface Logger {
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (m, d) => console.info(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
  warn: (m, d) => console.warn(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
  error: (m, d) => console.error(`[rapport] ${m}`, ...(d === undefined ? [] : [d])),
};

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
