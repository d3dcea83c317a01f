// TanStack Query hooks for the catalogue (issue #23): products and services, tax rates, the CSV import and export,
// their query keys, and which changes make them stale. Writes answer with the saved record; data.changed refreshes
// the lists (the quote builder's pickers read the same lists).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export type ProductRow = ChannelOutput<'products.get'>;
export type TaxRateRow = ChannelOutput<'taxRates.list'>['items'][number];
export type ProductFilter = Omit<ChannelInput<'products.list'>, 'cursor'>;
export type ImportReport = ChannelOutput<'products.importCsv'>;

export const productKeys = {
  all: ['products'] as const,
  lists: ['products', 'list'] as const,
  list: (filter: ProductFilter) => ['products', 'list', filter] as const,
  one: (id: string) => ['products', 'one', id] as const,
  /** Not under 'products': a product change does not refetch the rates. */
  taxRates: ['taxRates'] as const,
  taxRateList: (includeInactive: boolean) => ['taxRates', includeInactive] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const productsFamilies: Families = {
  product: (ids) => (ids.length === 0 ? [productKeys.all] : [productKeys.lists, ...ids.map(productKeys.one)]),
  // Product rows show their rate's name; a rate's use count changes with quotes and invoices.
  taxRate: [productKeys.taxRates, productKeys.lists],
  quote: [productKeys.taxRates],
  invoice: [productKeys.taxRates],
};

export function useProductList(filter: ProductFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: productKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('products.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTaxRates(includeInactive = false) {
  return useQuery({ queryKey: productKeys.taxRateList(includeInactive), queryFn: () => invoke('taxRates.list', { includeInactive }) });
}

/** Forms show the field errors of these writes themselves (showFieldIssues). */
const own = { meta: { handlesValidation: true } } as const;

export const useCreateProduct = () => useMutation({ mutationFn: (input: ChannelInput<'products.create'>) => invoke('products.create', input), ...own });
export const useUpdateProduct = () => useMutation({ mutationFn: (input: ChannelInput<'products.update'>) => invoke('products.update', input), ...own });
export const useDeleteProduct = () => useMutation({ mutationFn: (id: string) => invoke('products.delete', { id }) });
export const useCreateTaxRate = () => useMutation({ mutationFn: (input: ChannelInput<'taxRates.create'>) => invoke('taxRates.create', input), ...own });
export const useUpdateTaxRate = () => useMutation({ mutationFn: (input: ChannelInput<'taxRates.update'>) => invoke('taxRates.update', input), ...own });
export const useDeleteTaxRate = () => useMutation({ mutationFn: (id: string) => invoke('taxRates.delete', { id }) });
export const useExportCatalogue = () => useMutation({ mutationFn: () => invoke('products.exportCsv', {}) });
export const useImportCatalogue = () => useMutation({ mutationFn: (input: ChannelInput<'products.importCsv'>) => invoke('products.importCsv', input) });

/** The OS open dialog for a CSV file; null when the user cancels. */
export async function pickCatalogueFile(): Promise<string | null> {
  const { paths } = await invoke('files.pick', { purpose: 'import' });
  return paths[0] ?? null;
}
