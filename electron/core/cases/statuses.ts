// STUB (issue #22): statuses within the four fixed categories; a helper fills this in.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../modules';

const todo = (): never => {
  throw new Error('not built yet');
};

export function createCaseStatuses(_ctx: FeatureContext) {
  return {
    list: async (): Promise<ChannelOutput<'cases.statuses.list'>> => todo(),
    update: async (_input: ChannelParsedInput<'cases.statuses.update'>): Promise<ChannelOutput<'cases.statuses.update'>> => todo(),
  };
}
