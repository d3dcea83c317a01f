// What the company form edits and how it becomes contract input: an all-blank address means "no address".
import type { z } from 'zod';
import type { Company, CompanyFields } from '../../../../shared/domain/contact';
import { type AddressValues, compactAddress, emptyAddress } from '../../ui/address-values';

export interface CompanyFormValues {
  name: string;
  website: string;
  phone: string;
  address: AddressValues;
  tags: string[];
  notes: string;
}

export type CompanyFieldsInput = z.input<typeof CompanyFields>;

export function emptyCompanyValues(): CompanyFormValues {
  return { name: '', website: '', phone: '', address: emptyAddress(), tags: [], notes: '' };
}

export function companyToValues(company: Company): CompanyFormValues {
  return {
    name: company.name,
    website: company.website ?? '',
    phone: company.phone ?? '',
    address: { ...emptyAddress(), ...company.address },
    tags: company.tags,
    notes: company.notes ?? '',
  };
}

export function companyValuesToInput(values: CompanyFormValues): CompanyFieldsInput {
  const address = compactAddress(values.address);
  return { ...values, address: Object.keys(address).length > 0 ? address : null };
}
