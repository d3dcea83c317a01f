// Tax rates as data (issue #23): the user adds their own, ends one when the law changes (valid to) and hides the
// ones they never charge. A quote line copies the rate it used, so a rate a line used is ended or hidden, never
// deleted. No SQL (db/products.repo.ts), no `electron` import.
import type { TaxRate } from '../../../shared/domain/product';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { deleteTaxRate, findTaxRate, insertTaxRate, listTaxRates, updateTaxRate, type TaxRateRecord } from '../../db/products.repo';
import { linesUsing } from '../../db/sale-lines.repo';
import type { FeatureContext } from '../modules';

/** Kinds that charge nothing: a non-zero percentage on one would print "exempt" beside a tax amount. */
const ZERO_KINDS: readonly TaxRate['kind'][] = ['zero', 'exempt', 'reverse_charge', 'outside_scope'];

/** The rules of a stored rate, in the app's words, naming the field to fix. */
function check(rate: TaxRateRecord): void {
  if (ZERO_KINDS.includes(rate.kind) && rate.rateMilli !== 0) throw AppError.validation('rateMilli', 'A zero-rated, exempt or reverse-charge rate is 0%');
  // ISO dates compare as text.
  if (rate.validFrom && rate.validTo && rate.validFrom > rate.validTo) throw AppError.validation('validTo', 'The rate must end on or after the day it starts');
}

const orNull = (value: string | null | undefined) => (value === undefined || value === null || value.trim() === '' ? null : value.trim().toUpperCase());

export function createTaxRates(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const changed = (action: 'created' | 'updated' | 'deleted', id: string) => events.emit('data.changed', { entity: 'taxRate', action, ids: [id] });

  async function get(id: string): Promise<TaxRate> {
    const rate = await findTaxRate(db, id);
    if (!rate) throw AppError.notFound('Tax rate', id);
    return rate;
  }

  return {
    list: async (input: ChannelParsedInput<'taxRates.list'>): Promise<ChannelOutput<'taxRates.list'>> => ({ items: await listTaxRates(db, input.includeInactive) }),

    async create(input: ChannelParsedInput<'taxRates.create'>): Promise<TaxRate> {
      const rate: TaxRateRecord = {
        id: newId(),
        name: input.name,
        rateMilli: input.rateMilli,
        kind: input.kind,
        country: orNull(input.country),
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        active: input.active ?? true,
      };
      check(rate);
      await insertTaxRate(db, rate, clock.now().toISOString());
      changed('created', rate.id);
      return get(rate.id);
    },

    async update(input: ChannelParsedInput<'taxRates.update'>): Promise<TaxRate> {
      await db.transaction().execute(async (trx) => {
        const current = await findTaxRate(trx, input.id);
        if (!current) throw AppError.validation('id', 'There is no such tax rate');
        const next: TaxRateRecord = {
          id: current.id,
          name: input.name ?? current.name,
          rateMilli: input.rateMilli ?? current.rateMilli,
          kind: input.kind ?? current.kind,
          country: input.country === undefined ? current.country : orNull(input.country),
          validFrom: input.validFrom === undefined ? current.validFrom : input.validFrom,
          validTo: input.validTo === undefined ? current.validTo : input.validTo,
          active: input.active ?? current.active,
        };
        check(next);
        await updateTaxRate(trx, next, clock.now().toISOString());
      });
      changed('updated', input.id);
      return get(input.id);
    },

    async remove(id: string): Promise<ChannelOutput<'taxRates.delete'>> {
      await db.transaction().execute(async (trx) => {
        if (!(await findTaxRate(trx, id))) throw AppError.validation('id', 'There is no such tax rate');
        const used = await linesUsing(trx, { taxRateId: id });
        if (used > 0) throw AppError.validation('id', `Used on ${used} ${used === 1 ? 'line' : 'lines'}: end it (valid to) or hide it instead`);
        await deleteTaxRate(trx, id);
      });
      changed('deleted', id);
      return { ok: true };
    },
  };
}
