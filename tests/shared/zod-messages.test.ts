// Validation messages reach the window in the app's words: every kind of zod issue a contract field can raise gets
// a message from shared/ipc/zod-messages.ts, never zod's own ("Too big: expected string to have <=200 characters").
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/ipc/contract';
import { appMessage } from '../../shared/ipc/zod-messages';

const LIBRARY_WORDS = /expected|received|Invalid input|Too big|Too small|Invalid option|Unrecognized key|Invalid string/;

describe('validation messages', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['a text too long', z.string().max(200), 'x'.repeat(201), 'Must be at most 200 characters'],
    ['an empty required text', z.string().min(1), '', 'Required'],
    ['a missing field', z.object({ name: z.string() }), {}, 'Required'],
    ['a word for a number', z.number(), 'twelve', 'Must be a number'],
    ['a fraction for a whole number', z.number().int(), 1.5, 'Must be a whole number'],
    ['a number too big', z.number().max(100), 101, 'Must be at most 100'],
    ['too many items', z.array(z.string()).max(2), ['a', 'b', 'c'], 'No more than 2 items'],
    ['a choice not on the list', z.enum(['low', 'normal', 'high']), 'urgent!', 'Must be one of: low, normal, high'],
    ['an email that is not one', z.email(), 'ann@', 'Not a valid email address'],
    ['a date that is not one', z.iso.date(), '31/12/2026', 'Not a valid date (year-month-day)'],
    ['an unknown field', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'Not a field Rapport knows: b'],
  ])('%s', (_name, schema, input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(message);
    expect(result.error!.issues[0]!.message).not.toMatch(LIBRARY_WORDS);
  });

  it("a schema's own message still wins", () => {
    expect(z.string().max(3, 'Keep it short').safeParse('long').error!.issues[0]!.message).toBe('Keep it short');
  });

  it('no channel answers bad input with library wording', () => {
    // One wrong-typed value for every channel's input: whatever field it hits, the message is the app's.
    for (const [channel, spec] of Object.entries(contract)) {
      for (const input of [42, { id: 42, name: 7, path: [], limit: 'x' }, {}]) {
        const result = spec.input.safeParse(input);
        if (result.success) continue;
        for (const issue of result.error.issues) expect(issue.message, `${channel}: ${issue.path.join('.')}`).not.toMatch(LIBRARY_WORDS);
      }
    }
  });

  it('covers every issue code zod can raise', () => {
    const codes = ['invalid_type', 'too_big', 'too_small', 'invalid_value', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'custom'];
    for (const code of codes) expect(appMessage({ code, input: 1, path: [], origin: 'number', maximum: 1, minimum: 1, values: [1], format: 'x', divisor: 2, keys: ['k'], expected: 'string' } as never)).not.toMatch(LIBRARY_WORDS);
  });
});
