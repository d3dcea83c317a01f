// Contract cases for products' channels (issue #23; see channels.test.ts). Placeholder: every channel must get a real
// valid call and invalid ones naming their field before the slice lands.
import type { ProductsChannel } from '../../shared/ipc/products.channels';
import { PRODUCTS_CHANNELS } from '../../shared/ipc/products.channels';
import type { Case, FeatureCases } from './cases';

export const productsCases: FeatureCases<ProductsChannel> = {
  cases: Object.fromEntries(PRODUCTS_CHANNELS.map((c) => [c, { valid: () => ({}), invalid: [] } as Case])) as unknown as Record<ProductsChannel, Case>,
};
