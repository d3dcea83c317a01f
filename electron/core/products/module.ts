// The catalogue's entry (issue #23): a handler map. The work: products.ts (records), tax-rates.ts, catalogue-csv.ts
// (import and export). SQL in db/products.repo.ts.
import type { ProductsChannel } from '../../../shared/ipc/products.channels';
import { AppError } from '../../../shared/ipc/errors';
import type { FeatureContext, FeatureModule } from '../modules';

const notYet = (): never => {
  throw new AppError('INTERNAL', 'This part of the catalogue is not built yet');
};

export function createProductsModule(_ctx: FeatureContext): FeatureModule<ProductsChannel> {
  return {
    handlers: {
      'products.list': notYet,
      'products.get': notYet,
      'products.create': notYet,
      'products.update': notYet,
      'products.delete': notYet,
      'products.importCsv': notYet,
      'products.exportCsv': notYet,
      'taxRates.list': notYet,
      'taxRates.create': notYet,
      'taxRates.update': notYet,
      'taxRates.delete': notYet,
    },
  };
}
