// Conditions on the user's own fields (issue #19) as a list's filter form edits them: a draft of text boxes per
// condition, turned into the contract's CustomFilter (or why not yet), and the words a filter pill shows. Which
// conditions a field takes follows its type: words for text, ranges for numbers, money and dates, any-of for choices.
import { CHOICE_TYPES, TEXT_LIKE_TYPES, type CustomFilter, type FieldDefinition, type FieldType } from '../../../shared/domain/custom-fields';
import { formatMoney, minorToDecimal, parseMoney } from '../../../shared/domain/money';

export type CustomOp = CustomFilter['op'];

export interface CustomDraft {
  key: string;
  op: CustomOp;
  /** contains / equals (yes/no fields: 'yes' or 'no'). */
  text: string;
  /** between: either end may be left empty. */
  min: string;
  max: string;
  /** anyOf: option ids. */
  values: string[];
  /** A condition on a field that is no longer listed (archived or deleted): kept as it was until removed. */
  kept?: CustomFilter;
}

/** The conditions a type takes, the first being the one a new condition starts with. */
export function opsFor(type: FieldType): CustomOp[] {
  if (TEXT_LIKE_TYPES.has(type)) return ['contains', 'equals', 'empty', 'notEmpty'];
  if (type === 'number' || type === 'money' || type === 'date') return ['between', 'equals', 'empty', 'notEmpty'];
  if (type === 'dateTime') return ['between', 'empty', 'notEmpty'];
  if (type === 'boolean') return ['equals'];
  if (CHOICE_TYPES.has(type)) return ['anyOf', 'empty', 'notEmpty'];
  return ['notEmpty', 'empty'];
}

export const OP_LABELS: Record<CustomOp, string> = {
  contains: 'contains',
  equals: 'is',
  empty: 'is empty',
  notEmpty: 'is not empty',
  between: 'is between',
  anyOf: 'is any of',
};

export function newDraft(def: FieldDefinition): CustomDraft {
  return { key: def.key, op: opsFor(def.type)[0] ?? 'notEmpty', text: def.type === 'boolean' ? 'yes' : '', min: '', max: '', values: [] };
}

const currencyOf = (def: FieldDefinition) => def.currency ?? 'GBP';

/** A stored bound or value as the box shows it. */
function boxText(def: FieldDefinition, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' && def.type === 'money') return minorToDecimal(value, currencyOf(def));
  return String(value);
}

/** A list's condition back as a draft; `def` undefined when its field is not listed any more. */
export function fromFilter(def: FieldDefinition | undefined, filter: CustomFilter): CustomDraft {
  const draft: CustomDraft = { key: filter.key, op: filter.op, text: '', min: '', max: '', values: [] };
  if (!def) return { ...draft, kept: filter };
  if (filter.op === 'contains' || filter.op === 'equals') draft.text = boxText(def, filter.value);
  if (filter.op === 'between') {
    draft.min = boxText(def, filter.min);
    draft.max = boxText(def, filter.max);
  }
  if (filter.op === 'anyOf') draft.values = filter.values.map((v) => def.options.find((o) => o.id === v || o.label.toLocaleLowerCase('en') === v.toLocaleLowerCase('en'))?.id ?? v);
  return draft;
}

export type DraftResult = { ok: true; filter: CustomFilter } | { ok: false; error: string };

/** One value typed for a field, as the contract takes it (money in minor units). */
function typedValue(def: FieldDefinition, text: string): { ok: true; value: string | number | undefined } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (def.type === 'number') {
    const n = Number(t.replace(/,/g, ''));
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: `"${t}" is not a number` };
  }
  if (def.type === 'money') {
    const parsed = parseMoney(t, currencyOf(def));
    return parsed.ok ? { ok: true, value: parsed.minor ?? undefined } : { ok: false, error: parsed.error };
  }
  return { ok: true, value: t };
}

