// What other features may embed from quotes: a job's or contact's Quotes section. Everything else is private.
export { JobQuotes } from './JobQuotes';
