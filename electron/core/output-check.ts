// The dispatcher's output check, made cheap for the shapes outputs are made of. zod's check allocates a result for
// every value it visits: a list page of 50 contacts is ~1,800 of them, ~40 µs plus the garbage collection it causes,
// a tenth of a filtered page's cost at 100,000 contacts (issue #19's 1.3 ratio). compileOutputCheck turns a schema
// built only of plain parts into one predicate that allocates nothing.
//
// The predicate answers one question: would zod accept this value and hand back the same value? A yes lets the
// dispatcher send the handler's value as it is; a no sends the value to zod, which decides, strips what it strips and
// says why. So the predicate may only say yes where zod would, unchanged: it knows no transform, default or coercion
// (a schema with one is not compiled), and an object with a key its shape lacks is a no (zod would strip that key).
// tests/core/output-check.test.ts holds it to that on generated and broken values of every channel's output.
import type { z } from 'zod';

export type OutputCheck = (value: unknown) => boolean;

/** What this file reads of a zod 4 schema's definition (`schema._zod`); anything it does not know is not compiled. */
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  coerce?: boolean;
  format?: string;
  innerType?: Node;
  element?: Node;
  shape?: Record<string, Node>;
  catchall?: Node;
  options?: Node[];
  discriminator?: string;
  unionFallback?: boolean;
  fn?: (value: unknown) => unknown;
}
interface Node {
  _zod: { def: Def; values?: Set<unknown>; optin?: string; propValues?: Record<string, Set<unknown>> };
}

/** A predicate equivalent to `schema` for the values zod passes unchanged, or null when the schema has parts it does not know. */
export function compileOutputCheck(schema: z.ZodType): OutputCheck | null {
  return compile(schema as unknown as Node);
}

/**
 * The predicate is generated code, as zod's own object check is: a property read by a literal name is a fraction of
 * one by a computed key, and a list page makes ~1,800 of them (composed closures took longer than zod did). The code
 * holds only names from the contract's schemas, written as JSON string literals; values never reach it.
 */
function compile(node: Node): OutputCheck | null {
  const externals: unknown[] = [];
  let names = 0;
  const gen: Gen = { external: (value) => `e[${externals.push(value) - 1}]`, name: () => `v${++names}` };
  const body = statements(node, 'v0', gen);
  if (body === null) return null;
  return new Function('e', `return function check(v0) {\n${body}\nreturn true;\n};`)(externals) as OutputCheck;
}

interface Gen {
  external(value: unknown): string;
  name(): string;
}

/** Statements that `return false` when the value in variable `x` fails `node`; null for a part this file does not know. */
function statements(node: Node, x: string, gen: Gen): string | null {
  const def = node._zod.def;
  if (def.coerce) return null;
  const plain = !def.checks?.length;
  const fail = (condition: string) => `if (${condition}) return false;`;
  switch (def.type) {
    case 'string':
      return plain && def.format === undefined ? fail(`typeof ${x} !== 'string'`) : null;
    case 'boolean':
      return plain ? fail(`typeof ${x} !== 'boolean'`) : null;
    case 'number':
      return numberCheck(def, x);
    case 'null':
      return plain ? fail(`${x} !== null`) : null;
    case 'any':
    case 'unknown':
      return plain ? '' : null;
    case 'enum':
    case 'literal':
      return plain && node._zod.values ? fail(`!${gen.external(node._zod.values)}.has(${x})`) : null;
    case 'custom':
      // A custom schema is its own check (def.fn); one with a refinement on top has more, and is not compiled.
      return plain && def.fn ? fail(`!${gen.external(def.fn)}(${x})`) : null;
    case 'nullable':
    case 'optional': {
      const inner = plain && def.innerType ? statements(def.innerType, x, gen) : null;
      if (inner === null) return null;
      return `if (${x} !== ${def.type === 'nullable' ? 'null' : 'undefined'}) {\n${inner}\n}`;
    }
    case 'array': {
      const [i, item] = [gen.name(), gen.name()];
      const inner = plain && def.element ? statements(def.element, item, gen) : null;
      if (inner === null) return null;
      return `${fail(`!Array.isArray(${x})`)}\nfor (let ${i} = 0; ${i} < ${x}.length; ${i}++) {\nconst ${item} = ${x}[${i}];\n${inner}\n}`;
    }
    case 'object':
      return plain ? objectStatements(def, x, gen) : null;
    case 'union': {
      if (plain && def.discriminator !== undefined) return discriminated(def, x, gen);
      // zod takes the first option that accepts a value, stripping as it goes; with objects among the options the
      // first could strip what a later one matches exactly, so only unions of object-free options are compiled.
      const options = plain ? (def.options ?? []).map((o) => (holdsObject(o) ? null : compile(o))) : [];
      if (options.length === 0 || options.some((o) => o === null)) return null;
      return fail(options.map((o) => `!${gen.external(o)}(${x})`).join(' && '));
    }
    default:
      return null;
  }
}

