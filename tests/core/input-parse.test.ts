// The dispatcher parses an input with its schema picked down to the keys sent (electron/core/input-parse.ts). That must
// give exactly zod's whole answer: the same value, or the same issues in the same order, or a call would be let in,
// turned away or told something different. Every channel's input schema is compared on hundreds of inputs.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inputParser } from '../../electron/core/input-parse';
import { contract, type Channel } from '../../shared/ipc/contract';
import { mulberry32 } from '../helpers/prng';

const ID = '0190a7e4-0000-7000-8000-000000000001';
const VALUES: unknown[] = [undefined, null, '', 'x', '  Ann  ', 'gateCode', ID, '2026-12-06', 0, 5, -1, 1.5, true, false, [], ['a'], [{ key: 'gateCode', op: 'equals', value: 'A1' }], {}, { key: 'a', direction: 'asc' }];


/** Inputs for an object schema: every key alone with every value, then random mixes with an unknown key now and then. */
function* inputsFor(schema: z.ZodType, rnd: () => number): Generator<unknown> {
  yield* [undefined, null, 1, 'x', [], {}];
  const shape = (schema as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape;
  if (!shape) return;
  const keys = Object.keys(shape);
  for (const key of keys) for (const value of VALUES) yield { [key]: value };
  for (let n = 0; n < 150; n++) {
    const input: Record<string, unknown> = {};
    for (let k = 0; k < 1 + Math.floor(rnd() * 5); k++) input[keys[Math.floor(rnd() * keys.length)]!] = VALUES[Math.floor(rnd() * VALUES.length)];
    if (rnd() < 0.1) input.unknownKey = 1;
    yield input;
  }
}

const answer = (result: z.ZodSafeParseResult<unknown>) => (result.success ? { ok: true, value: result.data } : { ok: false, issues: JSON.stringify(result.error.issues) });

describe('the dispatcher input parse', () => {
  it("gives zod's whole answer on every channel's input schema", () => {
    const rnd = mulberry32(24);
    let compared = 0;
    for (const channel of Object.keys(contract) as Channel[]) {
      const schema = contract[channel].input as z.ZodType;
      const parse = inputParser(schema);
      for (const input of inputsFor(schema, rnd)) {
        const [sparse, whole] = [answer(parse(input)), answer(schema.safeParse(input))];
        if (!isDeepStrictEqual(sparse, whole)) expect.fail(`${channel} ${JSON.stringify(input)}:\nsparse ${JSON.stringify(sparse)}\nwhole  ${JSON.stringify(whole)}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50_000);
  });

  it('keeps what zod makes of absent keys: defaults, and transforms of an optional value', () => {
    const rnd = mulberry32(7);
    const schema = z.object({
      a: z.string().optional().transform((v) => v ?? 'none'),
      b: z.string().optional(),
      c: z.number().default(1),
      d: z.string().nullable().optional(),
    });
    const parse = inputParser(schema);
    expect(parse({})).toEqual({ success: true, data: { a: 'none', c: 1 } });
    for (const input of inputsFor(schema, rnd)) expect(answer(parse(input)), JSON.stringify(input)).toEqual(answer(schema.safeParse(input)));
  });

  it("skips an optional key's schema when the key is not sent, and runs it when it is", () => {
    let runs = 0;
    const schema = z.strictObject({
      limit: z.number().default(50),
      query: z
        .string()
        .optional()
        .refine(() => ++runs > 0),
    });
    const parse = inputParser(schema);
    expect(parse({})).toEqual({ success: true, data: { limit: 50 } });
    expect(runs).toBe(0);
    expect(parse({ query: 'ann' })).toEqual({ success: true, data: { limit: 50, query: 'ann' } });
    expect(runs).toBe(1);
    expect(schema.safeParse({}).success).toBe(true);
    expect(runs).toBe(2);
  });
});
