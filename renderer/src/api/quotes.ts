// TanStack Query hooks for quotes (issue #23): the list, one quote, each write, the PDF, the CSV export and the
// quote & invoice settings, their query keys, and which changes make them stale. Every write answers with the whole
// quote, so its page shows the saved version at once; data.changed refreshes the lists.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { listsAndRecords, type Families } from './families';

export type QuoteRow = ChannelOutput<'quotes.get'>;
export type QuoteLineRow = QuoteRow['lines'][number];
export type QuoteListItem = ChannelOutput<'quotes.list'>['items'][number];
export type QuoteListFilter = Omit<ChannelInput<'quotes.list'>, 'cursor'>;
export type QuoteUpdateInput = ChannelInput<'quotes.update'>;
export type SalesSettingsRow = ChannelOutput<'quotes.settings.get'>;
export type TaxRateRow = ChannelOutput<'taxRates.list'>['items'][number];

export const quoteKeys = {
  all: ['quotes'] as const,
  lists: ['quotes', 'list'] as const,
  list: (filter: Partial<QuoteListFilter>) => ['quotes', 'list', filter] as const,
  one: (id: string) => ['quotes', 'one', id] as const,
  /** Not under 'quotes': a quote change does not refetch the settings. */
  settings: ['salesSettings'] as const,
  /** The rates a line may use (the builder turns the default rate's id into a line tax). */
  taxRates: ['quoteTaxRates'] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const quotesFamilies: Families = {
  quote: listsAndRecords(quoteKeys.all, [quoteKeys.lists], quoteKeys.one),
  // Rows and pages show the job's title and the client's and company's names.
  job: [quoteKeys.lists],
  contact: [quoteKeys.lists],
  company: [quoteKeys.lists],
  // Making an invoice sets the quote's invoiceId.
  invoice: [quoteKeys.all],
  taxRate: [quoteKeys.taxRates],
  settings: [quoteKeys.settings],
};

export function useQuoteList(filter: Partial<QuoteListFilter>, enabled = true) {
  return useInfiniteQuery({
    queryKey: quoteKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('quotes.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useQuote(id: string) {
  return useQuery({ queryKey: quoteKeys.one(id), queryFn: () => invoke('quotes.get', { id }) });
}

type QuoteChannel = 'quotes.create' | 'quotes.update' | 'quotes.accept' | 'quotes.decline' | 'quotes.revise';

/** A write that answers with the whole quote: prime its page's cache with it. */
function useQuoteWrite<C extends QuoteChannel>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => invoke(channel, input) as Promise<QuoteRow>,
    // Forms show main's issues beside the field or line they name.
    meta: { handlesValidation: true },
    onSuccess: (quote: QuoteRow) => {
      client.setQueryData(quoteKeys.one(quote.id), quote);
      void client.invalidateQueries({ queryKey: quoteKeys.lists });
    },
  });
}

export const useCreateQuote = () => useQuoteWrite('quotes.create');
export const useUpdateQuote = () => useQuoteWrite('quotes.update');
export const useAcceptQuote = () => useQuoteWrite('quotes.accept');
export const useDeclineQuote = () => useQuoteWrite('quotes.decline');
export const useReviseQuote = () => useQuoteWrite('quotes.revise');

export function useSendQuote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'quotes.send'>) => invoke('quotes.send', input),
    meta: { handlesValidation: true },
    onSuccess: (_result, input) => client.invalidateQueries({ queryKey: quoteKeys.one(input.id) }),
  });
}

export function useDeleteQuote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('quotes.delete', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: quoteKeys.lists }),
  });
}

/** Opens the frozen PDF (or a DRAFT preview), or saves a copy where the user chooses. */
export function useQuotePdf() {
  return useMutation({ mutationFn: (input: ChannelInput<'quotes.pdf'>) => invoke('quotes.pdf', input) });
}

export function useExportQuotesCsv() {
  return useMutation({ mutationFn: () => invoke('quotes.exportCsv', {}) });
}

export function useSalesSettings() {
  return useQuery({ queryKey: quoteKeys.settings, queryFn: () => invoke('quotes.settings.get', {}) });
}

export function useUpdateSalesSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'quotes.settings.update'>) => invoke('quotes.settings.update', input),
    meta: { handlesValidation: true },
    onSuccess: (settings) => client.setQueryData(quoteKeys.settings, settings),
  });
}

/**
 * Chooses the logo with the open dialog and makes it the PDFs' logo (null path: take it off). Resolves null when the
 * user cancelled the dialog.
 */
export function useSetLogo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (remove: boolean) => {
      if (remove) return invoke('quotes.settings.setLogo', { path: null });
      const { paths } = await invoke('files.pick', { purpose: 'logo' });
      return paths[0] ? invoke('quotes.settings.setLogo', { path: paths[0] }) : null;
    },
    onSuccess: (settings) => settings && client.setQueryData(quoteKeys.settings, settings),
  });
}

/** The last number given in each series, for the settings' "Next: …". */
export function useNumberSeries() {
  return useQuery({ queryKey: [...quoteKeys.settings, 'series'], queryFn: () => invoke('quotes.settings.series', {}) });
}

/** Active tax rates (the ones a new line may use). */
export function useQuoteTaxRates() {
  return useQuery({ queryKey: quoteKeys.taxRates, queryFn: () => invoke('taxRates.list', { includeInactive: false }) });
}

/** Makes the invoice of an accepted quote (main copies its counted lines). */
export function useInvoiceFromQuote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (quoteId: string) => invoke('invoices.create', { quoteId }),
    onSuccess: (_invoice, quoteId) => client.invalidateQueries({ queryKey: quoteKeys.one(quoteId) }),
  });
}
