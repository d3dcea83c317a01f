// The merge grid's logic (issue #20): only fields that differ are offered as choices (the same ones shown once),
// the default survivor, each field's default source (the survivor's value, else the newest non-empty), the user's
// picks, what is united, the most restrictive opt-in, the resulting name, and the input sent to contacts.merge.
import { describe, expect, it } from 'vitest';
import type { Company, Contact } from '../../shared/domain/contact';
import { MergeInput } from '../../shared/domain/merge';
import {
  buildMergeInput,
  columnTitles,
  defaultSource,
  defaultSurvivor,
  gridRows,
  mergedOptIn,
  notesCount,
  resultName,
  summaryText,
  unitedRows,
  valueKey,
} from '../../renderer/src/features/merges/merge-grid';

const BOB = '0190a3c4-5b6d-7e8f-9a0b-000000000001';
const ROBERT = '0190a3c4-5b6d-7e8f-9a0b-000000000002';
const ROB = '0190a3c4-5b6d-7e8f-9a0b-000000000003';

function person(over: Partial<Contact> & { id: string }): Contact {
  return {
    firstName: null,
    lastName: null,
    displayName: '',
    emails: [],
    phones: [],
    addresses: [],
    jobTitle: null,
    companyId: null,
    companyName: null,
    website: null,
    birthday: null,
    tags: [],
    notes: null,
    kind: 'customer',
    leadSource: null,
    emailOptIn: true,
    lastContactedAt: null,
    nextTaskDueAt: null,
    custom: {},
    createdAt: '2024-01-01T10:00:00.000Z',
    updatedAt: '2024-01-01T10:00:00.000Z',
    deletedAt: null,
    ...over,
  };
}

const bob = person({
  id: BOB,
  firstName: 'Bob',
  lastName: 'Smith',
  displayName: 'Bob Smith',
  emails: [{ value: 'bob@smith.example' }],
  phones: [{ value: '07700 900123', label: 'mobile' }],
  addresses: [{ street: '1 high st ', city: 'LEEDS' }],
  jobTitle: 'Plumber',
  tags: ['vip', 'Leeds'],
  notes: 'Prefers mornings',
  createdAt: '2023-05-01T09:00:00.000Z',
  updatedAt: '2024-02-01T09:00:00.000Z',
  custom: { gateCode: '1234' },
});
const robert = person({
  id: ROBERT,
  firstName: 'Robert',
  lastName: 'Smith-Jones',
  displayName: 'Robert Smith-Jones',
  emails: [{ value: 'Bob@Smith.example' }, { value: 'robert@work.example' }],
  phones: [{ value: '+44 7700 900123' }, { value: '0113 496 0000', label: 'work' }],
  addresses: [{ street: '1 High St', city: 'Leeds' }],
  jobTitle: 'Plumber',
  website: 'smith.example',
  tags: ['VIP', 'plumbing'],
  notes: 'Has a dog',
  emailOptIn: false,
  createdAt: '2024-03-01T09:00:00.000Z',
  updatedAt: '2024-03-02T09:00:00.000Z',
  custom: { gateCode: '9999', dog: 'Rex' },
});

describe('merge grid rows', () => {
  it('offers a choice only where the records differ, shows the same values once, and leaves out fields empty everywhere', () => {
    const rows = gridRows('contact', [bob, robert], { customFields: [{ key: 'gateCode', label: 'Gate code' }] });
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(rows.map((r) => r.field)).toEqual(['firstName', 'lastName', 'jobTitle', 'website', 'kind', 'custom.gateCode']);
    expect(byField.jobTitle?.same).toBe(true);
    expect(byField.kind?.same).toBe(true);
    expect(byField.firstName?.same).toBe(false);
    // One record empty, the other filled: that differs (keeping the value is a choice).
    expect(byField.website?.same).toBe(false);
    expect(byField['custom.gateCode']?.label).toBe('Gate code');
    // A value of a field no definition names (deleted since) cannot be chosen: it is left out.
    expect(byField['custom.dog']).toBeUndefined();
    expect(byField.birthday).toBeUndefined();
  });

  it('compares values as people read them: spaces around text and empty address parts do not make a difference', () => {
    expect(valueKey(' Plumber ')).toBe(valueKey('Plumber'));
    expect(valueKey('')).toBe(valueKey(null));
    expect(valueKey({ city: 'Leeds', street: '' })).toBe(valueKey({ city: 'Leeds' }));
    expect(valueKey('plumber')).not.toBe(valueKey('Plumber'));
    expect(valueKey(false)).not.toBe(valueKey(null));
  });

  it('shows the company by name and the kind by its label', () => {
    const a = person({ id: BOB, companyId: ROB, companyName: 'Stone Joinery', kind: 'customer' });
    const b = person({ id: ROBERT, kind: 'supplier' });
    const rows = gridRows('contact', [a, b], { kindLabel: (k) => (k === 'supplier' ? 'Supplier' : 'Customer') });
    expect(rows.find((r) => r.field === 'companyId')?.cells.map((c) => c.text)).toEqual(['Stone Joinery', '']);
    expect(rows.find((r) => r.field === 'kind')?.cells.map((c) => c.text)).toEqual(['Customer', 'Supplier']);
  });
});

