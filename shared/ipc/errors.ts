// The error vocabulary shared by main and renderer. Errors never cross IPC as thrown
// exceptions (Electron keeps only `message`): they travel as data in a Result envelope.
// Imports zod only.
import { z } from 'zod';

export const ErrorCode = z.enum(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem with one field; `path` is dotted (`emails.0.value`), the form library's own format. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorEnvelope = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(FieldIssue).optional(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope };

/** Thrown by services in main; the dispatcher turns it into an envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(path: string, message: string): AppError {
    return new AppError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('NOT_FOUND', `${what} ${id} was not found`);
  }

  toEnvelope(): ErrorEnvelope {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** Thrown by the renderer's client when main answers with an error envelope. */
export class IpcError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(envelope: ErrorEnvelope) {
    super(envelope.message);
    this.name = 'IpcError';
    this.code = envelope.code;
    this.issues = envelope.issues ?? [];
  }
}

/** A zod failure as field issues, paths dotted. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}
