// Channel names of the catalogue (issue #23; zod-free: the preload's allow-list imports it). See channels.ts.
export const PRODUCTS_CHANNELS = [
  'products.list',
  'products.get',
  'products.create',
  'products.update',
  'products.delete',
  'products.importCsv',
  'products.exportCsv',
  'taxRates.list',
  'taxRates.create',
  'taxRates.update',
  'taxRates.delete',
] as const;

export type ProductsChannel = (typeof PRODUCTS_CHANNELS)[number];
