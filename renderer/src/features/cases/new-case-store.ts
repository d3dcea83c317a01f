// The New case dialog's state, outside React so a contact page, a job page, the quick log and a timeline entry
// all open the same dialog (mounted once beside the quick log).
import { useSyncExternalStore } from 'react';

export interface NewCasePrefill {
  contactId?: string;
  contactName?: string;
  companyId?: string | null;
  jobId?: string | null;
  jobTitle?: string | null;
  /** A logged call or filed email that becomes the case's first entry. */
  fromActivityId?: string;
  subject?: string;
  type?: 'warranty' | 'question' | 'problem' | 'request' | 'complaint' | 'other';
  channel?: 'phone' | 'email' | 'inPerson' | 'letter' | 'web';
}

let state: NewCasePrefill | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNewCaseState(): NewCasePrefill | null {
  return useSyncExternalStore(subscribe, () => state);
}

export const newCase = {
  open: (prefill: NewCasePrefill = {}) => {
    state = { ...prefill };
    listeners.forEach((l) => l());
  },
  close: () => {
    state = null;
    listeners.forEach((l) => l());
  },
};
