// The three-way field merge that makes "no lost edit" hold (issue #24 item 5). Texts are compared field by field
// (mapping.ts FieldFormat): a field changed on one side only takes that side; changed on both sides to the same
// meaning is no clash; changed on both sides differently is a clash the user resolves. Fields Rapport does not map
// (a phone's PHOTO, X- fields) count as unchanged here, so they always come from the server's text.
import type { Fields, FieldFormat } from './mapping';

/** What Rapport would send: its own fields from `rendered`, plus every field of the server's text it does not map or did not change. */
export function withServerFields(format: FieldFormat, rendered: string, server: string | null): Fields {
  const fields = format.split(rendered);
  if (server === null) return fields;
  for (const [key, lines] of format.split(server)) {
    // An owned field whose meaning for Rapport did not change keeps the server's own text (a name prefix, PREF, a
    // second website Rapport cannot hold): only what Rapport changed is rewritten.
    if (format.owns(key) ? format.same(fields.get(key), lines) : !fields.has(key)) fields.set(key, lines);
  }
  return fields;
}

/** The text to send: rendered fields over the server's unowned ones, in the server's frame (its UID, VERSION, zones). */
export function outgoingText(format: FieldFormat, rendered: string, server: string | null): string {
  return format.join(withServerFields(format, rendered, server), server ?? rendered);
}

/** Whether two texts mean the same, field by field. */
export function sameText(format: FieldFormat, a: string, b: string): boolean {
  const fa = format.split(a);
  const fb = format.split(b);
  for (const key of new Set([...fa.keys(), ...fb.keys()])) if (!format.same(fa.get(key), fb.get(key))) return false;
  return true;
}

export interface Merged {
  fields: Fields;
  /** Keys changed on both sides differently: the merged fields hold the server's value for them until chosen. */
  clashes: string[];
}

/**
 * base: the last text both sides agreed on (null when there is none, e.g. a retried upload found its item already
 * there: the server's text is then the base, so local changes win and nothing is called a clash).
 */
export function merge3(format: FieldFormat, base: string | null, local: string, remote: string): Merged {
  const b = format.split(base ?? remote);
  const l = withServerFields(format, local, base ?? remote);
  const r = format.split(remote);
  const fields: Fields = new Map();
  const clashes: string[] = [];
  for (const key of new Set([...r.keys(), ...l.keys(), ...b.keys()])) {
    const [bv, lv, rv] = [b.get(key), l.get(key), r.get(key)];
    let take = rv;
    if (format.same(lv, rv)) take = rv;
    else if (format.same(lv, bv)) take = rv;
    else if (format.same(rv, bv)) take = lv;
    else clashes.push(key);
    if (take !== undefined && take.length > 0) fields.set(key, take);
  }
  return { fields, clashes };
}

/** The merged fields with the user's choice for each clash ('local' takes this computer's value). */
export function chooseFields(format: FieldFormat, merged: Fields, local: string, base: string | null, remote: string, choices: Record<string, 'local' | 'remote'>): Fields {
  const l = withServerFields(format, local, base ?? remote);
  const r = format.split(remote);
  const out = new Map(merged);
  for (const [key, side] of Object.entries(choices)) {
    const value = side === 'local' ? l.get(key) : r.get(key);
    if (value === undefined || value.length === 0) out.delete(key);
    else out.set(key, value);
  }
  return out;
}
