// The catalogue's entry (issue #23): a handler map. The work: products.ts (records), tax-rates.ts, catalogue-csv.ts
// (import and export). SQL in db/products.repo.ts.
import type { ProductsChannel } from '../../../shared/ipc/products.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createCatalogueCsv } from './catalogue-csv';
import { createProducts } from './products';
import { createTaxRates } from './tax-rates';

export function createProductsModule(ctx: FeatureContext): FeatureModule<ProductsChannel> {
  const products = createProducts(ctx);
  const taxRates = createTaxRates(ctx);
  const csv = createCatalogueCsv(ctx);
  return {
    handlers: {
      'products.list': (input) => products.list(input),
      'products.get': (input) => products.get(input.id),
      'products.create': (input) => products.create(input),
      'products.update': (input) => products.update(input),
      'products.delete': (input) => products.remove(input.id),
      'products.importCsv': (input) => csv.importCsv(input),
      'products.exportCsv': () => csv.exportCsv(),
      'taxRates.list': (input) => taxRates.list(input),
      'taxRates.create': (input) => taxRates.create(input),
      'taxRates.update': (input) => taxRates.update(input),
      'taxRates.delete': (input) => taxRates.remove(input.id),
    },
  };
}
