// What other features may embed from duplicates (issue #20): the "Looks like…" hint for the contact and company
// forms. Everything else in this folder is private to it.
export { DuplicateCheckNotice } from './DuplicateCheckNotice';
export type { CheckFields } from './check-input';