/** The draft as the contract's condition, or what is missing or wrong, in the app's words. */
export function toFilter(def: FieldDefinition | undefined, draft: CustomDraft): DraftResult {
  if (draft.kept) return { ok: true, filter: draft.kept };
  if (!def) return { ok: false, error: 'This field no longer exists' };
  const key = def.key;
  switch (draft.op) {
    case 'empty':
    case 'notEmpty':
      return { ok: true, filter: { key, op: draft.op } };
    case 'contains': {
      const value = draft.text.trim();
      return value ? { ok: true, filter: { key, op: 'contains', value } } : { ok: false, error: 'Enter the words to look for' };
    }
    case 'equals': {
      if (def.type === 'boolean') return { ok: true, filter: { key, op: 'equals', value: draft.text !== 'no' } };
      const typed = typedValue(def, draft.text);
      if (!typed.ok) return typed;
      return typed.value === undefined ? { ok: false, error: 'Enter a value' } : { ok: true, filter: { key, op: 'equals', value: typed.value } };
    }
    case 'between': {
      const min = typedValue(def, draft.min);
      if (!min.ok) return min;
      const max = typedValue(def, draft.max);
      if (!max.ok) return max;
      if (min.value === undefined && max.value === undefined) return { ok: false, error: 'Enter where the range starts, ends, or both' };
      // Numbers compare as numbers, ISO dates as their text.
      const reversed = typeof min.value === 'number' && typeof max.value === 'number' ? min.value > max.value : typeof min.value === 'string' && typeof max.value === 'string' && min.value > max.value;
      if (reversed) return { ok: false, error: 'The range ends before it starts' };
      return { ok: true, filter: { key, op: 'between', ...(min.value !== undefined ? { min: min.value } : {}), ...(max.value !== undefined ? { max: max.value } : {}) } };
    }
    case 'anyOf':
      return draft.values.length > 0 ? { ok: true, filter: { key, op: 'anyOf', values: draft.values } } : { ok: false, error: 'Choose at least one' };
  }
}

/** Drafts for the conditions applied now (one per condition, in order). */
export function draftsOf(definitions: readonly FieldDefinition[], filters: readonly CustomFilter[] | undefined): CustomDraft[] {
  return (filters ?? []).map((f) => fromFilter(definitions.find((d) => d.key === f.key), f));
}

/** The drafts as conditions, or null while one of them is unfinished or wrong (its row says why). */
export function filtersOf(definitions: readonly FieldDefinition[], drafts: readonly CustomDraft[]): CustomFilter[] | null {
  const out: CustomFilter[] = [];
  for (const draft of drafts) {
    const result = toFilter(definitions.find((d) => d.key === draft.key), draft);
    if (!result.ok) return null;
    out.push(result.filter);
  }
  return out;
}

/** A value or bound in words ("£12.50", "5 Mar 2026", "Kitchen"). */
function valueWords(def: FieldDefinition | undefined, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (!def) return String(value);
  if (typeof value === 'number') return def.type === 'money' ? formatMoney(value, currencyOf(def)) : value.toLocaleString();
  if ((def.type === 'date' || def.type === 'dateTime') && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });
  }
  if (CHOICE_TYPES.has(def.type)) return def.options.find((o) => o.id === value)?.label ?? value;
  return `“${value}”`;
}

/** What a filter pill says: "Gate code contains “4721”", "Budget from £100 to £500", "Colour is Red or Blue". */
export function describeFilter(def: FieldDefinition | undefined, filter: CustomFilter): string {
  const label = def?.label ?? filter.key;
  switch (filter.op) {
    case 'empty':
      return `${label} is empty`;
    case 'notEmpty':
      return `${label} is not empty`;
    case 'contains':
      return `${label} contains “${filter.value}”`;
    case 'equals':
      return typeof filter.value === 'boolean' ? `${label}: ${filter.value ? 'yes' : 'no'}` : `${label} is ${valueWords(def, filter.value)}`;
    case 'between': {
      const from = filter.min === undefined ? null : valueWords(def, filter.min);
      const to = filter.max === undefined ? null : valueWords(def, filter.max);
      if (from && to) return `${label} from ${from} to ${to}`;
      return from ? `${label} from ${from}` : `${label} up to ${to ?? ''}`;
    }
    case 'anyOf':
      return `${label} is ${filter.values.map((v) => valueWords(def, v)).join(' or ')}`;
  }
}
