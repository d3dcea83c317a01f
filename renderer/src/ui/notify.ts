// One way to tell the user something went wrong, so a backend error is a notification and never a blank screen.
// Shared by every feature and the query cache; imports no feature and nothing from app/.
import { notifications } from '@mantine/notifications';
import { IpcError, STORAGE_TEXT } from '../../../shared/ipc/errors';

const TITLES: Record<IpcError['code'], string> = {
  VALIDATION: 'Please check the form',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Someone else changed this',
  UNAVAILABLE: 'Not available right now',
  STORAGE: 'Rapport could not save or read its data',
  INTERNAL: 'Something went wrong',
};

const INTERNAL_TEXT = 'Something went wrong inside Rapport. Details are in the log.';

/**
 * What the window says about a failure: main's own sentences where they are written for people (conflicts,
 * unavailable), never a raw exception, a record id (`Contact 0193… was not found`) or a field path (`emails.0.value: …`).
 */
export function errorText(error: unknown): string {
  if (!(error instanceof IpcError)) return INTERNAL_TEXT;
  switch (error.code) {
    case 'VALIDATION':
      return error.issues.length > 0 ? [...new Set(error.issues.map((i) => i.message))].join(' ') : 'Some of what was entered is not valid.';
    case 'NOT_FOUND':
      return 'It is no longer there: it may have been moved or deleted.';
    case 'INTERNAL':
      return INTERNAL_TEXT;
    case 'STORAGE':
      // The shared words for the reason (read-only, disk full, locked, damaged): what happened and what to do.
      return error.reason ? STORAGE_TEXT[error.reason].message : error.message;
    default:
      return error.message;
  }
}

/** The notification's heading: for a storage failure, its reason's own ("The disk is full"). */
export function errorTitle(error: unknown): string {
  if (!(error instanceof IpcError)) return TITLES.INTERNAL;
  if (error.code === 'STORAGE' && error.reason) return STORAGE_TEXT[error.reason].title;
  return TITLES[error.code];
}

export function notifyError(error: unknown): void {
  // A storage failure stays up until dismissed: the user has something to do outside Rapport.
  const storage = error instanceof IpcError && error.code === 'STORAGE';
  notifications.show({ color: 'red', title: errorTitle(error), message: errorText(error), autoClose: storage ? false : 8000 });
}

/** With an id, saying the same thing about the same record again does not stack a second toast. */
export function notifySuccess(message: string, id?: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000, ...(id ? { id } : {}) });
}
