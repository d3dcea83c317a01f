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

export function notifyError(error: unknown): void {
  const code = error instanceof IpcError ? error.code : 'INTERNAL';
  const message = error instanceof Error ? error.message : String(error);
  notifications.show({ color: 'red', title: TITLES[code], message, autoClose: 8000 });
}

/** With an id, saying the same thing about the same record again does not stack a second toast. */
export function notifySuccess(message: string, id?: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000, ...(id ? { id } : {}) });
}
