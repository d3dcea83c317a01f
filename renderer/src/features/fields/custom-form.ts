// How a record form holds its custom values (issue #19): defaults on a new record, what a save sends (on update only
// the values the user changed, never an archived field's), and the contract's own checks as the form's errors.
// Pure functions, so the contact, company and job forms share them and tests can call them without a window.
import { customValuesSchema, type CustomValue, type CustomValues, type FieldDefinition } from '../../../../shared/domain/custom-fields';

/** The fields a form shows and sends: neither archived nor in Trash, in form order as main gives them. */
export const liveFields = (definitions: readonly FieldDefinition[]) => definitions.filter((d) => !d.archived && !d.deletedAt);

/** A new record's starting values: each live field's default. */
export function customDefaults(definitions: readonly FieldDefinition[]): CustomValues {
  const values: CustomValues = {};
  for (const d of liveFields(definitions)) if (d.defaultValue !== null) values[d.key] = d.defaultValue;
  return values;
}

const isEmpty = (value: CustomValue | undefined) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The values with one changed; an emptied value is dropped, so typing and deleting leaves the form as it was. */
export function withCustomValue(values: CustomValues, key: string, value: CustomValue): CustomValues {
  const next = { ...values };
  if (isEmpty(value)) delete next[key];
  else next[key] = value;
  return next;
}

function sameValue(a: CustomValue | undefined, b: CustomValue | undefined): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * The record's `custom` input. A new record (no baseline) sends every live field, null for an empty one (so a
 * cleared default stays cleared); an existing one sends only the live fields changed since `baseline`, so archived
 * fields and untouched values are never sent, and never cleared.
 */
export function customInput(definitions: readonly FieldDefinition[], values: CustomValues, baseline: CustomValues | null): CustomValues {
  const input: CustomValues = {};
  for (const d of liveFields(definitions)) {
    if (baseline && sameValue(values[d.key], baseline[d.key])) continue;
    input[d.key] = isEmpty(values[d.key]) ? null : values[d.key]!;
  }
  return input;
}

/** The checks main makes (customValuesSchema), as form errors on `custom.<key>`, where main's issues land too. */
export function customErrors(definitions: readonly FieldDefinition[], input: CustomValues, options: { partial: boolean }): Record<string, string> {
  const result = customValuesSchema(liveFields(definitions), options).safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[`custom.${issue.path.map(String).join('.')}`] ??= issue.message;
  return errors;
}

/** A form's errors on its custom inputs, by field key (what CustomFieldInputs takes). */
export function customErrorsByKey(errors: Record<string, unknown>): Record<string, string> {
  const byKey: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith('custom.') && typeof message === 'string') byKey[path.slice('custom.'.length)] = message;
  }
  return byKey;
}

/**
 * Whether the form shows an error at `path` next to an input: a built-in field it holds, or a live custom field. An
 * issue on anything else (an archived field, say) must be notified instead, or the save would fail in silence.
 */
export function formShowsError(definitions: readonly FieldDefinition[], values: object, path: string): boolean {
  if (!path.startsWith('custom.')) return path.split('.')[0]! in values;
  return liveFields(definitions).some((d) => path === `custom.${d.key}`);
}
