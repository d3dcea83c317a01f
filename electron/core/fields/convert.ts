// Type changes of a custom field (issue #19): each held value is read as the words a person would see, then taken as
// the new type. What cannot be taken is listed before anything changes (and kept, never dropped: see fields.ts).
import { checkCustomValue, type CustomValue, type FieldDefinition, type FieldOption } from '../../../shared/domain/custom-fields';
import { minorToDecimal, parseMoney } from '../../../shared/domain/money';

type Def = Pick<FieldDefinition, 'key' | 'label' | 'type' | 'options' | 'currency' | 'required'>;

/** A value as plain words: "12.5", "1250.00", "Yes", option labels, the date as stored. */
export function valueAsText(def: Def, value: CustomValue): string {
  if (value === null) return '';
  const label = (id: string) => def.options.find((o) => o.id === id)?.label ?? id;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return def.type === 'money' ? minorToDecimal(value, def.currency ?? 'GBP') : String(value);
  return def.type === 'choice' ? label(value) : value;
}

const YES = new Set(['yes', 'y', 'true', '1', 'on', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'off']);

/** The new type's value for an old value, or null when it cannot be taken (the old value is then listed). */
export function convertValue(from: Def, to: Def, value: CustomValue): { ok: true; value: CustomValue } | { ok: false } {
  const words = valueAsText(from, value).trim();
  let raw: unknown = words;
  switch (to.type) {
    case 'number':
      raw = typeof value === 'number' && from.type !== 'money' ? value : words.replace(/[\s,]/g, '') === '' ? null : Number(words.replace(/[\s,]/g, ''));
      if (typeof raw === 'number' && Number.isNaN(raw)) return { ok: false };
      break;
    case 'money': {
      const parsed = parseMoney(words, to.currency ?? 'GBP');
      if (!parsed.ok) return { ok: false };
      raw = parsed.minor;
      break;
    }
    case 'boolean':
      if (YES.has(words.toLowerCase())) raw = true;
      else if (NO.has(words.toLowerCase())) raw = false;
      else return { ok: false };
      break;
    case 'date':
      raw = /^\d{4}-\d{2}-\d{2}/.test(words) ? words.slice(0, 10) : words;
      break;
    case 'dateTime':
      raw = /^\d{4}-\d{2}-\d{2}$/.test(words) ? `${words}T00:00:00.000Z` : words;
      break;
    case 'choices':
      raw = words.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
      break;
    default:
      break;
  }
  const checked = checkCustomValue({ ...to, required: false }, raw);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false };
}

/**
 * For a change to one or several choices: the options plus one new option per distinct label the values hold, so
 * text becomes choices without losing a word (up to the 200-choice limit).
 */
export function optionsFor(from: Def, values: readonly CustomValue[], options: FieldOption[], newId: () => string, multi: boolean): FieldOption[] {
  const out = [...options];
  const known = new Set(out.map((o) => o.label.toLocaleLowerCase('en')));
  for (const value of values) {
    const words = valueAsText(from, value);
    for (const label of (multi ? words.split(/[,;]/) : [words]).map((s) => s.trim()).filter(Boolean)) {
      if (out.length >= 200) return out;
      const folded = label.toLocaleLowerCase('en');
      if (!known.has(folded) && label.length <= 80) {
        known.add(folded);
        out.push({ id: newId(), label, archived: false });
      }
    }
  }
  return out;
}
