// Every plain string a channel's input schema accepts, found by walking the zod tree, so a test can hold each one
// to a rule (control characters refused) and a string field added later is held to it without being listed.
import type { z } from 'zod';

export interface StringLeaf {
  /** Dotted, as the dispatcher's issues name fields; '*' for an array element, '|N' for union option N. */
  path: string;
  schema: z.ZodType;
}

type Def = { type: string; format?: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Plain string leaves (not uuid, email or ISO formats, which have their own grammar) under `schema`. */
export function stringLeaves(schema: z.ZodType, path = '', out: StringLeaf[] = [], seen = new Set<z.ZodType>()): StringLeaf[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'string':
      if (!def.format) out.push({ path: path || '(input)', schema });
      break;
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) stringLeaves(child, at(key), out, new Set(seen));
      break;
    case 'array':
      stringLeaves(def.element as z.ZodType, at('*'), out, seen);
      break;
    case 'record':
      stringLeaves(def.keyType as z.ZodType, at('(key)'), out, seen);
      stringLeaves(def.valueType as z.ZodType, at('*'), out, seen);
      break;
    case 'union':
      (def.options as z.ZodType[]).forEach((option, i) => stringLeaves(option, `${path}|${i}`, out, new Set(seen)));
      break;
    case 'pipe':
      stringLeaves(def.in as z.ZodType, path, out, seen);
      break;
    case 'intersection':
      stringLeaves(def.left as z.ZodType, path, out, seen);
      stringLeaves(def.right as z.ZodType, path, out, seen);
      break;
    case 'tuple':
      (def.items as z.ZodType[]).forEach((item, i) => stringLeaves(item, at(String(i)), out, seen));
      break;
    case 'lazy':
      stringLeaves((def.getter as () => z.ZodType)(), path, out, seen);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      stringLeaves(def.innerType as z.ZodType, path, out, seen);
      break;
    default:
      break; // numbers, booleans, enums, literals, formats: no free text
  }
  return out;
}
