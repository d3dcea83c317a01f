// Quote and invoice numbers (issue #23): what a pattern prints, what a bad pattern is told, the next number in a
// series across a new year, and the revision suffix.
import { describe, expect, it } from 'vitest';
import { DEFAULT_INVOICE_PATTERN, DEFAULT_QUOTE_PATTERN, checkNumberPattern, formatNumber, nextNumber, revisionNumber } from '../../shared/domain/numbering';

describe('formatNumber', () => {
  it('prints the year and the running number padded to its width', () => {
    expect(formatNumber(DEFAULT_QUOTE_PATTERN, { year: 2026, seq: 7 })).toBe('Q-2026-0007');
    expect(formatNumber(DEFAULT_INVOICE_PATTERN, { year: 2026, seq: 123 })).toBe('INV-2026-0123');
    expect(formatNumber('{YY}.{NNN}', { year: 2009, seq: 5 })).toBe('09.005');
    expect(formatNumber('Quote {N}', { year: 2026, seq: 42 })).toBe('Quote 42');
  });

  it('grows past the width rather than cutting the number, so two numbers never collide', () => {
    expect(formatNumber('Q{NN}', { year: 2026, seq: 100 })).toBe('Q100');
  });

  it('refuses to print a number the pattern check refuses, or an impossible place', () => {
    expect(() => formatNumber('Q-{XX}', { year: 2026, seq: 1 })).toThrow('{XX} is not a part Rapport knows');
    expect(() => formatNumber('Q-{NNNN}', { year: 2026, seq: 0 })).toThrow('starts at 1');
  });
});

describe('checkNumberPattern', () => {
  const message = (pattern: string, resetYearly = false) => checkNumberPattern(pattern, resetYearly).map((i) => `${i.path}: ${i.message}`);

  it('accepts the usual patterns', () => {
    expect(message('Q-{YYYY}-{NNNN}', true)).toEqual([]);
    expect(message('{YY}{NNNNN}', true)).toEqual([]);
    expect(message('Q{NNNN}')).toEqual([]);
  });

  it('says what is wrong, in the app’s words', () => {
    expect(message('')).toEqual(['pattern: Enter a pattern, such as Q-{YYYY}-{NNNN}']);
    expect(message('Q-{YYYY}')).toEqual(['pattern: A pattern needs a place for the running number, such as {NNNN}']);
    expect(message('Q-{NNN}-{NN}')).toEqual(['pattern: A pattern has one running number: remove the extra {N…}']);
    expect(message('Q-{MM}-{NNNN}')).toEqual(['pattern: {MM} is not a part Rapport knows: use {YYYY}, {YY} or {NNNN} (one N per digit)']);
    expect(message('Q-{NNNN')).toEqual(['pattern: A brace is not closed: parts are written {YYYY}, {YY} or {NNNN}']);
    expect(message('Q/{NNNN}')[0]).toMatch(/cannot contain .* because the number names the PDF file/);
    expect(message(' Q{NNNN}')).toEqual(['pattern: A pattern cannot start or end with a space']);
    expect(message(`Q${'x'.repeat(40)}{NNNN}`)).toEqual(['pattern: A pattern has at most 40 characters']);
  });

  it('refuses a yearly reset without the year, which would give Q-0001 twice', () => {
    expect(message('Q-{NNNN}', true)[0]).toMatch(/start again each year need \{YYYY\} or \{YY\}/);
    expect(message('Q-{NNNN}', false)).toEqual([]);
  });
});

describe('nextNumber', () => {
  it('starts at 1, counts on, and starts again in a new year only when asked', () => {
    expect(nextNumber(null, 2026, true)).toEqual({ year: 2026, seq: 1 });
    expect(nextNumber({ year: 2026, seq: 7 }, 2026, true)).toEqual({ year: 2026, seq: 8 });
    expect(nextNumber({ year: 2026, seq: 7 }, 2027, true)).toEqual({ year: 2027, seq: 1 });
    expect(nextNumber({ year: 2026, seq: 7 }, 2027, false)).toEqual({ year: 2027, seq: 8 });
  });

  it('never gives an earlier year’s numbers again when the clock is set back', () => {
    const next = nextNumber({ year: 2027, seq: 3 }, 2026, true);
    expect(next).toEqual({ year: 2027, seq: 4 });
    expect(formatNumber(DEFAULT_QUOTE_PATTERN, next)).toBe('Q-2027-0004');
  });

  it('gives a gapless, duplicate-free run across a year end', () => {
    const given: string[] = [];
    let last: { year: number; seq: number } | null = null;
    for (const year of [2026, 2026, 2026, 2027, 2027]) {
      last = nextNumber(last, year, true);
      given.push(formatNumber(DEFAULT_QUOTE_PATTERN, last));
    }
    expect(given).toEqual(['Q-2026-0001', 'Q-2026-0002', 'Q-2026-0003', 'Q-2027-0001', 'Q-2027-0002']);
  });
});

describe('revisionNumber', () => {
  it('keeps the number for the first revision and adds -R2, -R3 after', () => {
    expect(revisionNumber('Q-2026-0007', 1)).toBe('Q-2026-0007');
    expect(revisionNumber('Q-2026-0007', 2)).toBe('Q-2026-0007-R2');
    expect(revisionNumber('Q-2026-0007', 12)).toBe('Q-2026-0007-R12');
    expect(() => revisionNumber('Q-2026-0007', 0)).toThrow('A revision is 1 or more');
  });
});
