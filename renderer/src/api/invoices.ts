// TanStack Query hooks for invoices (issue #23): the list with its outstanding totals, one invoice, each write, the
// PDF and the accountant's export, their query keys, and which changes make them stale. Every write answers with
// the whole invoice, so its page shows the saved version at once; data.changed refreshes the lists.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { listsAndRecords, type Families } from './families';
import { useEntityMutation } from './mutations';

export type InvoiceRow = ChannelOutput<'invoices.get'>;
export type InvoiceList = ChannelOutput<'invoices.list'>;
export type InvoiceListItem = InvoiceList['items'][number];
export type InvoiceListFilter = Omit<ChannelInput<'invoices.list'>, 'cursor'>;

export const invoiceKeys = {
  all: ['invoices'] as const,
  lists: ['invoices', 'list'] as const,
  list: (filter: Partial<InvoiceListFilter>) => ['invoices', 'list', filter] as const,
  one: (id: string) => ['invoices', 'one', id] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const invoicesFamilies: Families = {
  invoice: listsAndRecords(invoiceKeys.all, [invoiceKeys.lists], invoiceKeys.one),
  // Rows and pages show the job's title, the quote's number and the client's and company's names.
  job: [invoiceKeys.all],
  quote: [invoiceKeys.all],
  contact: [invoiceKeys.lists],
  company: [invoiceKeys.lists],
};

export function useInvoiceList(filter: Partial<InvoiceListFilter>, enabled = true) {
  return useInfiniteQuery({
    queryKey: invoiceKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('invoices.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: invoiceKeys.one(id), queryFn: () => invoke('invoices.get', { id }) });
}

/** A write that answers with the whole invoice: prime its page's cache with it. Forms show main's issues by their fields. */
const useInvoiceWrite = <C extends 'invoices.create' | 'invoices.update' | 'invoices.recordPayment' | 'invoices.deletePayment'>(channel: C) =>
  useEntityMutation(channel, { detailKey: invoiceKeys.one, handlesValidation: true });

export const useCreateInvoice = () => useInvoiceWrite('invoices.create');
export const useUpdateInvoice = () => useInvoiceWrite('invoices.update');
export const useRecordPayment = () => useInvoiceWrite('invoices.recordPayment');
export const useDeletePayment = () => useInvoiceWrite('invoices.deletePayment');

export function useSendInvoice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'invoices.send'>) => invoke('invoices.send', input),
    meta: { handlesValidation: true },
    onSuccess: (_result, input) => client.invalidateQueries({ queryKey: invoiceKeys.one(input.id) }),
  });
}

export function useDeleteInvoice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('invoices.delete', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: invoiceKeys.lists }),
  });
}

/** Opens the frozen PDF (or a DRAFT preview), or saves a copy where the user chooses. */
export function useInvoicePdf() {
  return useMutation({ mutationFn: (input: ChannelInput<'invoices.pdf'>) => invoke('invoices.pdf', input) });
}

/** Invoices issued in a period, as CSV (with a VAT row per rate) or UBL XML, saved where the user chooses. */
export function useExportInvoices() {
  return useMutation({ mutationFn: (input: ChannelInput<'invoices.exportCsv'>) => invoke('invoices.exportCsv', input), meta: { handlesValidation: true } });
}
