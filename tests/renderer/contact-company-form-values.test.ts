// The contact and company forms' values and their contract input: blank rows and address parts are dropped (an
// empty row means "none"), the row map leads error paths back to the rows on screen, and a record loads back.
import { describe, expect, it } from 'vitest';
import { CompanyCreate, ContactCreate, type Company, type Contact } from '../../shared/domain/contact';
import { companyToValues, companyValuesToInput, emptyCompanyValues } from '../../renderer/src/features/companies/company-form-values';
import { contactToValues, emptyContactValues, valuesToInput } from '../../renderer/src/features/contacts/contact-form-values';
import { emptyAddress } from '../../renderer/src/ui/address-values';
import { remapPath } from '../../renderer/src/ui/form-errors';

const COMPANY_ID = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';

const contact: Contact = {
  id: 'c1',
  firstName: 'Maya',
  lastName: 'Jones',
  displayName: 'Maya Jones',
  emails: [{ value: 'maya@example.com', label: 'work' }, { value: 'maya@home.example' }],
  phones: [],
  addresses: [{ city: 'Leeds', country: 'UK' }],
  jobTitle: null,
  companyId: COMPANY_ID,
  companyName: 'Acme',
  website: null,
  birthday: '1990-02-03',
  tags: ['vip'],
  notes: null,
  kind: 'customer',
  leadSource: 'Referral',
  emailOptIn: true,
  lastContactedAt: null,
  nextTaskDueAt: null,
  custom: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
};

describe('contact form values', () => {
  it('starts empty with one blank email and phone row, and the given company', () => {
    const values = emptyContactValues(COMPANY_ID);
    expect(values.emails).toEqual([{ value: '', label: '' }]);
    expect(values.phones).toEqual([{ value: '', label: '' }]);
    expect(values.addresses).toEqual([]);
    expect([values.companyId, values.kind, values.emailOptIn]).toEqual([COMPANY_ID, 'customer', false]);
  });

  it('loads a contact with every missing text as an empty string', () => {
    const values = contactToValues(contact);
    expect(values.emails).toEqual([
      { value: 'maya@example.com', label: 'work' },
      { value: 'maya@home.example', label: '' },
    ]);
    expect(values.addresses).toEqual([{ ...emptyAddress(), city: 'Leeds', country: 'UK' }]);
    expect([values.jobTitle, values.website, values.notes, values.leadSource]).toEqual(['', '', '', 'Referral']);
  });

  it('drops blank rows and blank labels, and maps the kept rows back to the rows on screen', () => {
    const values = {
      ...emptyContactValues(),
      firstName: 'Maya',
      emails: [{ value: '', label: '' }, { value: 'maya@example.com', label: ' ' }, { value: 'm@x.example', label: 'work' }],
      phones: [{ value: '  ', label: '' }],
      addresses: [{ ...emptyAddress(), label: 'Home', city: 'Leeds', street: ' ' }, emptyAddress()],
    };
    const { input, rows } = valuesToInput(values);
    expect(input.emails).toEqual([{ value: 'maya@example.com' }, { value: 'm@x.example', label: 'work' }]);
    expect(input.phones).toEqual([]);
    expect(input.addresses).toEqual([{ label: 'Home', city: 'Leeds' }]);
    expect(rows).toEqual({ emails: [1, 2], phones: [], addresses: [0] });
    // "emails.1.value" from the schema is the third row on screen.
    expect(remapPath('emails.1.value', rows)).toBe('emails.2.value');
    expect(ContactCreate.safeParse(input).success).toBe(true);
  });

  it('round-trips a loaded contact into input the contract accepts', () => {
    const { input } = valuesToInput(contactToValues(contact));
    expect(input.emails).toEqual(contact.emails);
    expect(input.addresses).toEqual(contact.addresses);
    expect(ContactCreate.safeParse(input).success).toBe(true);
  });
});

const company: Company = {
  id: 'co1',
  name: 'Acme',
  website: 'https://acme.example',
  phone: null,
  address: { city: 'York' },
  notes: null,
  tags: [],
  contactCount: 2,
  custom: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
};

describe('company form values', () => {
  it('loads a company with a full set of address fields', () => {
    const values = companyToValues(company);
    expect(values.address).toEqual({ ...emptyAddress(), city: 'York' });
    expect([values.website, values.phone, values.notes]).toEqual(['https://acme.example', '', '']);
  });

  it('sends only the filled address parts, and no address at all when every part is blank', () => {
    expect(companyValuesToInput(companyToValues(company)).address).toEqual({ city: 'York' });
    const blank = companyValuesToInput({ ...emptyCompanyValues(), name: 'Acme', address: { ...emptyAddress(), city: '  ' } });
    expect(blank.address).toBeNull();
    expect(CompanyCreate.safeParse(blank).success).toBe(true);
  });
});
