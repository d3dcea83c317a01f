// A postal address as the contact and company forms edit it (every part a plain string, easy to bind) and
// back to contract input with the blank parts left out. Pure; imports no feature.
import { isBlankText } from './form-errors';

export interface AddressValues {
  label: string;
  street: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
}

export const emptyAddress = (): AddressValues => ({ label: '', street: '', city: '', region: '', postcode: '', country: '' });

/** Only the parts that were filled in; `{}` for an all-blank address. */
export function compactAddress(address: AddressValues): Partial<AddressValues> {
  return Object.fromEntries(Object.entries(address).filter(([, v]) => !isBlankText(v)));
}
