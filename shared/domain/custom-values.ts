// The checks one custom value passes, and the zod schema for a record's `custom: { key: value }` built from its
// field definitions: the contract validates with it at the boundary and the forms with the very same rules.
// Messages name the field's label in the app's words. Imports zod and shared/domain only.
import { z } from 'zod';
import type { CustomValue, CustomValues, FieldShape } from './custom-fields';

export type ValueCheck = { ok: true; value: CustomValue } | { ok: false; message: string };

const MAX_LENGTH: Record<string, number> = { text: 200, longText: 5000, url: 2000, email: 254, phone: 50 };
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_MONEY = 1_000_000_000_000;
const MAX_NUMBER = 1e15;

const fail = (label: string, message: string): ValueCheck => ({ ok: false, message: `${label}: ${message}` });
const ok = (value: CustomValue): ValueCheck => ({ ok: true, value });

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** An ISO date and time with a zone, as UTC ("2026-03-01T09:30:00.000Z"); null when it is not one. */
export function isoDateTime(s: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The option a value names: its id, or (for imports and typed values) its label in any case. */
function findOption(def: FieldShape, raw: string): string | null {
  const byId = def.options.find((o) => o.id === raw);
  if (byId) return byId.id;
  const folded = raw.trim().toLocaleLowerCase('en');
  return def.options.find((o) => o.label.toLocaleLowerCase('en') === folded)?.id ?? null;
}

function checkText(def: FieldShape, raw: unknown): ValueCheck {
  if (typeof raw !== 'string') return fail(def.label, 'enter text');
  if (CONTROL.test(raw)) return fail(def.label, 'remove the control characters');
  const value = def.type === 'longText' ? raw.trim() : raw.trim().replace(/\s+/g, ' ');
  if (value === '') return ok(null);
  const max = MAX_LENGTH[def.type] ?? 200;
  if (value.length > max) return fail(def.label, `enter at most ${max.toLocaleString('en-GB')} characters`);
  if (def.type === 'email' && !EMAIL.test(value)) return fail(def.label, 'enter an email address, such as name@example.com');
  if (def.type === 'phone' && !/\d/.test(value)) return fail(def.label, 'enter a phone number');
  if (def.type === 'url') {
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(withScheme) && !/^https?:\/\/localhost/i.test(withScheme)) return fail(def.label, 'enter a web address, such as example.com');
    return ok(withScheme);
  }
  return ok(value);
}

/**
 * One value checked against its field: the value as stored (trimmed, normalised, labels turned into option ids),
 * null for an empty one, or why it is refused. Required is not checked here (see customValuesSchema).
 */
export function checkCustomValue(def: FieldShape, raw: unknown): ValueCheck {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return ok(null);
  switch (def.type) {
    case 'text':
    case 'longText':
    case 'url':
    case 'email':
    case 'phone':
      return checkText(def, raw);
    case 'number': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim().replace(/,/g, '')) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return fail(def.label, 'enter a number');
      if (Math.abs(n) > MAX_NUMBER) return fail(def.label, 'enter a smaller number');
      return ok(n);
    }
    case 'money':
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return fail(def.label, 'enter an amount');
      if (Math.abs(raw) > MAX_MONEY) return fail(def.label, 'enter a smaller amount');
      return ok(raw);
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw.trim()) ? ok(raw.trim()) : fail(def.label, 'enter a date (year-month-day)');
    case 'dateTime': {
      const value = typeof raw === 'string' ? isoDateTime(raw.trim()) : null;
      return value ? ok(value) : fail(def.label, 'enter a date and time');
    }
    case 'boolean':
      return typeof raw === 'boolean' ? ok(raw) : fail(def.label, 'choose yes or no');
    case 'choice': {
      const id = typeof raw === 'string' ? findOption(def, raw) : null;
      return id ? ok(id) : fail(def.label, 'choose one of the listed choices');
    }
    case 'choices': {
      if (!Array.isArray(raw) || raw.length > 200) return fail(def.label, 'choose from the listed choices');
      const ids: string[] = [];
      for (const item of raw) {
        const id = typeof item === 'string' ? findOption(def, item) : null;
        if (!id) return fail(def.label, `"${String(item).slice(0, 40)}" is not one of the choices`);
        if (!ids.includes(id)) ids.push(id);
      }
      // Kept in the field's own option order, so the same choices always read (and compare) the same.
      const order = def.options.map((o) => o.id);
      return ok(ids.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    }
    case 'contactLink':
    case 'companyLink':
      return typeof raw === 'string' && UUID.test(raw) ? ok(raw.toLowerCase()) : fail(def.label, def.type === 'contactLink' ? 'choose a contact' : 'choose a company');
  }
}

/**
 * The schema for a record's `custom` object. On create (`partial` false) every missing field takes its default and
 * a required field left empty is refused; on update (`partial` true) only the keys sent are checked, and emptying a
 * required field is refused. Unknown keys are refused. Archived fields are hidden, not frozen: a value sent for one is
 * checked like any other, but they are never required and get no default.
 */
export function customValuesSchema(definitions: readonly FieldShape[], options: { partial?: boolean } = {}) {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return z.record(z.string(), z.unknown()).transform((input, ctx): CustomValues => {
    const out: CustomValues = {};
    for (const [key, raw] of Object.entries(input)) {
      const def = byKey.get(key);
      if (!def) {
        ctx.addIssue({ code: 'custom', path: [key], message: `There is no field called "${key.slice(0, 80)}"` });
        continue;
      }
      const checked = checkCustomValue(def, raw);
      if (!checked.ok) ctx.addIssue({ code: 'custom', path: [key], message: checked.message });
      else out[key] = checked.value;
    }
    for (const def of definitions) {
      if (def.archived) continue;
      if (!options.partial && !(def.key in out) && def.defaultValue !== undefined && def.defaultValue !== null) out[def.key] = def.defaultValue;
      const sent = def.key in out;
      if (def.required && (options.partial ? sent : true) && (out[def.key] ?? null) === null) {
        ctx.addIssue({ code: 'custom', path: [def.key], message: `${def.label}: fill this in` });
      }
    }
    return out;
  });
}
