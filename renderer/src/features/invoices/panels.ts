// What other features may embed from invoices: a job's Invoices section and Today's overdue invoices.
export { JobInvoices } from './JobInvoices';
export { OverdueInvoices } from './OverdueInvoices';
