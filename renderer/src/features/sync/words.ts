// The words sync shows: an account's state, how long ago, a run's phase and report, the kinds of conflict and what
// each choice does on both sides. Kept in one place so the page, the badge and the conflict cards say the same.
import { formatDistanceToNow } from 'date-fns';
import type { SyncAccount, SyncAccountStatus, SyncConflict, SyncReport } from '../../../../shared/domain/sync';
import type { SyncProgressEvent } from '../../api/sync';
import { plural } from '../../ui/format';

export const STATE_WORDS: Record<SyncAccountStatus['state'], string> = {
  idle: 'Up to date',
  syncing: 'Syncing…',
  offline: 'Waiting for the server',
  error: 'Sync failed',
  paused: 'Paused',
};

export const STATE_COLOURS: Record<SyncAccountStatus['state'], string> = {
  idle: 'teal',
  syncing: 'blue',
  offline: 'gray',
  error: 'red',
  paused: 'yellow',
};

/** "5 minutes ago", "in 3 minutes". */
export function fromNow(iso: string): string {
  return formatDistanceToNow(new Date(iso), { addSuffix: true });
}

export function lastSyncWords(status: Pick<SyncAccountStatus, 'lastSyncAt'>): string {
  return status.lastSyncAt ? `Last synced ${fromNow(status.lastSyncAt)}` : 'Not synced yet';
}

export function pendingWords(n: number): string {
  return n === 0 ? 'Nothing waiting to be sent' : `${plural(n, 'change')} waiting to be sent`;
}

const PHASE_WORDS: Record<SyncProgressEvent['phase'], string> = {
  connecting: 'Connecting to the server',
  sending: 'Sending changes',
  receiving: 'Receiving changes',
  done: 'Finished',
};

export function progressWords(p: SyncProgressEvent): string {
  const phase = PHASE_WORDS[p.phase];
  return p.total > 0 && p.phase !== 'done' ? `${phase}: ${p.done} of ${p.total}` : `${phase}…`;
}

/** What one run did, as the user reads it: "Synced: sent 3, received 1, deleted 0, 1 conflict to resolve." */
export function reportWords(r: SyncReport, withError = true): string {
  const counts = `sent ${r.sent}, received ${r.received}, deleted ${r.deleted}`;
  const conflicts = r.conflicts > 0 ? `, ${plural(r.conflicts, 'conflict')} to resolve` : '';
  if (!r.error) return `Synced: ${counts}${conflicts}.`;
  return withError ? `Stopped (${counts}${conflicts}): ${r.error}` : `Stopped (${counts}${conflicts}).`;
}

export const KIND_WORDS: Record<SyncConflict['kind'], string> = {
  bothEdited: 'Changed here and on the server',
  deletedHere: 'Deleted here, changed on the server',
  deletedThere: 'Deleted on the server, changed here',
};

export const RECORD_WORDS: Record<SyncConflict['recordKind'], string> = {
  contact: 'Contact',
  appointment: 'Appointment',
  task: 'Follow-up',
};

/** For a deleted-on-one-side card: the two buttons and what each does on both sides. */
export function deleteChoiceWords(kind: 'deletedHere' | 'deletedThere', record: string): { keep: string; keepHelp: string; del: string; delHelp: string } {
  const thing = record.toLowerCase();
  return kind === 'deletedHere'
    ? {
        keep: `Keep the ${thing}`,
        keepHelp: `Takes it out of the Trash here, with the server's changes, and keeps it on the server.`,
        del: `Delete it on the server too`,
        delHelp: `It stays in the Trash here and is deleted on the server, so your phone loses it too.`,
      }
    : {
        keep: `Keep the ${thing}`,
        keepHelp: `Sends it back to the server with your changes, so your phone has it again.`,
        del: `Move it to the Trash here`,
        delHelp: `It goes to the Trash here (you can restore it from there) and stays deleted on the server.`,
      };
}

/** A value on a conflict card; an empty side is said in words, never as a blank. */
export function valueWords(value: string | null): string {
  return value === null || value === '' ? '(empty)' : value;
}

export const SERVER_HINTS: readonly { name: string; address: string; note: string }[] = [
  { name: 'Nextcloud', address: 'https://cloud.example.com (your Nextcloud address)', note: 'Make an app password under Settings › Security › Devices & sessions, and use it here.' },
  { name: 'Fastmail', address: 'https://carddav.fastmail.com', note: 'Your user name is your Fastmail email address. Make an app password under Settings › Privacy & Security › App passwords, with access to contacts and calendars. If the calendars are not listed, connect a second account with https://caldav.fastmail.com for them.' },
  { name: 'iCloud', address: 'https://contacts.icloud.com', note: 'Use your Apple ID email as user name and an app-specific password from account.apple.com › Sign-In and Security.' },
  { name: 'Radicale, Baïkal or Synology', address: 'the address you open in the browser, e.g. https://dav.example.com', note: 'Use the user name and password you set up on the server.' },
];

/** Where an account's records go: "Contacts: Work contacts. Appointments and follow-ups: Rapport. Also read: Holidays." */
export function collectionsWords(account: SyncAccount): string {
  const name = (c: { displayName: string; href: string } | null) => (c ? c.displayName || c.href : 'not synced');
  const parts = [`Contacts: ${name(account.addressBook)}.`];
  if (account.eventsCalendar?.href === account.tasksCalendar?.href) parts.push(`Appointments and follow-ups: ${name(account.eventsCalendar)}.`);
  else parts.push(`Appointments: ${name(account.eventsCalendar)}.`, `Follow-ups: ${name(account.tasksCalendar)}.`);
  const main = [account.eventsCalendar?.href, account.tasksCalendar?.href];
  const others = account.calendars.filter((c) => !main.includes(c.href));
  if (others.length > 0) parts.push(`Also shown: ${others.map(name).join(', ')}.`);
  return parts.join(' ');
}
