// Placeholder while issue #23's slice is built: choose the tax rate of a line.
import type { TaxRate } from '../../../../shared/domain/product';

export function TaxRatePicker(_props: { value: string | null; onChange: (rate: TaxRate) => void; label?: string; error?: string }) {
  return null;
}
