// Custom fields in import and export (issue #19): a cell's text read as a field's value (the same per-type check
// the forms use, checkCustomValue), which column header names which field, and the type a new field gets from a
// column's values. Pure: main's importer and the renderer's mapping screen share it. Imports shared/domain only.
import { checkCustomValue, type CustomValue, type FieldShape, type FieldType } from './custom-fields';
import { isIsoDate, isoDateTime } from './custom-values';
import { parseMoney } from './money';

export type FromText = { ok: true; value: CustomValue } | { ok: false; reason: string };

/** Words for yes and no as other programs write them (English, German, French, Spanish). */
const YES = new Set(['yes', 'y', 'true', 'on', 'x', '1', 'ja', 'j', 'oui', 'sí', 'si', 'wahr']);
const NO = new Set(['no', 'n', 'false', 'off', '0', 'nein', 'non', 'falsch']);

/**
 * A date as exports write it -> YYYY-MM-DD: ISO (with or without a time), 20240131, D.M.YYYY (most of Europe),
 * and M/D/YYYY (Outlook US; a first part over 12 must be the day), the import's rule for birthdays too. Null: not a date.
 */
export function dateFromText(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(s);
  if (m) return isIsoDate(m[1]!) ? m[1]! : null;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  let out: string | null = null;
  if (m) out = `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) out = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = a > 12 ? [b, a] : [a, b];
    out = `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return out && isIsoDate(out) ? out : null;
}

