// What other features may embed from the catalogue: the product picker of the quote builder and the tax-rate picker.
export { ProductPicker, type PickedProduct } from './ProductPicker';
export { TaxRatePicker } from './TaxRatePicker';
