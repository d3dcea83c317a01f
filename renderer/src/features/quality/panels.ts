// What other features may embed from the Data quality page: the words of its checks and fixes. Everything else
// here is private.
export { CHECKS, FIXES } from './quality-text';
