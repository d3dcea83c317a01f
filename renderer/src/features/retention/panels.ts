// What other features may embed from retention (issue #21): the Privacy page's retention section (rules and the
// review list). Everything else here is private.
export { RetentionSection } from './RetentionSection';