/** A date and time: ISO with a zone, or "YYYY-MM-DD HH:MM[:SS]" / a date alone, taken as UTC. */
export function dateTimeFromText(text: string): string | null {
  const s = text.trim();
  const zoned = isoDateTime(s);
  if (zoned) return zoned;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?$/.exec(s);
  return m && isIsoDate(m[1]!) ? isoDateTime(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}Z`) : null;
}

/** Several choices in one cell: Rapport writes ", " (valueAsText); others ";" or " ::: ". Labels holding a comma are matched whole. */
function choicesFromText(def: FieldShape, text: string): string[] {
  const norm = (s: string) => s.replace(/\s*,\s*/g, ',').trim().toLocaleLowerCase('en');
  const known = new Map(def.options.map((o) => [norm(o.label), o.label]));
  const out: string[] = [];
  for (const group of text.split(/\s*(?:;|:::)\s*/)) {
    const parts = group.split(',');
    for (let i = 0; i < parts.length; ) {
      // The longest run of pieces that is a known label ("Yes, please" is one option, not two).
      let j = parts.length;
      while (j > i && !known.has(norm(parts.slice(i, j).join(',')))) j--;
      if (j > i) {
        out.push(known.get(norm(parts.slice(i, j).join(',')))!);
        i = j;
      } else {
        if (parts[i]!.trim()) out.push(parts[i]!.trim());
        i++;
      }
    }
  }
  return out;
}

const REASONS: Partial<Record<FieldType, string>> = {
  number: 'not a number', money: 'not an amount', date: 'not a date', dateTime: 'not a date and time', boolean: 'not yes or no',
  choice: 'not one of the choices', email: 'not an email address', url: 'not a web address', phone: 'not a phone number',
  contactLink: 'not a link to a contact', companyLink: 'not a link to a company',
};

/**
 * A cell's text (or a vCard list's items) as the field's value, checked exactly as a typed value is. Empty text is
 * null (nothing to set). `reason` is in the app's words without the field's name ("not a date").
 */
export function customFromText(def: FieldShape, input: string | readonly string[]): FromText {
  const text = Array.isArray(input) ? input.join(', ') : (input as string);
  if (text.trim() === '' && (!Array.isArray(input) || input.length === 0)) return { ok: true, value: null };
  const trimmed = text.trim();
  let raw: unknown = trimmed;
  switch (def.type) {
    case 'number': {
      const n = Number(trimmed.replace(/[\s,]/g, ''));
      if (trimmed.replace(/[\s,]/g, '') === '' || !Number.isFinite(n)) return { ok: false, reason: REASONS.number! };
      raw = n;
      break;
    }
    case 'money': {
      const negative = /^-|^\(.*\)$/.test(trimmed);
      const parsed = parseMoney(trimmed.replace(/^-|^\(|\)$/g, '').replace(/[A-Z]{3}/g, ''), def.currency ?? 'GBP');
      if (!parsed.ok || parsed.minor === null) return { ok: false, reason: !parsed.ok && /decimal/.test(parsed.error) ? `${REASONS.money!} (${parsed.error})` : REASONS.money! };
      raw = negative ? -parsed.minor : parsed.minor;
      break;
    }
    case 'date':
      raw = dateFromText(trimmed);
      if (raw === null) return { ok: false, reason: REASONS.date! };
      break;
    case 'dateTime':
      raw = dateTimeFromText(trimmed);
      if (raw === null) return { ok: false, reason: REASONS.dateTime! };
      break;
    case 'boolean': {
      const word = trimmed.toLocaleLowerCase('en');
      if (YES.has(word)) raw = true;
      else if (NO.has(word)) raw = false;
      else return { ok: false, reason: REASONS.boolean! };
      break;
    }
    case 'choices':
      raw = Array.isArray(input) ? input.map((s) => s.trim()).filter(Boolean) : choicesFromText(def, trimmed);
      break;
    default:
      break;
  }
  const checked = checkCustomValue({ ...def, required: false }, raw);
  if (checked.ok) return checked;
  const own = checked.message.startsWith(`${def.label}: `) ? checked.message.slice(def.label.length + 2) : checked.message;
  // Length and "not one of the choices" messages say more than the type's word.
  const reason = /at most|is not one of/.test(own) ? own.replace(/^enter at most/, 'longer than') : (REASONS[def.type] ?? own);
  return { ok: false, reason };
}

type Named = Pick<FieldShape, 'key' | 'label'>;

/**
 * The field a column header names: its label or key in any case, or Rapport's own "<label> [<key>]" (written when
 * two columns would otherwise share a header). Undefined when none does.
 */
export function fieldForHeader<F extends Named>(header: string, fields: readonly F[]): F | undefined {
  const h = header.trim().toLocaleLowerCase('en');
  if (h === '') return undefined;
  const bracket = /\[([A-Za-z0-9]+)\]$/.exec(header.trim());
  if (bracket) {
    const byKey = fields.find((f) => f.key === bracket[1]);
    if (byKey) return byKey;
  }
  return fields.find((f) => f.label.trim().toLocaleLowerCase('en') === h) ?? fields.find((f) => f.key.toLocaleLowerCase('en') === h);
}

/** Headers for the fields' columns, each its label unless that is already taken (case aside): then "<label> [<key>]". */
export function customHeaders(fields: readonly Named[], taken: Iterable<string>): string[] {
  const used = new Set([...taken].map((t) => t.trim().toLocaleLowerCase('en')));
  const counts = new Map<string, number>();
  for (const f of fields) counts.set(f.label.trim().toLocaleLowerCase('en'), (counts.get(f.label.trim().toLocaleLowerCase('en')) ?? 0) + 1);
  return fields.map((f) => {
    const folded = f.label.trim().toLocaleLowerCase('en');
    const header = used.has(folded) || (counts.get(folded) ?? 0) > 1 ? `${f.label} [${f.key}]` : f.label;
    used.add(header.toLocaleLowerCase('en'));
    return header;
  });
}

export interface FieldGuess {
  type: FieldType;
  /** For one choice: the distinct values, in the order first seen. */
  options?: string[];
  /** For money: the currency its symbol names. */
  currency?: string;
}

const CURRENCY_SYMBOLS: Record<string, string> = { '£': 'GBP', '€': 'EUR', $: 'USD', '¥': 'JPY' };
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?$/;
const MONEY = /^-?([£€$¥])\s?\d[\d,]*(?:\.\d{1,3})?$|^-?\d[\d,]*(?:\.\d{1,3})?\s?([£€$¥])$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^(?:https?:\/\/|www\.)[^\s]+\.[^\s]+$/i;
const PHONE = /^\+?[\d\s()./-]+$/;
const digits = (s: string) => s.replace(/\D/g, '').length;
/** At most this many different values (and at least one repeated) make a one-choice field. */
const MAX_CHOICES = 10;

/**
 * The type a new field made from a column gets, from the column's values (the user may change it before the field
 * is made): yes/no, number, money (with a currency sign), date, date and time, email, web address, phone, one choice
 * when few values repeat, long text when a value is long or has lines, else text.
 */
export function guessFieldType(cells: readonly string[]): FieldGuess {
  const values = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (values.length === 0) return { type: 'text' };
  const all = (test: (v: string) => boolean) => values.every(test);
  const lower = values.map((v) => v.toLocaleLowerCase('en'));
  if (lower.every((v) => (YES.has(v) || NO.has(v)) && !/^[01x]$/.test(v))) return { type: 'boolean' };
  if (all((v) => PLAIN_NUMBER.test(v))) return { type: 'number' };
  if (all((v) => MONEY.test(v))) {
    const symbol = values.map((v) => MONEY.exec(v)!).map((m) => m[1] ?? m[2]!)[0]!;
    return { type: 'money', currency: CURRENCY_SYMBOLS[symbol] ?? 'GBP' };
  }
  if (all((v) => dateFromText(v) !== null && !/[T ]\d/.test(v))) return { type: 'date' };
  if (all((v) => dateTimeFromText(v) !== null)) return { type: 'dateTime' };
  if (all((v) => EMAIL.test(v))) return { type: 'email' };
  if (all((v) => URL.test(v))) return { type: 'url' };
  if (all((v) => PHONE.test(v) && digits(v) >= 6 && digits(v) <= 20 && (/[+\s()/-]/.test(v) || v.startsWith('0')))) return { type: 'phone' };
  if (values.some((v) => v.length > 200 || /[\r\n]/.test(v))) return { type: 'longText' };
  const distinct: string[] = [];
  for (const v of values) if (!distinct.some((d) => d.toLocaleLowerCase('en') === v.toLocaleLowerCase('en'))) distinct.push(v);
  if (distinct.length <= MAX_CHOICES && distinct.length < values.length && distinct.every((d) => d.length <= 80)) return { type: 'choice', options: distinct };
  return { type: 'text' };
}
