// Contract cases for the catalogue's channels (issue #23; see channels.test.ts). The product, the spare product and
// rate the delete cases remove, and the picked CSV are made here, so no other feature's fixture is changed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProductsChannel } from '../../shared/ipc/products.channels';
import { long, type FeatureCases } from './cases';

let productId = '';
let spareProductId = '';
let rateId = '';
let spareRateId = '';
let picked = '';
const NOPE = '00000000-0000-4000-8000-000000000000';
const GB_STANDARD = '5a1e57a0-0000-4000-8000-000000000001';

export const productsCases: FeatureCases<ProductsChannel> = {
  async setup(fx) {
    productId = (await fx.t.call('products.create', { name: 'Contract service', code: 'CONTRACT-1', unitPriceE4: 500_000_000, taxRateId: GB_STANDARD })).id;
    spareProductId = (await fx.t.call('products.create', { name: 'Contract spare', code: 'CONTRACT-2', unitPriceE4: 1 })).id;
    rateId = (await fx.t.call('taxRates.create', { name: 'Contract rate', rateMilli: 8_000, kind: 'reduced' })).id;
    spareRateId = (await fx.t.call('taxRates.create', { name: 'Contract spare rate', rateMilli: 0, kind: 'zero' })).id;
    picked = join(fx.t.dataDir, 'contract-catalogue.csv');
    writeFileSync(picked, 'Code,Name,Unit price\r\nCONTRACT-3,Contract import,12.50\r\n');
    writeFileSync(join(fx.t.dataDir, 'harness-picks.json'), JSON.stringify([picked]));
    await fx.t.call('files.pick', { purpose: 'import' });
  },
  cases: {
    'products.list': {
      valid: () => ({ query: 'contract', category: 'Servicing', includeInactive: true, limit: 10 }),
      invalid: [
        [() => ({ limit: 0 }), 'limit'],
        [() => ({ includeInactive: 'yes' }), 'includeInactive'],
        [() => ({ cursor: 'not-a-cursor' }), 'cursor'],
        [() => ({ category: long(61) }), 'category'],
      ],
    },
    'products.get': { valid: () => ({ id: productId }), invalid: [[() => ({ id: 'x' }), 'id']] },
    'products.create': {
      valid: () => ({ name: 'Day rate', code: 'CONTRACT-4', unit: 'day', unitPriceE4: 3_500_000_000, currency: 'EUR', costE4: 0, category: 'Labour', recurrence: 'none' }),
      invalid: [
        [() => ({ unitPriceE4: 1 }), 'name'],
        [() => ({ name: 'x' }), 'unitPriceE4'],
        [() => ({ name: 'x', unitPriceE4: 1.5 }), 'unitPriceE4'],
        [() => ({ name: 'x', unitPriceE4: 1, currency: 'POU' }), 'currency'],
        [() => ({ name: 'x', unitPriceE4: 1, recurrence: 'fortnightly' }), 'recurrence'],
        [() => ({ name: 'x', unitPriceE4: 1, taxRateId: NOPE }), 'taxRateId'],
        [() => ({ name: 'x', unitPriceE4: 1, code: 'contract-1' }), 'code'],
        [() => ({ name: 'x', unitPriceE4: 1, costE4: 'cheap' }), 'costE4'],
        [() => ({ name: 'x', unitPriceE4: 1, colour: 'red' }), '(input)'],
      ],
    },
    'products.update': {
      valid: () => ({ id: productId, unitPriceE4: 550_000_000, active: true }),
      invalid: [
        [() => ({ unitPriceE4: 1 }), 'id'],
        [() => ({ id: NOPE, name: 'x' }), 'id'],
        [() => ({ id: productId, name: '' }), 'name'],
        [() => ({ id: productId, code: 'CONTRACT-2' }), 'code'],
        [() => ({ id: productId, unit: long(31) }), 'unit'],
      ],
    },
    'products.delete': { valid: () => ({ id: spareProductId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({ id: NOPE }), 'id']] },
    'products.importCsv': {
      valid: () => ({ path: picked, dryRun: true }),
      invalid: [
        [() => ({ path: '' }), 'path'],
        [() => ({ path: '/etc/passwd' }), 'path'],
        [() => ({ path: picked, dryRun: 'yes' }), 'dryRun'],
      ],
    },
    'products.exportCsv': { valid: () => ({}), invalid: [[() => ({ format: 'xlsx' }), '(input)']] },
    'taxRates.list': { valid: () => ({ includeInactive: true }), invalid: [[() => ({ includeInactive: 1 }), 'includeInactive']] },
    'taxRates.create': {
      valid: () => ({ name: 'GST 15%', rateMilli: 15_000, kind: 'standard', country: 'NZ', validFrom: '2010-10-01', validTo: null }),
      invalid: [
        [() => ({ rateMilli: 1, kind: 'standard' }), 'name'],
        [() => ({ name: 'x', rateMilli: 100_001, kind: 'standard' }), 'rateMilli'],
        [() => ({ name: 'x', rateMilli: 1.5, kind: 'standard' }), 'rateMilli'],
        [() => ({ name: 'x', rateMilli: 1, kind: 'luxury' }), 'kind'],
        [() => ({ name: 'x', rateMilli: 1, kind: 'exempt' }), 'rateMilli'],
        [() => ({ name: 'x', rateMilli: 1, kind: 'standard', validFrom: '1 May' }), 'validFrom'],
        [() => ({ name: 'x', rateMilli: 1, kind: 'standard', validFrom: '2026-05-01', validTo: '2026-04-01' }), 'validTo'],
      ],
    },
    'taxRates.update': {
      valid: () => ({ id: rateId, active: false, validTo: '2030-12-31' }),
      invalid: [
        [() => ({ id: 'x' }), 'id'],
        [() => ({ id: NOPE, name: 'x' }), 'id'],
        [() => ({ id: rateId, name: '' }), 'name'],
        [() => ({ id: rateId, kind: 'zero' }), 'rateMilli'],
      ],
    },
    'taxRates.delete': { valid: () => ({ id: spareRateId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({ id: NOPE }), 'id']] },
  },
};
