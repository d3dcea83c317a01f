// STUB (issue #22): case templates; a helper fills this in.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../modules';

const todo = (): never => {
  throw new Error('not built yet');
};

export function createCaseTemplates(_ctx: FeatureContext) {
  return {
    list: async (): Promise<ChannelOutput<'cases.templates.list'>> => todo(),
    create: async (_input: ChannelParsedInput<'cases.templates.create'>): Promise<ChannelOutput<'cases.templates.create'>> => todo(),
    update: async (_input: ChannelParsedInput<'cases.templates.update'>): Promise<ChannelOutput<'cases.templates.update'>> => todo(),
    remove: async (_id: string): Promise<ChannelOutput<'cases.templates.delete'>> => todo(),
  };
}
