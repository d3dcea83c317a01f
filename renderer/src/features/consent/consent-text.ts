// The words of consent (issue #21): each lawful basis, source and channel as people say them, and a person's state
// for one purpose in a sentence. Imports the shared enums only.
import { format } from 'date-fns';
import type { ConsentAction, ConsentChannel, ConsentSource, ConsentState, LawfulBasis } from '../../../../shared/domain/consent';

export const BASIS_LABELS: Record<LawfulBasis, string> = {
  consent: 'Consent',
  contract: 'Contract',
  legalObligation: 'Legal obligation',
  legitimateInterest: 'Legitimate interest',
  vitalInterest: 'Vital interest',
  publicTask: 'Public task',
};

export const SOURCE_LABELS: Record<ConsentSource, string> = {
  form: 'Form',
  call: 'Phone call',
  email: 'Email',
  inPerson: 'In person',
  paper: 'On paper',
  import: 'Import',
  bulkEdit: 'Bulk edit',
  unsubscribe: 'Unsubscribe reply',
  migration: 'Earlier email opt-in',
};

export const CHANNEL_LABELS: Record<ConsentChannel, string> = { email: 'Email', phone: 'Phone', post: 'Post', any: 'Any way' };

export const ACTION_LABELS: Record<ConsentAction, string> = { given: 'Given', withdrawn: 'Withdrawn' };

export const STATUS_LABELS: Record<ConsentState['status'], string> = { given: 'Given', withdrawn: 'Withdrawn', none: 'Not asked' };

/** The sources a person can record by hand; the others are written by Rapport itself (imports, unsubscribe replies…). */
export const RECORDABLE_SOURCES = ['form', 'call', 'email', 'inPerson', 'paper'] as const;

export const options = <K extends string>(labels: Record<K, string>, keys?: readonly K[]) =>
  (keys ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));

/** "3 Dec 2026, 14:05" */
export const when = (iso: string) => format(new Date(iso), 'd MMM yyyy, HH:mm');
