// STUB (issue #22): replies from a case through the outbox, rating links; a helper fills this in.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../modules';

const todo = (): never => {
  throw new Error('not built yet');
};

export function createCaseMail(_ctx: FeatureContext) {
  return {
    reply: async (_input: ChannelParsedInput<'cases.reply'>): Promise<ChannelOutput<'cases.reply'>> => todo(),
  };
}
