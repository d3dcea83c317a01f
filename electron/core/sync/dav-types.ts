// The DAV transport's vocabulary (issue #24): collections, items, the plain results the sync engine must act on, and
// DavError (a failure in the user's words). Split from dav-transport.ts for length; no imports but the logger type.
import type { Logger } from '../logger';

export interface DavCredentials {
  username: string;
  password: string;
}

export type CollectionKind = 'addressbook' | 'calendar';
export type CalendarComponent = 'VEVENT' | 'VTODO' | 'VJOURNAL';

export interface DavCollection {
  /** Server path with a trailing slash ("/trader/contacts/rapport/"); every href below is a server path too. */
  href: string;
  kind: CollectionKind;
  displayName: string;
  /** Calendars only: what the calendar accepts (empty when the server does not say: assume all). */
  components: CalendarComponent[];
  /** The server answers sync-collection REPORTs (RFC 6578); otherwise list() and ETags are the only way. */
  supportsSync: boolean;
  syncToken: string | null;
  ctag: string | null;
}

export interface DavDiscovery {
  principal: string;
  addressBookHome: string | null;
  calendarHome: string | null;
  addressBooks: DavCollection[];
  calendars: DavCollection[];
}

export interface DavItemRef {
  href: string;
  etag: string | null;
}

export interface DavItem {
  href: string;
  etag: string | null;
  data: string;
}

/** changed/deleted are hrefs; `more` means the server truncated the answer (507): call again with `token`. */
export type SyncResult =
  | { kind: 'changes'; changed: DavItemRef[]; deleted: string[]; token: string; more: boolean }
  | { kind: 'tokenExpired' };

export type PutCondition = { ifMatch: string } | { ifNoneMatch: '*' };

export const CHANGED_THERE_TOO = 'The server refused the change because it changed there too.';

export type PutResult =
  /** etag is null when the server transformed the body and sent none (RFC 7231 allows it): fetch the item. */
  | { kind: 'stored'; etag: string | null; created: boolean }
  | { kind: 'preconditionFailed'; message: string }
  /** Another item in the collection already has this UID (RFC 6352/4791 no-uid-conflict). */
  | { kind: 'uidConflict'; existing: string | null; message: string };

export type RemoveResult = { kind: 'removed' } | { kind: 'preconditionFailed'; message: string } | { kind: 'notFound' };

export type DavErrorKind = 'unreachable' | 'auth' | 'refused' | 'server' | 'protocol' | 'notFound';

/** A failure in the user's words (`message`); `detail` keeps the original for the log, never credentials. */
export class DavError extends Error {
  constructor(
    readonly kind: DavErrorKind,
    message: string,
    readonly detail: { method?: string; url?: string; status?: number; body?: string; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'DavError';
  }
}

export interface DavTransportOptions {
  serverUrl: string;
  credentials: DavCredentials;
  /** Per request; a server that takes longer "did not answer". */
  timeoutMs?: number;
  /** For a listing or report over a whole collection (PROPFIND depth 1, REPORT); 10 minutes by default. */
  collectionTimeoutMs?: number;
  log?: Pick<Logger, 'warn'>;
  fetch?: typeof fetch;
  /** Hrefs per multiget REPORT (default MULTIGET_BATCH). */
  multigetBatch?: number;
}

export const MULTIGET_BATCH = 100;
