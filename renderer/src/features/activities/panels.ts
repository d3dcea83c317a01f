// What other features may embed from activities: the timeline panel and the quick-log / call-timer triggers.
// Everything else in this folder is private to it.
export { Timeline } from './Timeline';
export { callTimer, quickLog } from './quick-log-store';
