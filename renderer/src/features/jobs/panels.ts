// What other features may embed from jobs: a contact's or company's jobs. Everything else here is private.
export { ClientJobs } from './ClientJobs';
