// The dispatcher's input check, run on the keys a call sends. A list's input has ~25 optional filters and a call sends
// two or three; zod runs every key's schema, sent or not, which costs the contacts list ~15 µs a call once SQLite's
// work has left the CPU's caches cold (a tenth of what the app adds to a filtered page at 100,000 contacts).
//
// For an object schema with no check of its own, a key that is optional in and out and absent from the input adds
// nothing to zod's answer: no value, no issue, no key. So the input is parsed by the schema picked down to the keys
// it holds and every key zod must see absent (required, defaulted, transformed): the same value, the same issues in
// the same order. tests/core/input-parse.test.ts compares the two on every channel.
import type { z } from 'zod';

type Parse = (input: unknown) => z.ZodSafeParseResult<unknown>;

/** The most key sets kept per channel; a caller sending more shapes than this gets the whole schema's parse. */
const MAX_SHAPES = 64;

interface ObjectSchema {
  _zod: { def: { type: string; checks?: unknown[]; shape?: Record<string, { _zod: { optin?: string; optout?: string } }> } };
  pick(mask: Record<string, true>): z.ZodType;
}

/** The parse the dispatcher runs for `schema`: sparse for an object without checks of its own, zod's own otherwise. */
export function inputParser(schema: z.ZodType): Parse {
  const whole: Parse = (input) => schema.safeParse(input);
  const object = schema as unknown as ObjectSchema;
  const { type, checks, shape } = object._zod.def;
  if (type !== 'object' || checks?.length || !shape) return whole;
  const keys = Object.keys(shape);
  const skippable = keys.filter((key) => shape[key]!._zod.optin === 'optional' && shape[key]!._zod.optout === 'optional');
  if (skippable.length === 0) return whole;
  const skip = new Set(skippable);
  const byKeysSent = new Map<string, Parse>();
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return whole(input);
    // zod counts a key as sent when `key in input`; so does this, in the shape's order.
    let sent = '';
    for (const key of skippable) if (key in input) sent += `${key},`;
    let parse = byKeysSent.get(sent);
    if (!parse) {
      if (byKeysSent.size >= MAX_SHAPES) return whole(input);
      const mask: Record<string, true> = {};
      for (const key of keys) if (!skip.has(key) || key in input) mask[key] = true;
      const picked = object.pick(mask);
      parse = (value) => picked.safeParse(value);
      byKeysSent.set(sent, parse);
    }
    return parse(input);
  };
}
