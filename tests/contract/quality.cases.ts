// Contract cases for the data quality feature's channels (issue #20; see channels.test.ts). The fix undone by the
// valid undo call touched only a contact made here.
import type { QualityChannel } from '../../shared/ipc/quality.channels';
import type { FeatureCases } from './cases';

let undoId = '';

export const qualityCases: FeatureCases<QualityChannel> = {
  async setup(fx) {
    const own = (await fx.t.call('contacts.create', { firstName: 'QUALITY', lastName: 'CASE' })).id;
    undoId = (await fx.t.call('quality.fix', { fix: 'titleCaseNames', ids: [own], preview: false })).undoId ?? '';
  },
  cases: {
    'quality.summary': { valid: () => ({ untouchedYears: 3 }), invalid: [[() => ({ untouchedYears: 0 }), 'untouchedYears'], [() => ({ defaultCountry: 'uk' }), 'defaultCountry']] },
    'quality.list': { valid: () => ({ check: 'unreachable' }), invalid: [[() => ({ check: 'ugly' }), 'check'], [() => ({}), 'check'], [() => ({ check: 'nameCase', cursor: 'x' }), 'cursor']] },
    'quality.fix': { valid: () => ({ fix: 'trimSpaces' }), invalid: [[() => ({ fix: 'shout' }), 'fix'], [() => ({ fix: 'trimSpaces', ids: ['x'] }), 'ids.0']] },
    'quality.undo': { valid: () => ({ undoId }), invalid: [[() => ({ undoId: 'x' }), 'undoId']] },
  },
};
