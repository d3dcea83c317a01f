// Shared wording for contact kinds and sorts, so filters, forms and rows say the same thing.
import { ContactKind } from '../../../../shared/domain/contact';

export const KIND_LABELS: Record<ContactKind, string> = {
  customer: 'Customer',
  prospect: 'Prospect',
  partner: 'Partner',
  supplier: 'Supplier',
  other: 'Other',
};

export const KIND_OPTIONS = ContactKind.options.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

export const CONTACT_SORT_OPTIONS = [
  { value: 'name', label: 'Name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'updatedAt', label: 'Recently updated' },
  { value: 'createdAt', label: 'Recently added' },
  { value: 'lastContacted', label: 'Last contacted' },
] as const;

export const DRIFT_OPTIONS = [30, 60, 90, 180, 365].map((days) => ({ value: String(days), label: `No contact for ${days}+ days` }));

export type ContactListSort = (typeof CONTACT_SORT_OPTIONS)[number]['value'];