describe('defaults', () => {
  it('keeps the oldest contact; for companies the one with the most people, then the oldest', () => {
    expect(defaultSurvivor('contact', [robert, bob])).toBe(BOB);
    const company = (id: string, contactCount: number, createdAt: string): Company => ({
      id, name: 'Acme', website: null, phone: null, address: null, notes: null, tags: [], contactCount, custom: {}, createdAt, updatedAt: createdAt, deletedAt: null,
    });
    expect(defaultSurvivor('company', [company(BOB, 1, '2020-01-01T00:00:00Z'), company(ROBERT, 5, '2024-01-01T00:00:00Z')])).toBe(ROBERT);
    expect(defaultSurvivor('company', [company(BOB, 2, '2024-01-01T00:00:00Z'), company(ROBERT, 2, '2020-01-01T00:00:00Z')])).toBe(ROBERT);
    // A tie on everything: the first.
    expect(defaultSurvivor('contact', [person({ id: ROB }), person({ id: BOB })])).toBe(ROB);
  });

  it("takes the survivor's value, or when it has none the most recently updated record's", () => {
    const third = person({ id: ROB, website: 'old.example', updatedAt: '2020-01-01T00:00:00.000Z' });
    const records = [bob, robert, third];
    const rows = gridRows('contact', records);
    const website = rows.find((r) => r.field === 'website')!;
    const first = rows.find((r) => r.field === 'firstName')!;
    expect(defaultSource(first, records, BOB)).toBe(BOB);
    // Bob has no website: Robert's is newer than the third record's.
    expect(defaultSource(website, records, BOB)).toBe(ROBERT);
  });
});

describe('the merge input', () => {
  it('names the source of every differing field (defaults and picks), none of the same ones, and passes the contract', () => {
    const records = [bob, robert];
    const rows = gridRows('contact', records, { customFields: [{ key: 'gateCode', label: 'Gate code' }] });
    const input = buildMergeInput(records, BOB, rows, { lastName: ROBERT, 'custom.gateCode': ROBERT });
    expect(input).toEqual({
      ids: [BOB, ROBERT],
      keep: BOB,
      fields: { firstName: BOB, lastName: ROBERT, website: ROBERT, 'custom.gateCode': ROBERT },
    });
    expect(MergeInput.safeParse(input).success).toBe(true);
    expect(resultName('contact', records, rows, { lastName: ROBERT }, BOB)).toBe('Bob Smith-Jones');
    expect(summaryText('contact', 2, 'Bob Smith-Jones')).toBe(
      'Merge 2 contacts into Bob Smith-Jones. Their activities, follow-ups, jobs, appointments and documents move to Bob Smith-Jones. You can undo this.',
    );
  });

  it('follows the survivor for fields the user did not pick, and ignores a pick for a record not in the merge', () => {
    const records = [bob, robert];
    const rows = gridRows('contact', records);
    const input = buildMergeInput(records, ROBERT, rows, { firstName: ROB });
    expect(input.keep).toBe(ROBERT);
    expect(input.fields).toMatchObject({ firstName: ROBERT, lastName: ROBERT });
    expect(resultName('contact', records, rows, {}, ROBERT)).toBe('Robert Smith-Jones');
  });
});

describe('united, appended and the most restrictive', () => {
  it('unites emails (case aside), phones (the same digits once), addresses (spacing and case aside) and tags, as main does', () => {
    const united = Object.fromEntries(unitedRows('contact', [bob, robert]).map((r) => [r.field, r.items]));
    expect(united).toEqual({
      emails: ['bob@smith.example', 'robert@work.example'],
      // Without a country main cannot tell 07700… is +44 7700…: both stay, and the preview says so.
      phones: ['07700 900123', '+44 7700 900123', '0113 496 0000'],
      addresses: ['1 high st, LEEDS'],
      tags: ['vip', 'Leeds', 'plumbing'],
    });
  });

  it('appends notes and takes No for email opt-in when any record says No', () => {
    expect(notesCount([bob, robert])).toBe(2);
    expect(mergedOptIn([bob, robert])).toBe(false);
    expect(mergedOptIn([bob, person({ id: ROB })])).toBe(true);
  });

  it('tells records with the same name apart in the column titles', () => {
    expect(columnTitles([bob, { ...robert, displayName: 'Bob Smith' }, person({ id: ROB, displayName: 'Rob' })])).toEqual(['Bob Smith (1)', 'Bob Smith (2)', 'Rob']);
  });
});
