// Subscriptions to main -> renderer events as React hooks, so components never see the bridge.
// Imports only ./client: every api/<domain>.ts may use it without a cycle.
import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '../../../shared/ipc/events';
import { onEvent } from './client';

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  // Subscribe once per event name; the latest listener is called without resubscribing on every render.
  const handle = useEffectEvent(listener);
  useEffect(() => onEvent(event, (payload) => handle(payload)), [event]);
}
