// Channel names of invoices (issue #23; zod-free: the preload's allow-list imports it). See channels.ts.
export const INVOICES_CHANNELS = [
  'invoices.create',
  'invoices.get',
  'invoices.update',
  'invoices.list',
  'invoices.delete',
  'invoices.send',
  'invoices.recordPayment',
  'invoices.deletePayment',
  'invoices.pdf',
  'invoices.exportCsv',
] as const;

export type InvoicesChannel = (typeof INVOICES_CHANNELS)[number];
