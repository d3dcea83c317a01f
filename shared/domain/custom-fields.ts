// Custom fields (issue #19): the user's own fields on contacts, companies and jobs. Their definitions, the values
// they hold and the filters a list can apply, as zod schemas both sides use. Imports zod and shared/domain only.
import { z } from 'zod';
import { Id, text } from './fields';
import { CustomFilter, CustomValue, type CustomValues } from './custom-record';
import { Currency } from './job';

/** The record kinds that carry custom fields ('case' and 'quote' join when those domains exist). */
export const FIELD_RECORD_TYPES = ['contact', 'company', 'job'] as const;
export const FieldRecordType = z.enum(FIELD_RECORD_TYPES, { message: 'Choose contact, company or job' });
export type FieldRecordType = z.infer<typeof FieldRecordType>;

export const FIELD_TYPES = [
  'text', 'longText', 'number', 'money', 'date', 'dateTime', 'boolean', 'choice', 'choices', 'url', 'email', 'phone', 'contactLink', 'companyLink',
] as const;
export const FieldType = z.enum(FIELD_TYPES, { message: 'Choose a field type' });
export type FieldType = z.infer<typeof FieldType>;

/** Words for each type, the same in the settings panel and in messages. */
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text', longText: 'Long text', number: 'Number', money: 'Money', date: 'Date', dateTime: 'Date and time', boolean: 'Yes/no',
  choice: 'One choice', choices: 'Several choices', url: 'Web address', email: 'Email', phone: 'Phone', contactLink: 'Link to a contact',
  companyLink: 'Link to a company',
};

/** Types whose values are words: searched by search.global, compared by `contains`, sorted by their folded text. */
export const TEXT_LIKE_TYPES: ReadonlySet<FieldType> = new Set(['text', 'longText', 'url', 'email', 'phone']);
/** Types stored (and sorted, and ranged) as numbers. */
export const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['number', 'money', 'boolean']);
export const CHOICE_TYPES: ReadonlySet<FieldType> = new Set(['choice', 'choices']);
/** Types a range filter applies to. */
export const RANGE_TYPES: ReadonlySet<FieldType> = new Set(['number', 'money', 'date', 'dateTime']);

/**
 * One option of a choice field. Values store the option's id, so renaming an option keeps every value; a removed
 * option is archived rather than dropped, so the records that chose it still show it (nothing is lost).
 */
export const FieldOption = z.object({ id: z.string(), label: z.string(), archived: z.boolean() });
export type FieldOption = z.infer<typeof FieldOption>;

/** The value and filter shapes live in custom-record.ts (the record schemas use them); re-exported here. */
export { CustomFilter, CustomValue, type CustomValues };

export const FieldDefinition = z.object({
  id: z.string(),
  recordType: FieldRecordType,
  /** A camelCase slug made from the label at creation; it never changes, so merge fields and exports stay valid. */
  key: z.string(),
  label: z.string(),
  type: FieldType,
  /** Money fields only: the ISO 4217 code every value of this field is in. */
  currency: z.string().nullable(),
  required: z.boolean(),
  defaultValue: CustomValue,
  help: z.string().nullable(),
  section: z.string().nullable(),
  position: z.number().int(),
  options: z.array(FieldOption),
  archived: z.boolean(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** How many records hold a value (what a delete sends to Trash with the field). */
  valueCount: z.number().int(),
});
export type FieldDefinition = z.infer<typeof FieldDefinition>;

/** The parts of a definition the value checks need (so forms can pass what they have). */
export type FieldShape = Pick<FieldDefinition, 'key' | 'label' | 'type' | 'required' | 'options' | 'currency'> & Partial<Pick<FieldDefinition, 'archived' | 'defaultValue'>>;

const FieldLabel = text().trim().min(1, { message: 'Give the field a name' }).max(60, { message: 'Enter at most 60 characters' });
const OptionLabel = text().trim().min(1, { message: 'Name the choice' }).max(80, { message: 'Enter at most 80 characters' });
const Help = text().trim().max(300, { message: 'Enter at most 300 characters' }).transform((s) => (s === '' ? null : s)).nullable();
const Section = text().trim().max(60, { message: 'Enter at most 60 characters' }).transform((s) => (s === '' ? null : s)).nullable();

/** Options as the editor sends them: with an id, an existing option (renamed); without, a new one. */
const OptionsInput = z
  .array(z.strictObject({ id: text().max(40).optional(), label: OptionLabel }))
  .max(200, { message: 'A field can have at most 200 choices' })
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      const folded = o.label.toLocaleLowerCase('en');
      if (seen.has(folded)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `"${o.label}" is listed twice` });
      seen.add(folded);
    });
  });

export const FieldCreate = z.strictObject({
  recordType: FieldRecordType,
  label: FieldLabel,
  type: FieldType,
  currency: Currency.optional(),
  required: z.boolean().default(false),
  /** Checked against the field's own rules by the service (the same checks a record's value gets). */
  defaultValue: CustomValue.optional(),
  help: Help.optional(),
  section: Section.optional(),
  options: OptionsInput.optional(),
});
export type FieldCreate = z.input<typeof FieldCreate>;

export const FieldUpdate = z.strictObject({
  id: Id,
  label: FieldLabel.optional(),
  required: z.boolean().optional(),
  defaultValue: CustomValue.optional(),
  help: Help.optional(),
  section: Section.optional(),
  /** The whole list in order: listed ones are kept or renamed, new ones added, unlisted ones archived. */
  options: OptionsInput.optional(),
  /** A new type: without `confirm` nothing changes and the answer previews the conversion. */
  type: FieldType.optional(),
  currency: Currency.optional(),
  confirm: z.boolean().default(false),
});
export type FieldUpdate = z.input<typeof FieldUpdate>;

/** What a type change does to the values already held. */
export const FieldConversion = z.object({
  converted: z.number().int(),
  failed: z.array(z.object({ recordId: z.string(), value: z.string() })),
  /** When some values could not be converted: the archived text field they were kept in (after confirm). */
  keptIn: z.object({ id: z.string(), label: z.string() }).nullable(),
});
export type FieldConversion = z.infer<typeof FieldConversion>;

export const FieldUpdateResult = z.object({
  field: FieldDefinition,
  /** Null when the type did not change. */
  conversion: FieldConversion.nullable(),
  /** False for a type-change preview: nothing was changed. */
  applied: z.boolean(),
});

export const FieldListInput = z.strictObject({
  recordType: FieldRecordType,
  includeArchived: z.boolean().default(false),
  /** The fields in Trash instead (deleted with their values, restorable). */
  trashed: z.boolean().default(false),
});

export const FieldArchive = z.strictObject({ id: Id, archived: z.boolean() });
export const FieldReorder = z.strictObject({ recordType: FieldRecordType, ids: z.array(Id).min(1).max(500) });

/**
 * The stable key made from a label: "Gate code" -> "gateCode", "VAT number" -> "vatNumber", "Émile's #2" -> "emilesNo2"
 * style camelCase of the ASCII letters and digits; "field" when nothing is left, and never starting with a digit.
 */
export function keyFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const key = words
    .map((w, i) => {
      const lower = w === w.toUpperCase() ? w.toLowerCase() : w.charAt(0).toLowerCase() + w.slice(1);
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('')
    .slice(0, 60);
  if (key === '') return 'field';
  return /^\d/.test(key) ? `field${key}` : key;
}

export { customValuesSchema, checkCustomValue, type ValueCheck } from './custom-values';
