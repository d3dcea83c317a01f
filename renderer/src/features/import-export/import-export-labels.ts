// Words the import and export screens show for the backend's codes.
import type { Dialect, ImportTarget } from '../../../../shared/domain/transfer';

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
  generic: 'CSV (columns matched by their names)',
  vcard: 'vCard',
};

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western)',
};

export const DELIMITER_LABELS: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };
