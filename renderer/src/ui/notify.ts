// One way to tell the user something went wrong, so a backend error is a notification and never a blank screen.
// Shared by every feature and the query cache; imports no feature and nothing from app/.
import { notifications } from '@mantine/notifications';
import { IpcError } from '../../../shared/ipc/errors';

const TITLES: Record<IpcError['code'], string> = {
  VALIDATION: 'Please check the form',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Someone else changed this',
  UNAVAILABLE: 'Not available right now',
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
    default:
      return error.message;
  }
}

export function notifyError(error: unknown): void {
  const code = error instanceof IpcError ? error.code : 'INTERNAL';
  notifications.show({ color: 'red', title: TITLES[code], message: errorText(error), autoClose: 8000 });
}

/** With an id, saying the same thing about the same record again does not stack a second toast. */
export function notifySuccess(message: string, id?: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000, ...(id ? { id } : {}) });
}
