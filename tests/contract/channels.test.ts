// Every channel in the contract, through the real dispatcher: a valid call succeeds and matches the
// output schema; each kind of invalid input is a VALIDATION error naming the field. A channel added to
// the contract without cases here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Channel } from '../../shared/ipc/contract';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let contactId = '';
let companyId = '';

beforeAll(async () => {
  t = await openTestCore();
  companyId = (await t.call('companies.create', { name: 'Fixture Co' })).id;
  contactId = (await t.call('contacts.create', { firstName: 'Fixture', companyId })).id;
});
afterAll(() => t.destroy());

type Case = { valid: () => unknown; invalid: [input: () => unknown, path: string][] };
const long = (n: number) => 'x'.repeat(n);

const cases: Record<Channel, Case> = {
  'contacts.create': {
    valid: () => ({ firstName: 'Ann', emails: [{ value: 'ann@example.com', label: 'work' }], phones: [{ value: '+1 (555) 010-9999' }], kind: 'prospect', birthday: '--02-29', website: 'ann.example' }),
    invalid: [
      [() => ({ firstName: long(101) }), 'firstName'],
      [() => ({ firstName: 42 }), 'firstName'],
      [() => ({ firstName: 'A', emails: [{ value: 'not-an-email' }] }), 'emails.0.value'],
      [() => ({ firstName: 'A', emails: 'a@b.co' }), 'emails'],
      [() => ({ firstName: 'A', phones: [{ value: 'call me' }] }), 'phones.0.value'],
      [() => ({ firstName: 'A', kind: 'friend' }), 'kind'],
      [() => ({ firstName: 'A', tags: [long(51)] }), 'tags.0'],
      [() => ({ firstName: 'A', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }), 'tags'],
      [() => ({ firstName: 'A', birthday: '2023-02-29' }), 'birthday'],
      [() => ({ firstName: 'A', companyId: 'not-a-uuid' }), 'companyId'],
      [() => ({ firstName: 'A', website: 'not a site' }), 'website'],
      [() => ({ firstName: 'A', emailOptIn: 'yes' }), 'emailOptIn'],
      [() => ({ firstName: 'A', notes: long(20_001) }), 'notes'],
      [() => ({ firstName: 'A', surname: 'B' }), '(input)'],
      [() => ({}), 'firstName'],
    ],
  },
  'contacts.get': { valid: () => ({ id: contactId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({}), 'id']] },
  'contacts.update': {
    valid: () => ({ id: contactId, jobTitle: 'Owner', tags: ['a'] }),
    invalid: [
      [() => ({ id: contactId, lastName: ['x'] }), 'lastName'],
      [() => ({ id: contactId, addresses: [{ city: long(101) }] }), 'addresses.0.city'],
      [() => ({ jobTitle: 'x' }), 'id'],
    ],
  },
  'contacts.delete': { valid: () => ({ id: contactId }), invalid: [[() => ({ id: 7 }), 'id']] },
  'contacts.restore': { valid: () => ({ id: contactId }), invalid: [[() => ({ id: null }), 'id']] },
  'contacts.list': {
    valid: () => ({ query: 'fix', sort: 'lastName', limit: 10, kind: 'customer' }),
    invalid: [
      [() => ({ limit: 0 }), 'limit'],
      [() => ({ limit: 201 }), 'limit'],
      [() => ({ limit: 1.5 }), 'limit'],
      [() => ({ sort: 'random' }), 'sort'],
      [() => ({ query: long(201) }), 'query'],
      [() => ({ trashed: 'yes' }), 'trashed'],
      [() => ({ cursor: long(1001) }), 'cursor'],
    ],
  },
  'companies.create': {
    valid: () => ({ name: 'Acme', website: 'https://acme.example', address: { city: 'Leeds', country: 'UK' }, tags: ['trade'] }),
    invalid: [
      [() => ({}), 'name'],
      [() => ({ name: '   ' }), 'name'],
      [() => ({ name: long(201) }), 'name'],
      [() => ({ name: 'A', address: { planet: 'Mars' } }), 'address'],
    ],
  },
  'companies.get': { valid: () => ({ id: companyId }), invalid: [[() => ({ id: '' }), 'id']] },
  'companies.update': { valid: () => ({ id: companyId, notes: 'Pays on time' }), invalid: [[() => ({ id: companyId, name: '' }), 'name']] },
  'companies.delete': { valid: () => ({ id: companyId }), invalid: [[() => ({}), 'id']] },
  'companies.restore': { valid: () => ({ id: companyId }), invalid: [[() => ({ id: [] }), 'id']] },
  'companies.list': { valid: () => ({ trashed: false, sort: 'createdAt' }), invalid: [[() => ({ sort: 'lastName' }), 'sort']] },
  'tags.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
  'search.global': {
    valid: () => ({ query: 'fixture', limit: 5 }),
    invalid: [
      [() => ({}), 'query'],
      [() => ({ query: long(201) }), 'query'],
      [() => ({ query: 'x', limit: 51 }), 'limit'],
    ],
  },
};

describe('the contract', () => {
  it('has cases for every channel', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(contract).sort());
  });

  describe.each(Object.keys(contract) as Channel[])('%s', (channel) => {
    it('accepts valid input and answers with the output schema', async () => {
      const result = await t.core.dispatch(channel, cases[channel].valid());
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) expect(contract[channel].output.safeParse(result.value).success).toBe(true);
    });

    it.each(cases[channel].invalid.map(([input, path]) => ({ input, path })))('rejects bad $path as VALIDATION naming it', async ({ input, path }) => {
      const result = await t.core.dispatch(channel, input());
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.issues?.map((i) => i.path)).toContain(path);
      }
    });

    it('rejects a non-object input', async () => {
      for (const input of [undefined, null, 'text', 42, []]) {
        expect(await t.core.dispatch(channel, input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
    });
  });
});
