// STUB (issue #22): the case record and its timeline; a helper fills this in.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../modules';

const todo = (): never => {
  throw new Error('not built yet');
};

export function createCases(_ctx: FeatureContext) {
  return {
    create: async (_input: ChannelParsedInput<'cases.create'>): Promise<ChannelOutput<'cases.create'>> => todo(),
    get: async (_id: string): Promise<ChannelOutput<'cases.get'>> => todo(),
    update: async (_input: ChannelParsedInput<'cases.update'>): Promise<ChannelOutput<'cases.update'>> => todo(),
    list: async (_input: ChannelParsedInput<'cases.list'>): Promise<ChannelOutput<'cases.list'>> => todo(),
    remove: async (_id: string): Promise<ChannelOutput<'cases.delete'>> => todo(),
    restore: async (_id: string): Promise<ChannelOutput<'cases.restore'>> => todo(),
    setStatus: async (_input: ChannelParsedInput<'cases.setStatus'>): Promise<ChannelOutput<'cases.setStatus'>> => todo(),
    note: async (_input: ChannelParsedInput<'cases.note'>): Promise<ChannelOutput<'cases.note'>> => todo(),
    rate: async (_input: ChannelParsedInput<'cases.rate'>): Promise<ChannelOutput<'cases.rate'>> => todo(),
    merge: async (_input: ChannelParsedInput<'cases.merge'>): Promise<ChannelOutput<'cases.merge'>> => todo(),
  };
}
