// The Data quality page's counts and the lists behind them (issue #20): one paced pass over the live contacts
// answers every contact check (findings.ts); SQL answers "companies with no people". No `electron` import.
import type { QualityCheck } from '../../../shared/domain/quality';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { countCompaniesWithoutPeople, countLive, listCompaniesWithoutPeople } from '../../db/quality.repo';
import { getSetting } from '../../db/settings.repo';
import { decodeCursor, encodeCursor } from '../../db/keyset';
import type { ServiceDeps } from '../deps';
import { countryOfCurrency, knownCountry, phoneChecker } from './checks';
import { CONTACT_CHECKS, eachContact, problemsOf, type ContactCheck } from './findings';

/** The country of numbers written without "+": the one asked for, else the settings' (or the currency's) one. */
export async function countryFor(db: ServiceDeps['db'], asked: string | undefined): Promise<string> {
  if (asked) {
    if (!knownCountry(asked)) throw AppError.validation('defaultCountry', 'Choose a country from the list');
    return asked;
  }
  const set = await getSetting(db, 'defaultCountry');
  if (set && /^[A-Z]{2}$/.test(set)) return set;
  return countryOfCurrency(await getSetting(db, 'defaultCurrency')) ?? 'GB';
}

/** The instant `years` before now: contacts not touched since are "untouched". */
function untouchedBefore(now: Date, years: number): string {
  const at = new Date(now);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at.toISOString();
}

export function createQuality({ db, clock }: ServiceDeps) {
  const phone = phoneChecker();

  return {
    phone,

    async summary(input: ChannelParsedInput<'quality.summary'>): Promise<ChannelOutput<'quality.summary'>> {
      const country = await countryFor(db, input.defaultCountry);
      const context = { country, untouchedBefore: untouchedBefore(clock.now(), input.untouchedYears) };
      const counts = Object.fromEntries(CONTACT_CHECKS.map((c) => [c, 0])) as Record<QualityCheck, number>;
      counts.companyNoPeople = await countCompaniesWithoutPeople(db);
      await eachContact(db, (c) => {
        for (const check of Object.keys(problemsOf(c, context, phone)) as ContactCheck[]) counts[check]++;
      });
      return { counts, ...(await countLive(db)), defaultCountry: country };
    },

    async list(input: ChannelParsedInput<'quality.list'>): Promise<ChannelOutput<'quality.list'>> {
      const { check, limit, cursor } = input;
      if (check === 'companyNoPeople') {
        const page = await listCompaniesWithoutPeople(db, { limit, cursor });
        return { items: page.items.map((r) => ({ id: r.id, kind: 'company' as const, displayName: r.name, problem: 'no people at this company' })), total: page.total, nextCursor: page.nextCursor };
      }
      const context = { country: await countryFor(db, input.defaultCountry), untouchedBefore: untouchedBefore(clock.now(), input.untouchedYears) };
      const found: { id: string; sortName: string; displayName: string; problem: string }[] = [];
      await eachContact(db, (c) => {
        const problem = problemsOf(c, context, phone)[check];
        if (problem) found.push({ id: c.id, sortName: c.sortName, displayName: c.displayName, problem });
      });
      // The order and cursor of the contacts list: by sort name, then id.
      found.sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const after = cursor ? decodeCursor(cursor) : null;
      const from = after ? found.findIndex((f) => f.sortName > String(after.value) || (f.sortName === after.value && f.id > after.id)) : 0;
      const rest = from < 0 ? [] : found.slice(from);
      const items = rest.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map((f) => ({ id: f.id, kind: 'contact' as const, displayName: f.displayName, problem: f.problem })),
        total: found.length,
        nextCursor: rest.length > limit && last ? encodeCursor(last.sortName, last.id) : null,
      };
    },
  };
}
