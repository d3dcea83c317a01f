// The words of the Privacy page (issue #21): request kinds and states as people say them, the log's kinds, and days
// written the way the rest of the window writes them.
import { format, parseISO } from 'date-fns';
import type { RequestKind } from '../../../../shared/domain/privacy';

export const KIND_LABELS: Record<RequestKind, string> = {
  access: 'Access (a copy of their data)',
  erasure: 'Erasure (forget them)',
  rectification: 'Rectification (correct their data)',
  objection: 'Objection (stop using their data)',
  portability: 'Portability (their data for another service)',
  restriction: 'Restriction (keep but do not use)',
};

/** The short form for the list. */
export const KIND_SHORT: Record<RequestKind, string> = {
  access: 'Access',
  erasure: 'Erasure',
  rectification: 'Rectification',
  objection: 'Objection',
  portability: 'Portability',
  restriction: 'Restriction',
};

export type RequestStatusName = 'open' | 'answered' | 'refused' | 'withdrawn';
export const STATUS_LABELS: Record<RequestStatusName, string> = { open: 'Open', answered: 'Answered', refused: 'Refused', withdrawn: 'Withdrawn' };

export const LOG_KIND_LABELS: Record<string, string> = {
  export: 'Export',
  erasure: 'Erasure',
  consent: 'Consent',
  request: 'Request',
  retention: 'Retention',
  reappeared: 'Erased person seen again',
  backupPurge: 'Backups purged',
};

/** A day ("2026-12-05") as "5 Dec 2026". */
export const day = (iso: string) => format(parseISO(iso), 'd MMM yyyy');
/** Today in the user's own time zone, as a date input holds it. */
export const today = () => format(new Date(), 'yyyy-MM-dd');
export const when = (iso: string) => format(new Date(iso), 'd MMM yyyy, HH:mm');
