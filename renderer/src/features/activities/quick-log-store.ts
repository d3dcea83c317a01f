// The quick log dialog's and the call timer's state, outside React so the hotkey, the menu command,
// a contact page and the header's timer all reach the same dialog.
import { useSyncExternalStore } from 'react';
import type { Activity, ActivityType } from '../../../../shared/domain/activity';

export interface QuickLogPrefill {
  contactId?: string;
  contactName?: string;
  /** The job this is about (its contact should be contactId); the title shows before the job list loads. */
  jobId?: string;
  jobTitle?: string;
  type?: ActivityType;
  durationSeconds?: number;
  /** When the logged thing happened (a finished call started earlier); defaults to now. */
  occurredAt?: Date;
  /** Opens the dialog on an activity already logged, to correct it. */
  editing?: Activity;
}

export interface RunningCall {
  contactId: string;
  contactName: string;
  startedAt: number;
}

interface State {
  /** null while closed; a fresh object (even empty) each time it opens, so the form resets. */
  quickLog: QuickLogPrefill | null;
  call: RunningCall | null;
}

let state: State = { quickLog: null, call: null };
const listeners = new Set<() => void>();

function set(patch: Partial<State>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useQuickLogState(): State {
  return useSyncExternalStore(subscribe, () => state);
}

export const quickLog = {
  open: (prefill: QuickLogPrefill = {}) => set({ quickLog: { ...prefill } }),
  close: () => set({ quickLog: null }),
};

export const callTimer = {
  start: (contactId: string, contactName: string) => {
    if (state.call) return;
    set({ call: { contactId, contactName, startedAt: Date.now() } });
  },
  /** Ends the call and opens the quick log with the contact and duration filled in. */
  end: () => {
    const call = state.call;
    if (!call) return;
    const durationSeconds = Math.max(1, Math.round((Date.now() - call.startedAt) / 1000));
    set({
      call: null,
      quickLog: { contactId: call.contactId, contactName: call.contactName, type: 'call', durationSeconds, occurredAt: new Date(call.startedAt) },
    });
  },
  cancel: () => set({ call: null }),
};
