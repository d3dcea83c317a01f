// The sample address book the e2e screenshots show: the very records "Explore with sample data" adds
// (electron/core/data/sample-records.ts), so the README's picture is what a new user can see.
export { SAMPLE_COMPANIES, SAMPLE_CONTACTS } from '../../electron/core/data/sample-records';
