// What the company form edits and how it becomes contract input: an all-blank address means "no address".
// Custom values are held as the wire has them; the save sends what the fields feature's customInput picks.
import type { z } from 'zod';
import type { Company, CompanyFields } from '../../../../shared/domain/contact';
import type { CustomValues } from '../../../../shared/domain/custom-fields';
import { type AddressValues, compactAddress, emptyAddress } from '../../ui/address-values';

export interface CompanyFormValues {
  name: string;
  website: string;
  phone: string;
  address: AddressValues;
  tags: string[];
  notes: string;
  /** The user's own fields (issue #19), by key. */
  custom: CustomValues;
}

export type CompanyFieldsInput = z.input<typeof CompanyFields>;

export function emptyCompanyValues(): CompanyFormValues {
  return { name: '', website: '', phone: '', address: emptyAddress(), tags: [], notes: '', custom: {} };
}

export function companyToValues(company: Company): CompanyFormValues {
  return {
    name: company.name,
    website: company.website ?? '',
    phone: company.phone ?? '',
    address: { ...emptyAddress(), ...company.address },
    tags: company.tags,
    notes: company.notes ?? '',
    custom: { ...company.custom },
  };
}

/** The contract input; `custom` only when given and not empty. */
export function companyValuesToInput(values: CompanyFormValues, custom?: CustomValues): CompanyFieldsInput {
  const { custom: _held, ...fields } = values;
  const address = compactAddress(values.address);
  return { ...fields, address: Object.keys(address).length > 0 ? address : null, ...(custom && Object.keys(custom).length > 0 ? { custom } : {}) };
}
