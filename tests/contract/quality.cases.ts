// Contract cases for the data quality feature's channels (issue #20; see channels.test.ts).
import type { QualityChannel } from '../../shared/ipc/quality.channels';
import type { FeatureCases } from './cases';

export const qualityCases: FeatureCases<QualityChannel> = {
  cases: {
    'quality.summary': { valid: () => ({ untouchedYears: 3 }), invalid: [[() => ({ untouchedYears: 0 }), 'untouchedYears'], [() => ({ defaultCountry: 'uk' }), 'defaultCountry']] },
    'quality.list': { valid: () => ({ check: 'unreachable' }), invalid: [[() => ({ check: 'ugly' }), 'check'], [() => ({}), 'check']] },
    'quality.fix': { valid: () => ({ fix: 'trimSpaces' }), invalid: [[() => ({ fix: 'shout' }), 'fix'], [() => ({ fix: 'trimSpaces', ids: ['x'] }), 'ids.0']] },
    'quality.undo': { valid: () => ({ undoId: '0190a7e4-0000-7000-8000-000000000000' }), invalid: [[() => ({ undoId: 'x' }), 'undoId']] },
  },
};
