// The error vocabulary shared by main and renderer. Errors never cross IPC as thrown
// exceptions (Electron keeps only `message`): they travel as data in a Result envelope.
// Imports zod only.
import { z } from 'zod';

/** STORAGE: the data file or a file Rapport writes could not be used (its `reason` says why; the user can act on it). */
export const ErrorCode = z.enum(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE', 'STORAGE', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Why a file could not be used, in terms a user can act on. The first five come from a failed read or write of the
 * data folder (SQLite or file-system codes), noAccess from a file outside it (an export target, a picked file); the rest
 * are found when the store is opened at start.
 */
export const StorageReason = z.enum(['readOnly', 'diskFull', 'locked', 'damaged', 'unreachable', 'noAccess', 'inUse', 'unknownShape', 'tooNew']);
export type StorageReason = z.infer<typeof StorageReason>;

/** What happened and what to do, one pair per reason: the same words on the start-up screen and in a notification. */
export const STORAGE_TEXT: Record<StorageReason, { title: string; message: string }> = {
  readOnly: {
    title: 'Rapport cannot save changes',
    message:
      'The data file or its folder is read-only, so nothing new can be saved (what was saved before is safe). ' +
      'Give your user permission to change the data folder, or move it off a locked or read-only drive, then try again.',
  },
  diskFull: {
    title: 'The disk is full',
    message:
      'There is no space left on the disk, so this change was not saved (everything saved before is safe). ' +
      'Free some space (empty the bin, remove large files), then try again.',
  },
  locked: {
    title: 'The data file is busy',
    message:
      'Another program is holding the data file (a backup or sync tool, or a database viewer), so this change was not saved. ' +
      'Close that program or wait for it to finish, then try again.',
  },
  damaged: {
    title: 'The data file is damaged',
    message:
      'Part of the data file cannot be read: the disk may be failing, or the file was changed by another program. ' +
      'Restore the last good backup; the damaged file is kept aside, never deleted.',
  },
  unreachable: {
    title: 'Rapport cannot reach its data file',
    message:
      'The data file could not be opened or read: the drive may have been removed or a network folder disconnected. ' +
      'Reconnect it, then try again.',
  },
  noAccess: {
    title: 'Rapport is not allowed to use that file',
    message: 'The computer refused access to the file or folder (its permissions, or a read-only drive). Check its permissions, or choose another place.',
  },
  inUse: {
    title: 'Rapport is already open on this data',
    message: 'Another Rapport window (perhaps another user, or another computer on a shared folder) is using this data folder. Switch to it, or close it and try again.',
  },
  unknownShape: {
    title: 'This data file is not one Rapport can read',
    message:
      'The file has tables but no record of which version of Rapport made them, so Rapport will not change it. ' +
      'Restore a backup, or choose another data folder. The file was not changed.',
  },
  tooNew: {
    title: 'This data file is from a newer Rapport',
    message: 'It was written by a newer version of Rapport. Update Rapport to open it. The file was not changed.',
  },
};

/** One problem with one field; `path` is dotted (`emails.0.value`), the form library's own format. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorEnvelope = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(FieldIssue).optional(),
  /** Only with STORAGE. */
  reason: StorageReason.optional(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope };

/** Thrown by services in main; the dispatcher turns it into an envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly reason?: StorageReason,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static storage(reason: StorageReason): AppError {
    return new AppError('STORAGE', STORAGE_TEXT[reason].message, undefined, reason);
  }

  static validation(path: string, message: string): AppError {
    return new AppError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('NOT_FOUND', `${what} ${id} was not found`);
  }

  toEnvelope(): ErrorEnvelope {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }
}

/** Thrown by the renderer's client when main answers with an error envelope. */
export class IpcError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly reason: StorageReason | undefined;
  constructor(envelope: ErrorEnvelope) {
    super(envelope.message);
    this.name = 'IpcError';
    this.code = envelope.code;
    this.issues = envelope.issues ?? [];
    this.reason = envelope.reason;
  }
}

/** A zod failure as field issues, paths dotted. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}
