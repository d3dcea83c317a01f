// One way to tell the user something went wrong, so a backend error is a notification and never a blank screen.
// Shared by every feature and the query cache; imports no feature and nothing from app/.
import { notifications } from '@mantine/notifications';
import { IpcError, STORAGE_TEXT, type FieldIssue } from '../../../shared/ipc/errors';

const TITLES: Record<IpcError['code'], string> = {
  VALIDATION: 'Please check the form',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Someone else changed this',
  UNAVAILABLE: 'Not available right now',
  STORAGE: 'Rapport could not save or read its data',
  INTERNAL: 'Something went wrong',
};

const INTERNAL_TEXT = 'Something went wrong inside Rapport. Details are in the log.';
/** For a failure that is not one of main's (a fault in the window itself): never its own text ("Cannot read properties…"). */
export const UNEXPECTED_TEXT = 'Something went wrong while saving. Nothing was lost; try again, and if it keeps happening, the log has the details.';

/**
 * The technical detail of a failure goes to the log, never to the screen: a warning in the window's console, which
 * the desktop app writes to its log file (main.ts listens to the page's console). A warning, not an error: the
 * failure was handled and told to the user.
 */
export function logDetail(error: unknown, where = 'Rapport'): void {
  console.warn(`${where}:`, error instanceof Error ? `${error.name}: ${error.message}` : error, error instanceof Error ? error.stack : '');
}

const FIELD_WORDS: Record<string, string> = {
  firstName: 'First name', lastName: 'Last name', displayName: 'Name', name: 'Name', emails: 'Email', phones: 'Phone', addresses: 'Address',
  jobTitle: 'Job title', companyId: 'Company', contactId: 'Contact', defaultCurrency: 'Currency', currency: 'Currency', q: 'Search', query: 'Search',
  to: 'To', cc: 'Cc', bcc: 'Bcc', replyTo: 'Reply-to', dueAt: 'Due date', startsAt: 'Start', endsAt: 'End', title: 'Title', body: 'Message', subject: 'Subject',
};

/** The field a dotted path names, in words ("emails.0.value" is "Email", "jobTitle" is "Job title"); null for the whole input. */
export function fieldWords(path: string): string | null {
  const head = path.split('.').find((part) => part !== '' && !/^\d+$/.test(part));
  if (!head || head === '(input)') return null;
  if (FIELD_WORDS[head]) return FIELD_WORDS[head];
  const words = head.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What the window says about a failure: main's own sentences where they are written for people (conflicts,
 * unavailable), never a raw exception, a record id (`Contact 0193… was not found`) or a field path (`emails.0.value: …`).
 */
export function errorText(error: unknown): string {
  if (!(error instanceof IpcError)) {
    logDetail(error);
    return UNEXPECTED_TEXT;
  }
  switch (error.code) {
    case 'VALIDATION':
      // In a notification the field is not beside the words, so they name it.
      return error.issues.length > 0 ? [...new Set(error.issues.map(issueText))].join(' ') : 'Some of what was entered is not valid.';
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

/** For a message shown beside the one field or action it is about: the first issue's own words, else errorText. */
export function reasonText(error: unknown): string {
  return (error instanceof IpcError && error.code === 'VALIDATION' && error.issues[0]?.message) || errorText(error);
}

/** One field's problem as a sentence naming the field: "Name: Must be at most 200 characters." */
export function issueText(issue: FieldIssue): string {
  const field = fieldWords(issue.path);
  const sentence = /[.!?]$/.test(issue.message) ? issue.message : `${issue.message}.`;
  return field && !issue.message.startsWith(field) ? `${field}: ${sentence}` : sentence;
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
