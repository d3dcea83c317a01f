// The benchmarks' way into the app: a channel call through the real dispatcher, typed by the contract, that
// throws on an error envelope so a broken case stops the run instead of timing an error.
import type { Core } from '../../electron/core/app';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';

export async function call<C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} answered ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C>;
}
