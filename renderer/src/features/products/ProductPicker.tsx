// Placeholder while issue #23's slice is built: choose a catalogue item for a quote line.
import type { Product } from '../../../../shared/domain/product';

export type PickedProduct = Product;

export function ProductPicker(_props: { currency: string; onPick: (product: PickedProduct) => void; label?: string }) {
  return null;
}
