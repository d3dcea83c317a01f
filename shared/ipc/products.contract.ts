// The catalogue's part of the contract (issue #23): products and services, and tax rates as data.
// contract.ts spreads this in. Imports zod and shared/ only.
import { z } from 'zod';
import { ExportResult, Product, ProductFields, ProductImport, ProductImportReport, ProductList, ProductListInput, ProductUpdate, TaxRate, TaxRateFields, TaxRateList, TaxRateListInput, TaxRateUpdate } from '../domain/product';
import type { ProductsChannel } from './products.channels';
import { ById, Empty } from './shapes';

const Ok = z.object({ ok: z.literal(true) });

export const productsContract = {
  'products.list': { input: ProductListInput, output: ProductList },
  'products.get': { input: ById, output: Product },
  'products.create': { input: ProductFields, output: Product },
  'products.update': { input: ProductUpdate, output: Product },
  /** Only a product no quote or invoice line came from; a used one is made inactive instead (the app says so). */
  'products.delete': { input: ById, output: Ok },
  /** A picked CSV: rows matched by code are updated, others added; a dry run reports without writing. */
  'products.importCsv': { input: ProductImport, output: ProductImportReport },
  'products.exportCsv': { input: Empty, output: ExportResult },
  'taxRates.list': { input: TaxRateListInput, output: TaxRateList },
  'taxRates.create': { input: TaxRateFields, output: TaxRate },
  'taxRates.update': { input: TaxRateUpdate, output: TaxRate },
  /** Only a rate no line used; a used one is ended (validTo) or hidden instead. */
  'taxRates.delete': { input: ById, output: Ok },
} as const satisfies Record<ProductsChannel, { input: z.ZodType; output: z.ZodType }>;
