// What other features may embed from today: a contact's or job's open follow-ups, and the deleted follow-ups for
// the Trash page. Everything else in this folder is private to it.
export { ContactFollowUps } from './ContactFollowUps';
export { TrashedFollowUps } from './TrashedFollowUps';
