// Subscriptions to main -> renderer events as React hooks, so components never see the bridge.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { EventName, EventPayload } from '../../../shared/ipc/events';
import { onEvent } from './client';
import { invalidateAll } from './invalidate';

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  // Subscribe once per event name; the latest listener is called without resubscribing on every render.
  const handle = useEffectEvent(listener);
  useEffect(() => onEvent(event, (payload) => handle(payload)), [event]);
}

/** Keeps every view fresh when main reports a change, whoever made it (another window, an import, a menu). */
export function useLiveData(): void {
  const client = useQueryClient();
  // An import or a bulk change sends a burst of events; one refetch after the burst is enough.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEvent('data.changed', () => {
    if (pending.current !== null) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void invalidateAll(client);
    }, 100);
  });
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
}
