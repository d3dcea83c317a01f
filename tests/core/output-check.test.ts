// The compiled output check (electron/core/output-check.ts) may only say yes where zod would pass the value unchanged:
// otherwise a wrong value, or a key zod strips, would reach the window. Every channel's output schema is held to that on
// values generated from the schema and on each of them broken at every position, and the dispatcher is checked end to end.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher, type Handlers } from '../../electron/core/dispatcher';
import { memoryLogger } from '../../electron/core/logger';
import { compileOutputCheck } from '../../electron/core/output-check';
import { contract, type Channel } from '../../shared/ipc/contract';
import { mulberry32 } from '../helpers/prng';

interface Node {
  _zod: { def: Record<string, unknown> & { type: string }; values?: Set<unknown>; optin?: string };
}

const CUSTOM_CANDIDATES: unknown[] = [{}, { gateCode: 'A1' }, '', 'text', 0, 3, null, true, [], ['a']];
const ABSENT = Symbol('absent');

/** A value the schema accepts, built from its definition (the parts output-check.ts compiles). */
function sample(node: Node, rnd: () => number): unknown {
  const def = node._zod.def;
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  switch (def.type) {
    case 'string':
      return pick(['', 'Ann', 'Flat 2, 4 High St']);
    case 'boolean':
      return rnd() < 0.5;
    case 'number':
      return node._zod.def.format || (def.checks as unknown[] | undefined)?.length ? pick([0, 7, -3]) : pick([0, 7, -3, 1.5]);
    case 'null':
      return null;
    case 'any':
    case 'unknown':
      return pick(['a', 1, null]);
    case 'enum':
    case 'literal':
      return pick([...node._zod.values!]);
    case 'custom': {
      const fn = def.fn as (v: unknown) => unknown;
      const fits = CUSTOM_CANDIDATES.filter((c) => fn(c));
      if (fits.length === 0) throw new Error('no sample for a custom check');
      return structuredClone(pick(fits));
    }
    case 'nullable':
      return rnd() < 0.25 ? null : sample(def.innerType as Node, rnd);
    case 'optional':
      return rnd() < 0.25 ? pick([ABSENT, undefined]) : sample(def.innerType as Node, rnd);
    case 'array':
      return Array.from({ length: Math.floor(rnd() * 3) }, () => sample(def.element as Node, rnd));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(def.shape as Record<string, Node>)) {
        const value = sample(inner, rnd);
        if (value !== ABSENT) out[key] = value;
      }
      return out;
    }
    case 'union':
      return sample(pick(def.options as Node[]), rnd);
    default:
      throw new Error(`no sample for ${def.type}`);
  }
}

const BROKEN: unknown[] = [undefined, null, 0, Number.NaN, Number.POSITIVE_INFINITY, 1.5, '', 'x', true, [], {}, [1], { zz: 1 }];

/** Every way to break a value: each position replaced by each wrong kind of thing, dropped, or given an unknown key. */
function* broken(value: unknown): Generator<unknown> {
  for (const replacement of BROKEN) yield replacement;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) for (const inner of broken(value[i])) yield value.map((v, j) => (j === i ? inner : v));
    yield [...value, 'extra'];
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      for (const inner of broken(record[key])) yield { ...record, [key]: inner };
      const { [key]: _dropped, ...rest } = record;
      yield rest;
    }
    yield { ...record, leaked: 'secret' };
  }
}

/** zod's verdict: accepted and handed back unchanged (the only case the compiled check may accept). */
const zodUnchanged = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success && isDeepStrictEqual(parsed.data, value);
};

/** Checks a compiled predicate against zod on `samples` generated values and every way to break each; returns the count. */
function agreeWithZod(name: string, schema: z.ZodType, check: (value: unknown) => boolean, rnd: () => number, samples = 3): number {
  let judged = 0;
  for (let n = 0; n < samples; n++) {
    const good = sample(schema as unknown as Node, rnd);
    expect(zodUnchanged(schema, good), `${name}: zod takes its own sample ${JSON.stringify(good)}`).toBe(true);
    expect(check(good), `${name}: ${JSON.stringify(good)}`).toBe(true);
    for (const bad of broken(good)) {
      const verdict = zodUnchanged(schema, bad);
      if (check(bad) !== verdict) expect.fail(`${name}: compiled says ${!verdict}, zod ${verdict}, for ${JSON.stringify(bad)}`);
      judged++;
    }
  }
  return judged;
}

