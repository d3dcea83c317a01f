// The form's duplicate check input (issue #20): half-typed emails and phones are left out rather than refused,
// nothing is asked before there is a name, an email or a phone, what is sent passes the contract, and an edited
// record counts as unchanged until what identifies it changes. Plus the duplicates view's sentences.
import { describe, expect, it } from 'vitest';
import { DuplicateCheckInput } from '../../shared/domain/duplicates';
import { checkInput, sameCheck } from '../../renderer/src/features/duplicates/check-input';
import { dismissedText, percent, progressText, scanResultText } from '../../renderer/src/features/duplicates/duplicates-text';

const ID = '0190a3c4-5b6d-7e8f-9a0b-000000000001';
const COMPANY = '0190a3c4-5b6d-7e8f-9a0b-000000000009';

describe('checkInput', () => {
  it('asks nothing until there is a name of two letters, a whole email or a phone long enough to mean someone', () => {
    expect(checkInput('contact', { firstName: 'B', emails: [{ value: 'bob@' }], phones: [{ value: '0770' }] })).toBeNull();
    expect(checkInput('contact', { firstName: '  ', lastName: '' })).toBeNull();
    expect(checkInput('contact', { firstName: 'Bo' })).toEqual({ kind: 'contact', fields: { firstName: 'Bo' } });
    expect(checkInput('contact', { phones: [{ value: '07700 900123' }] })).toEqual({ kind: 'contact', fields: { phones: [{ value: '07700 900123' }] } });
  });

  it('keeps only the complete emails and phones, trims, and names the record being edited', () => {
    const input = checkInput(
      'contact',
      {
        firstName: ' Robert ',
        lastName: 'Smith',
        emails: [{ value: 'bob@smith.example ' }, { value: 'half@' }, { value: '' }],
        phones: [{ value: '+44 7700 900123' }, { value: '12' }, { value: '' }],
        companyId: COMPANY,
        website: 'not a site',
      },
      ID,
    );
    expect(input).toEqual({
      kind: 'contact',
      id: ID,
      fields: { firstName: 'Robert', lastName: 'Smith', emails: [{ value: 'bob@smith.example' }], phones: [{ value: '+44 7700 900123' }], companyId: COMPANY },
    });
    expect(DuplicateCheckInput.safeParse(input).success).toBe(true);
  });

  it("asks about a company by its name, phone and website", () => {
    const input = checkInput('company', { name: 'Stone  Joinery Ltd', phone: '0113 496 0000', website: 'stone.example' });
    expect(input).toEqual({ kind: 'company', fields: { name: 'Stone Joinery Ltd', phones: [{ value: '0113 496 0000' }], website: 'stone.example' } });
    expect(DuplicateCheckInput.safeParse(input).success).toBe(true);
    expect(checkInput('company', { name: 'S', phone: '' })).toBeNull();
  });

  it('cuts a pasted name to what the contract takes instead of asking nothing', () => {
    const input = checkInput('contact', { firstName: 'A'.repeat(150) });
    expect(input?.fields.firstName).toHaveLength(100);
  });

  it('sees an edited record as unchanged while only what it does not match on changes', () => {
    const before = checkInput('contact', { firstName: 'Bob', phones: [{ value: '07700 900123' }] }, ID);
    const same = checkInput('contact', { firstName: 'Bob ', phones: [{ value: '07700 900123' }, { value: '07' }] }, ID);
    const renamed = checkInput('contact', { firstName: 'Robert', phones: [{ value: '07700 900123' }] }, ID);
    expect(sameCheck(before, same)).toBe(true);
    expect(sameCheck(before, renamed)).toBe(false);
  });
});

describe('the duplicates view in words', () => {
  it('writes scores as percentages, never 100 % for less than identical', () => {
    expect(percent(0.92)).toBe('92 %');
    expect(percent(0.29)).toBe('29 %');
    expect(percent(0.999)).toBe('99 %');
    expect(percent(1)).toBe('100 %');
  });

  it('says what a scan found, what a dismissal did and how far a scan is', () => {
    expect(scanResultText('contact', { scanned: 1200, groups: 3, cancelled: false })).toBe('Scanned 1,200 contacts: 3 groups of likely duplicates.');
    expect(scanResultText('company', { scanned: 1, groups: 0, cancelled: false })).toBe('Scanned 1 company: no likely duplicates.');
    expect(scanResultText('contact', { scanned: 5, groups: 1, cancelled: true })).toBe('Scan stopped. The duplicates found before it are still listed.');
    expect(dismissedText('contact', ['Bob Smith', 'Robert Smith'])).toBe('Bob Smith and Robert Smith will not be suggested as the same person again.');
    expect(progressText('contact', { done: 1200, total: 5000 })).toBe('Scanning… 1,200 of 5,000 contacts');
    expect(progressText('contact', null)).toBe('Scanning…');
  });
});