function numberCheck(def: Def, x: string): string | null {
  // z.int() carries its format on the definition; z.number().int() as a check. Both are zod's safe integer.
  const formats = [def.format, ...(def.checks ?? []).map((c) => (c._zod.def.check === 'number_format' ? c._zod.def.format : 'other'))];
  const known = formats.filter((f) => f !== undefined);
  if (known.some((f) => f !== 'safeint')) return null;
  return `if (${known.length > 0 ? `!Number.isSafeInteger(${x})` : `typeof ${x} !== 'number' || !Number.isFinite(${x})`}) return false;`;
}

function objectStatements(def: Def, x: string, gen: Gen): string | null {
  // A strict object (catchall never) refuses unknown keys and a plain one strips them: either way, not unchanged.
  if (def.catchall && def.catchall._zod.def.type !== 'never') return null;
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const lines = [`if (typeof ${x} !== 'object' || ${x} === null || Array.isArray(${x})) return false;`];
  for (const key of keys) {
    if (key === '__proto__') return null; // zod reads no such key; a property read here would reach the prototype
    const value = gen.name();
    const inner = statements(shape[key]!, value, gen);
    if (inner === null) return null;
    const name = JSON.stringify(key);
    // zod wants a key that is not optional present, even where its schema takes undefined (z.unknown(), z.custom()).
    if (shape[key]!._zod.optin === undefined && takesUndefined(shape[key]!)) lines.push(`if (!(${name} in ${x})) return false;`);
    lines.push(`const ${value} = ${x}[${name}];`, inner);
  }
  const k = gen.name();
  const known = keys.map((key) => `case ${JSON.stringify(key)}:`).join(' ');
  lines.push(`for (const ${k} in ${x}) switch (${k}) { ${known} break; default: return false; }`);
  return lines.join('\n');
}

/** zod reads the discriminator and runs the one option it names; so does this, on each option compiled on its own. */
function discriminated(def: Def, x: string, gen: Gen): string | null {
  if (def.unionFallback) return null;
  const byValue = new Map<unknown, OutputCheck>();
  for (const option of def.options ?? []) {
    const values = option._zod.propValues?.[def.discriminator!];
    const check = compile(option);
    if (!values || !check) return null;
    for (const value of values) {
      // An option without the key, or two claiming one value, follow rules of zod's own: left to zod.
      if (value === undefined || byValue.has(value)) return null;
      byValue.set(value, check);
    }
  }
  const option = gen.name();
  return [
    `if (typeof ${x} !== 'object' || ${x} === null || Array.isArray(${x})) return false;`,
    `const ${option} = ${gen.external(byValue)}.get(${x}[${JSON.stringify(def.discriminator)}]);`,
    `if (${option} === undefined || !${option}(${x})) return false;`,
  ].join('\n');
}

function takesUndefined(node: Node): boolean {
  const def = node._zod.def;
  if (['any', 'unknown', 'custom', 'optional'].includes(def.type)) return true;
  if (def.type === 'literal') return node._zod.values?.has(undefined) ?? false;
  return [def.innerType, ...(def.options ?? [])].some((inner) => inner !== undefined && takesUndefined(inner));
}

function holdsObject(node: Node): boolean {
  const def = node._zod.def;
  if (def.type === 'object') return true;
  return [def.innerType, def.element, ...(def.options ?? [])].some((inner) => inner !== undefined && holdsObject(inner));
}
