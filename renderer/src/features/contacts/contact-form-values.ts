// What the contact form edits (plain strings, easy to bind) and how it becomes contract input and back.
// Blank email/phone/address rows are dropped rather than rejected: an empty row means "none". Custom values are held
// as the wire has them; which of them a save sends is the fields feature's call (customInput), passed in here.
import type { z } from 'zod';
import type { Contact, ContactFields, ContactKind } from '../../../../shared/domain/contact';
import type { CustomValues } from '../../../../shared/domain/custom-fields';
import { type AddressValues, compactAddress, emptyAddress } from '../../ui/address-values';
import { type RowMap, isBlankText, keepRows } from '../../ui/form-errors';

export interface LabelledValue {
  value: string;
  label: string;
}

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  emails: LabelledValue[];
  phones: LabelledValue[];
  addresses: AddressValues[];
  jobTitle: string;
  companyId: string | null;
  website: string;
  birthday: string;
  tags: string[];
  notes: string;
  kind: ContactKind;
  leadSource: string;
  emailOptIn: boolean;
  /** The user's own fields (issue #19), by key. */
  custom: CustomValues;
}

export type ContactFieldsInput = z.input<typeof ContactFields>;

export function emptyContactValues(companyId: string | null = null): ContactFormValues {
  return {
    firstName: '',
    lastName: '',
    emails: [{ value: '', label: '' }],
    phones: [{ value: '', label: '' }],
    addresses: [],
    jobTitle: '',
    companyId,
    website: '',
    birthday: '',
    tags: [],
    notes: '',
    kind: 'customer',
    leadSource: '',
    emailOptIn: false,
    custom: {},
  };
}

export function contactToValues(contact: Contact): ContactFormValues {
  return {
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    emails: contact.emails.map((e) => ({ value: e.value, label: e.label ?? '' })),
    phones: contact.phones.map((p) => ({ value: p.value, label: p.label ?? '' })),
    addresses: contact.addresses.map((a) => ({ ...emptyAddress(), ...a })),
    jobTitle: contact.jobTitle ?? '',
    companyId: contact.companyId,
    website: contact.website ?? '',
    birthday: contact.birthday ?? '',
    tags: contact.tags,
    notes: contact.notes ?? '',
    kind: contact.kind,
    leadSource: contact.leadSource ?? '',
    emailOptIn: contact.emailOptIn,
    custom: { ...contact.custom },
  };
}

const withLabel = (row: LabelledValue) => (isBlankText(row.label) ? { value: row.value } : { value: row.value, label: row.label });

/** Contract input plus the row map that leads error paths back to the rows on screen; `custom` only when given. */
export function valuesToInput(values: ContactFormValues, custom?: CustomValues): { input: ContactFieldsInput; rows: RowMap } {
  const rows: RowMap = {};
  const { custom: _held, ...fields } = values;
  const input: ContactFieldsInput = {
    ...fields,
    ...(custom && Object.keys(custom).length > 0 ? { custom } : {}),
    emails: keepRows('emails', values.emails, (r) => isBlankText(r.value) && isBlankText(r.label), rows).map(withLabel),
    phones: keepRows('phones', values.phones, (r) => isBlankText(r.value) && isBlankText(r.label), rows).map(withLabel),
    addresses: keepRows('addresses', values.addresses, (a) => Object.values(a).every(isBlankText), rows).map(compactAddress),
  };
  return { input, rows };
}
