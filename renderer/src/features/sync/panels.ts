// What other features may embed from sync: the status badge (for the sidebar or Today). Everything else is private.
export { SyncStatusBadge } from './SyncStatusBadge';
