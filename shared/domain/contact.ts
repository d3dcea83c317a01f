// Contacts and companies as they cross the contract: inputs (validated, normalised) and outputs.
// Imports zod only.
import { z } from 'zod';
import { CustomFilters, CustomInput, CustomOut, CustomSort } from './custom-record';
import { AmountMinor, Currency, DueDate } from './job';
import { Address, Birthday, Cursor, EmailEntry, Id, Limit, PhoneEntry, PhoneValue, Tag, Tags, Website, optionalText, searchQuery, text } from './fields';

export const ContactKind = z.enum(['customer', 'prospect', 'partner', 'supplier', 'other']);
export type ContactKind = z.infer<typeof ContactKind>;

/** Every editable contact field; all optional so create and update share it. */
export const ContactFields = z.strictObject({
  firstName: optionalText(100),
  lastName: optionalText(100),
  emails: z.array(EmailEntry).max(20, { message: 'At most 20 email addresses' }).optional(),
  phones: z.array(PhoneEntry).max(20, { message: 'At most 20 phone numbers' }).optional(),
  addresses: z.array(Address).max(10, { message: 'At most 10 addresses' }).optional(),
  jobTitle: optionalText(100),
  companyId: Id.nullable().optional(),
  website: Website,
  birthday: Birthday,
  tags: Tags.optional(),
  notes: optionalText(20_000),
  kind: ContactKind.optional(),
  leadSource: optionalText(100),
  emailOptIn: z.boolean().optional(),
  /** The user's own fields (issue #19), by key; checked against their definitions in main. */
  custom: CustomInput.optional(),
});

const NEEDS_A_NAME = 'Enter a first name, a last name or a company';

export const ContactCreate = ContactFields.refine((c) => !!(c.firstName || c.lastName || c.companyId), {
  message: NEEDS_A_NAME,
  path: ['firstName'],
});
export const ContactUpdate = ContactFields.extend({ id: Id });
export { NEEDS_A_NAME };

// Outputs are made by main from its own rows: their schemas check shape and types on the way out;
// format checks (uuid, ISO dates) guard untrusted input and would cost a list page ~0.2 ms each time.
const OutId = z.string();
const OutTime = z.string();
const AddressOut = z.object({ label: z.string().optional(), street: z.string().optional(), city: z.string().optional(), region: z.string().optional(), postcode: z.string().optional(), country: z.string().optional() });

export const Contact = z.object({
  id: OutId,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  displayName: z.string(),
  emails: z.array(z.object({ value: z.string(), label: z.string().optional() })),
  phones: z.array(z.object({ value: z.string(), label: z.string().optional() })),
  addresses: z.array(AddressOut),
  jobTitle: z.string().nullable(),
  companyId: OutId.nullable(),
  companyName: z.string().nullable(),
  website: z.string().nullable(),
  birthday: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  kind: ContactKind,
  leadSource: z.string().nullable(),
  emailOptIn: z.boolean(),
  /** Last call, email, meeting or letter (not notes, not calls that never connected); null if never. */
  lastContactedAt: OutTime.nullable(),
  /** Due time of the earliest open follow-up, if any. */
  nextTaskDueAt: OutTime.nullable(),
  /** Custom field values by key (issue #19). */
  custom: CustomOut,
  createdAt: OutTime,
  updatedAt: OutTime,
  deletedAt: OutTime.nullable(),
});
export type Contact = z.infer<typeof Contact>;

const Place = text().trim().min(1, { message: 'Enter a place' }).max(100, { message: 'Must be at most 100 characters' });
/** The filters saved segments add (reports feature); with none of them set, contacts.list runs exactly as before. */
export const SegmentFilterFields = {
  /** Any address of the contact is in this city / region (case-insensitive, whole name). */
  city: Place.optional(),
  region: Place.optional(),
  leadSource: text().trim().min(1, { message: 'Enter a lead source' }).max(100).optional(),
  /** Last contacted before this day (never-contacted people included) / on or after it. */
  lastContactedBefore: DueDate.optional(),
  lastContactedAfter: DueDate.optional(),
  /** Has (true) or has no (false) job that is neither paid nor lost. */
  hasOpenJobs: z.boolean().optional(),
  /** Paid revenue to date, in revenueCurrency (default: the default currency): strictly above / below. */
  revenueAboveMinor: AmountMinor.optional(),
  revenueBelowMinor: AmountMinor.optional(),
  revenueCurrency: Currency.optional(),
  emailOptIn: z.boolean().optional(),
  /** Conditions on custom fields (issue #19), all of which must hold. */
  custom: CustomFilters.optional(),
};

export const ContactSort = z.enum(['name', 'lastName', 'createdAt', 'updatedAt', 'lastContacted', 'deletedAt']);
export type ContactSort = z.infer<typeof ContactSort>;

export const ContactListInput = z.strictObject({
  query: searchQuery(200).optional(),
  tag: Tag.optional(),
  kind: ContactKind.optional(),
  companyId: Id.optional(),
  /** Customer drift: not contacted in the last N days (never-contacted people included). */
  notContactedForDays: z.number().int().min(1).max(3650).optional(),
  /** Only people with a follow-up that is past due. */
  hasOverdueTask: z.boolean().optional(),
  ...SegmentFilterFields,
  /** true lists the Trash instead of live contacts. */
  trashed: z.boolean().default(false),
  sort: ContactSort.optional(),
  /** Sorts by a custom field instead of `sort` (issue #19). */
  sortCustom: CustomSort.optional(),
  limit: Limit,
  cursor: Cursor,
});

export const Company = z.object({
  id: OutId,
  name: z.string(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  address: AddressOut.nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  contactCount: z.number().int(),
  custom: CustomOut,
  createdAt: OutTime,
  updatedAt: OutTime,
  deletedAt: OutTime.nullable(),
});
export type Company = z.infer<typeof Company>;

export const CompanyFields = z.strictObject({
  name: text().trim().min(1, { message: 'Enter the company name' }).max(200, { message: 'Must be at most 200 characters' }),
  website: Website,
  phone: z.union([z.literal('').transform(() => null), PhoneValue]).nullable().optional(),
  address: Address.nullable().optional(),
  notes: optionalText(20_000),
  tags: Tags.optional(),
  custom: CustomInput.optional(),
});
export const CompanyCreate = CompanyFields;
export const CompanyUpdate = CompanyFields.partial().extend({ id: Id });

export const CompanySort = z.enum(['name', 'createdAt', 'updatedAt', 'deletedAt']);
export const CompanyListInput = z.strictObject({
  query: searchQuery(200).optional(),
  tag: Tag.optional(),
  trashed: z.boolean().default(false),
  sort: CompanySort.optional(),
  custom: CustomFilters.optional(),
  sortCustom: CustomSort.optional(),
  limit: Limit,
  cursor: Cursor,
});

export const SearchHitType = z.enum(['contact', 'company', 'activity', 'task', 'job', 'appointment', 'document', 'case']);
export const SearchHit = z.object({
  type: SearchHitType,
  id: OutId,
  title: z.string(),
  subtitle: z.string().optional(),
  /** For activities, follow-ups and jobs: the person they belong to, whose page shows them. */
  contactId: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;
