// The words of the Data quality page: each check's name and what its list shows, each fix's name, and the
// countries a phone fix may read numbers as.
import type { QualityCheck, QualityFixKind } from '../../../../shared/domain/quality';

export const CHECKS: readonly { check: QualityCheck; label: (years: number) => string; fix?: QualityFixKind }[] = [
  { check: 'unreachable', label: () => 'Contacts with no email, phone or address' },
  { check: 'invalidPhone', label: () => 'Phones that are not a phone number' },
  { check: 'unnormalisedPhone', label: () => 'Phones not in international form', fix: 'phonesE164' },
  { check: 'invalidEmail', label: () => 'Emails that are not an address' },
  { check: 'nameCase', label: () => 'Names in all capitals or all lower case', fix: 'titleCaseNames' },
  { check: 'extraSpaces', label: () => 'Extra spaces in names, emails, phones or job titles', fix: 'trimSpaces' },
  { check: 'companyNoPeople', label: () => 'Companies with no people' },
  { check: 'untouched', label: (years) => `Contacts not touched for ${years} ${years === 1 ? 'year' : 'years'}` },
];

export const FIXES: Record<QualityFixKind, { title: string; button: string; explain: string }> = {
  titleCaseNames: {
    title: 'Title-case names',
    button: 'Title-case names',
    explain: 'First and last names written in all capitals or all lower case get a capital at the start of each word ("JOHN SMITH" becomes "John Smith", "o\'neil" becomes "O\'Neil", "VAN DER BERG" becomes "van der Berg").',
  },
  phonesE164: {
    title: 'Phones to international form',
    button: 'Phones to international form',
    explain: 'Each phone number is written with its country code and no spaces ("07700 900123" becomes "+447700900123"). Numbers without a country code are read as the country chosen here; numbers that are not a phone number are left alone.',
  },
  trimSpaces: {
    title: 'Trim spaces',
    button: 'Trim spaces',
    explain: 'Spaces at the start or end, and doubled spaces, are removed from names, emails, phones and job titles.',
  },
};

/** Countries whose numbers people most often keep without a country code; the settings' one is added if missing. */
const COMMON = ['GB', 'IE', 'US', 'CA', 'AU', 'NZ', 'ZA', 'IN', 'FR', 'DE', 'NL', 'BE', 'LU', 'ES', 'PT', 'IT', 'CH', 'AT', 'DK', 'SE', 'NO', 'FI', 'PL', 'CZ', 'GR', 'TR', 'IL', 'AE', 'SG', 'HK', 'JP', 'BR', 'MX'];

export function countryOptions(current: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(['en-GB'], { type: 'region' });
  const codes = COMMON.includes(current) ? COMMON : [current, ...COMMON];
  return codes.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label));
}
