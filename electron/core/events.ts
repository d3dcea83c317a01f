// A typed main-side event bus. Transports (Electron webContents.send, the harness's SSE) subscribe;
// services emit. Payloads are checked against shared/ipc/events so a bad event fails in main, not in the UI.
import { events, type EventName, type EventPayload } from '../../shared/ipc/events';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].parse(payload);
    for (const listener of this.listeners) listener(name, checked);
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
