// The typed face of window.rapport: the only code in the renderer that touches the transport.
// A wrong channel name or input shape is a compile error here; an error envelope becomes an IpcError.
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { IpcError } from '../../../shared/ipc/errors';
import type { EventName, EventPayload } from '../../../shared/ipc/events';

function bridge() {
  if (!window.rapport) throw new IpcError({ code: 'UNAVAILABLE', message: 'The Rapport backend is not connected.' });
  return window.rapport;
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await bridge().invoke(channel, input);
  if (!result.ok) throw new IpcError(result.error);
  // Main validated the output against the same contract before sending it.
  return result.value as ChannelOutput<C>;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, (payload) => listener(payload as EventPayload<E>));
}
