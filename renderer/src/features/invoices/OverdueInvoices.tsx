// Placeholder while issue #23's slice is built: Today's overdue invoices.
export function OverdueInvoices() {
  return null;
}