describe('compiled output checks', () => {
  const channels = Object.keys(contract) as Channel[];
  const compiled = channels.flatMap((channel) => {
    const check = compileOutputCheck(contract[channel].output);
    return check ? [{ channel, check, schema: contract[channel].output as z.ZodType }] : [];
  });

  it('compile the list pages the benchmarks time, and most outputs', () => {
    const names = compiled.map((c) => c.channel);
    for (const channel of ['contacts.list', 'companies.list', 'jobs.list', 'activities.list', 'search.global'] as Channel[]) expect(names).toContain(channel);
    expect(compiled.length).toBeGreaterThan(channels.length * 0.7);
  });

  it('agree with zod on every channel, for generated values and each of them broken at every position', () => {
    const rnd = mulberry32(19);
    let judged = 0;
    for (const { channel, check, schema } of compiled) judged += agreeWithZod(channel, schema, check, rnd);
    expect(judged).toBeGreaterThan(10_000);
  });

  it('agree with zod on the corners the contract does not use yet, and leave alone what they cannot match', () => {
    const rnd = mulberry32(7);
    const corners: Record<string, z.ZodType> = {
      'a key of unknown': z.object({ a: z.unknown(), b: z.string() }),
      'a key of custom': z.object({ a: z.custom<unknown>(() => true) }),
      'optional and nullable': z.object({ a: z.string().optional().nullable(), b: z.number().nullable().optional() }),
      'integers': z.object({ a: z.int(), b: z.number().int() }),
      'a union of plain values': z.object({ a: z.union([z.string(), z.number(), z.null()]) }),
      'an undefined literal': z.object({ a: z.literal([undefined, 'x']) }),
      'a strict object': z.strictObject({ a: z.string(), b: z.array(z.boolean()) }),
      'a discriminated union': z.array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('call'), at: z.string() }),
          z.object({ kind: z.literal(['email', 'letter']), at: z.string(), subject: z.string().nullable() }),
        ]),
      ),
    };
    for (const [name, schema] of Object.entries(corners)) {
      const check = compileOutputCheck(schema);
      expect(check, name).not.toBeNull();
      agreeWithZod(name, schema, check!, rnd, 10);
    }
    const objects = z.union([z.object({ a: z.string() }), z.object({ a: z.string(), b: z.string() })]);
    const fallback = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })], { unionFallback: true });
    for (const schema of [objects, fallback, z.record(z.string(), z.string()), z.string().default('x'), z.string().transform((s) => s.length), z.string().max(3), z.object({ a: z.string() }).passthrough(), z.custom<string>((v) => typeof v === 'string').refine((v) => v.length < 3), z.null().refine(() => false)]) {
      expect(compileOutputCheck(schema)).toBeNull();
    }
  });

  it('refuse a value with a key the schema lacks, and an inherited one zod would not see as data', () => {
    const check = compileOutputCheck(contract['tags.list'].output)!;
    expect(check({ items: [{ tag: 'vip', contacts: 2, companies: 0 }] })).toBe(true);
    expect(check({ items: [{ tag: 'vip', contacts: 2, companies: 0, internal: 'x' }] })).toBe(false);
    expect(check(Object.assign(Object.create({ leaked: 1 }) as object, { items: [] }))).toBe(false);
  });
});

describe('the dispatcher with a compiled check', () => {
  const dispatcherWith = (handler: () => Promise<unknown>) => {
    const logger = memoryLogger();
    const handlers = new Proxy({}, { get: () => handler }) as Handlers;
    return { dispatch: createDispatcher(handlers, logger), logger };
  };

  it('sends a fitting answer as it is, strips a key the contract lacks, and refuses a wrong one', async () => {
    const fitting = { items: [{ tag: 'vip', contacts: 2, companies: 0 }] };
    expect(await dispatcherWith(async () => fitting).dispatch('tags.list', {})).toEqual({ ok: true, value: fitting });
    const leaky = await dispatcherWith(async () => ({ items: [{ tag: 'vip', contacts: 2, companies: 0, ownerPath: '/home/maya' }] })).dispatch('tags.list', {});
    expect(leaky).toEqual({ ok: true, value: { items: [{ tag: 'vip', contacts: 2, companies: 0 }] } });
    const { dispatch, logger } = dispatcherWith(async () => ({ items: [{ tag: 'vip', contacts: Number.NaN, companies: 0 }] }));
    expect(await dispatch('tags.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logger.lines[0]?.message).toContain('output does not match');
  });
});
