// Contract cases for quotes' channels (issue #23; see channels.test.ts). The quotes are made here, on the shared
// fixture contact (no email address: sends are "mark sent"), so no other feature's fixture changes. Channels run in
// contract order, so each answer-changing valid call has its own quote, and the invalid calls of quotes.accept use
// the quote quotes.decline answers later.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuotesChannel } from '../../shared/ipc/quotes.channels';
import { pickPaths } from '../helpers/picks';
import { long, type FeatureCases } from './cases';

const NOPE = '00000000-0000-4000-8000-000000000000';
const VAT20 = '5a1e57a0-0000-4000-8000-000000000001';
let contactId = '';
let draftId = '';
let deleteId = '';
let sendId = '';
let acceptId = '';
let declineId = '';
let reviseId = '';
let logo = '';
let fakeLogo = '';
/** A 1×1 PNG (as documents.cases.ts uses). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const line = (taxRateId = VAT20, quantityMilli = 1000) => ({ kind: 'item' as const, description: 'Labour', quantityMilli, unitPriceE4: 350_000, taxes: [{ taxRateId, rateMilli: 20_000 }] });
const lines = (taxRateId = VAT20, quantityMilli = 1000) => [line(taxRateId, quantityMilli)];

export const quotesCases: FeatureCases<QuotesChannel> = {
  async setup(fx) {
    contactId = fx.contactId;
    const make = async (title: string, sent: boolean) => {
      const id = (await fx.t.call('quotes.create', { title, contactId, lines: lines() })).id;
      if (sent) await fx.t.call('quotes.send', { id, markSentOnly: true });
      return id;
    };
    draftId = await make('Contract draft', false);
    deleteId = await make('Contract delete', false);
    sendId = await make('Contract send', false);
    acceptId = await make('Contract accept', true);
    declineId = await make('Contract decline', true);
    reviseId = await make('Contract revise', true);
    const dir = join(fx.t.dataDir, 'logo-files');
    mkdirSync(dir);
    logo = join(dir, 'logo.png');
    fakeLogo = join(dir, 'not-a-picture.png');
    writeFileSync(logo, PNG);
    writeFileSync(fakeLogo, 'plain text, named like a picture');
    await pickPaths(fx.t, [logo, fakeLogo], 'logo');
  },
  cases: {
    'quotes.create': {
      valid: () => ({ title: 'Boiler service', contactId, lines: lines(), validUntil: '2027-01-31', pageSize: 'Letter' }),
      invalid: [
        [() => ({ title: '  ', contactId }), 'title'],
        [() => ({ title: 'x' }), 'contactId'],
        [() => ({ title: 'x', contactId: NOPE }), 'contactId'],
        [() => ({ title: 'x', jobId: NOPE }), 'jobId'],
        [() => ({ title: 'x', contactId, lines: lines(NOPE) }), 'lines.0.taxes.0.taxRateId'],
        [() => ({ title: 'x', contactId, lines: lines(VAT20, 0) }), 'lines.0.quantityMilli'],
        [() => ({ title: 'x', contactId, pageSize: 'A3' }), 'pageSize'],
      ],
    },
    'quotes.get': { valid: () => ({ id: draftId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({ id: NOPE }), 'id']] },
    'quotes.update': {
      valid: () => ({ id: draftId, title: 'Contract draft v2', lines: [...lines(), line()], notes: 'Second visit' }),
      invalid: [
        [() => ({ id: NOPE, title: 'x' }), 'id'],
        [() => ({ id: draftId, title: '' }), 'title'],
        [() => ({ id: draftId, lines: lines(NOPE) }), 'lines.0.taxes.0.taxRateId'],
        [() => ({ id: draftId, contactId: NOPE }), 'contactId'],
      ],
    },
    'quotes.list': {
      valid: () => ({ status: 'open', contactId, query: 'Contract', limit: 5 }),
      invalid: [
        [() => ({ status: 'lost' }), 'status'],
        [() => ({ cursor: 'not-a-cursor' }), 'cursor'],
      ],
    },
    'quotes.delete': { valid: () => ({ id: deleteId }), invalid: [[() => ({ id: NOPE }), 'id'], [() => ({ id: 'x' }), 'id']] },
    'quotes.send': {
      valid: () => ({ id: sendId, markSentOnly: true }),
      invalid: [
        [() => ({ id: NOPE }), 'id'],
        // The fixture contact has no email address and none is typed.
        [() => ({ id: draftId }), 'to'],
        [() => ({ id: draftId, to: 'not an address' }), 'to'],
        [() => ({ id: draftId, templateId: NOPE, to: 'client@fixture.test' }), 'templateId'],
      ],
    },
    'quotes.accept': {
      valid: () => ({ id: acceptId, method: 'call', followUps: ['startWork', 'sendInvoice'] }),
      invalid: [
        [() => ({ id: NOPE, method: 'call' }), 'id'],
        [() => ({ id: declineId, method: 'wave' }), 'method'],
        [() => ({ id: declineId, method: 'call', chosenLineIds: [NOPE] }), 'chosenLineIds.0'],
        [() => ({ id: declineId, method: 'call', evidenceDocumentId: NOPE }), 'evidenceDocumentId'],
        [() => ({ id: declineId, method: 'call', evidenceActivityId: NOPE }), 'evidenceActivityId'],
        [() => ({ id: declineId, method: 'call', at: 'yesterday' }), 'at'],
      ],
    },
    'quotes.decline': {
      valid: () => ({ id: declineId, reason: 'Too dear' }),
      invalid: [
        [() => ({ id: NOPE }), 'id'],
        [() => ({ id: declineId, reason: long(501) }), 'reason'],
      ],
    },
    'quotes.revise': { valid: () => ({ id: reviseId }), invalid: [[() => ({ id: NOPE }), 'id'], [() => ({ id: 'x' }), 'id']] },
    'quotes.pdf': {
      valid: () => ({ id: draftId }),
      invalid: [
        [() => ({ id: NOPE }), 'id'],
        [() => ({ id: draftId, saveAs: 'yes' }), 'saveAs'],
      ],
    },
    'quotes.exportCsv': { valid: () => ({}), invalid: [] },
    'quotes.settings.get': { valid: () => ({}), invalid: [] },
    'quotes.settings.setLogo': {
      valid: () => ({ path: logo }),
      invalid: [
        [() => ({ path: fakeLogo }), 'path'],
        [() => ({ path: join('/tmp', 'never-picked.png') }), 'path'],
        [() => ({ path: 'relative.png' }), 'path'],
        [() => ({}), 'path'],
      ],
    },
    'quotes.settings.series': { valid: () => ({}), invalid: [[() => ({ kind: 'quote' }), '(input)']] },
    'quotes.settings.update': {
      valid: () => ({ businessName: 'Fixture Fitters', quoteValidityDays: 30, expiryReminderDays: 3 }),
      invalid: [
        [() => ({ quotePattern: 'Q-{X}' }), 'quotePattern'],
        [() => ({ quoteValidityDays: 0 }), 'quoteValidityDays'],
        [() => ({ defaultTaxRateId: NOPE }), 'defaultTaxRateId'],
        [() => ({ rounding: 'nearest' }), 'rounding'],
      ],
    },
  },
};
