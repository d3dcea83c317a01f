// Words the import and export screens show for the backend's codes.
import type { ChangeField, Dialect, ImportEncoding, ImportTarget, MatchKey } from '../../../../shared/domain/transfer';

export const TARGET_LABELS: Record<ImportTarget, string> = {
  firstName: 'First name',
  middleName: 'Middle name (added to first name)',
  lastName: 'Last name',
  fullName: 'Full name (split into first and last)',
  company: 'Company',
  jobTitle: 'Job title',
  email: 'Email',
  emailLabel: 'Email label',
  phone: 'Phone',
  phoneLabel: 'Phone label',
  addressLabel: 'Address label',
  addressStreet: 'Street',
  addressCity: 'City',
  addressRegion: 'Region or state',
  addressPostcode: 'Postcode',
  addressCountry: 'Country',
  website: 'Website',
  birthday: 'Birthday',
  tags: 'Tags',
  notes: 'Notes',
  kind: 'Kind',
  leadSource: 'Lead source',
  emailOptIn: 'Email opt-in',
};

export const DIALECT_LABELS: Record<Dialect, string> = {
  rapport: 'Rapport CSV',
  google: 'Google Contacts CSV',
  'google-legacy': 'Google Contacts CSV (older layout)',
  'google-outlook': "Google Contacts' Outlook CSV",
  outlook: 'Outlook (desktop) CSV',
  'outlook-com': 'Outlook.com CSV',
  thunderbird: 'Thunderbird CSV',
  linkedin: 'LinkedIn connections CSV',
  yahoo: 'Yahoo Contacts CSV',
  generic: 'CSV (columns matched by their names)',
  vcard: 'vCard',
};

export const ENCODING_LABELS: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'iso-8859-15': 'ISO-8859-15 (Latin-9, with €)',
  'windows-1250': 'Windows-1250 (Central European)',
  'iso-8859-2': 'ISO-8859-2 (Central European)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'koi8-r': 'KOI8-R (Russian)',
  'windows-1253': 'Windows-1253 (Greek)',
  'windows-1254': 'Windows-1254 (Turkish)',
  'windows-1257': 'Windows-1257 (Baltic)',
  macintosh: 'Mac OS Roman',
  cp850: 'DOS code page 850 (Western)',
  cp437: 'DOS code page 437 (US)',
  shift_jis: 'Shift JIS (Japanese)',
  'euc-jp': 'EUC-JP (Japanese)',
  gbk: 'GBK (Simplified Chinese)',
  big5: 'Big5 (Traditional Chinese)',
  'euc-kr': 'EUC-KR (Korean)',
};

/** An encoding's name for people; a code the list does not know is shown as it is. */
export const encodingLabel = (code: string) => (ENCODING_LABELS as Record<string, string>)[code] ?? code;

/** Why a row was taken for a contact already here: the keys they share. */
export const MATCH_LABELS: Record<MatchKey, string> = {
  email: 'same email',
  phone: 'same phone',
  name: 'same name',
  company: 'same company',
  identical: 'identical in every field',
};

export const CHANGE_LABELS: Record<ChangeField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  jobTitle: 'Job title',
  emails: 'Emails',
  phones: 'Phones',
  addresses: 'Addresses',
  website: 'Website',
  birthday: 'Birthday',
  tags: 'Tags',
  notes: 'Notes',
  kind: 'Kind',
  leadSource: 'Lead source',
  emailOptIn: 'Email opt-in',
};

export const DELIMITER_LABELS: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };
