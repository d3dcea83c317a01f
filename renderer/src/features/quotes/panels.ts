// What other features may embed from quotes: a job's or contact's Quotes section, and the read-only lines and
// totals of a stored quote or invoice (same Line and StoredTotals shapes). Everything else is private.
export { JobQuotes } from './JobQuotes';
export { SaleLinesTable } from './SaleLinesTable';
export { TotalsPanel } from './TotalsPanel';
