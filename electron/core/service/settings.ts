// STUB (issue #22): business calendar and targets; a helper fills this in.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../modules';

const todo = (): never => {
  throw new Error('not built yet');
};

export function createServiceSettings(_ctx: FeatureContext) {
  return {
    calendar: async (): Promise<ChannelOutput<'service.calendar.get'>> => todo(),
    updateCalendar: async (_input: ChannelParsedInput<'service.calendar.update'>): Promise<ChannelOutput<'service.calendar.update'>> => todo(),
    targets: async (): Promise<ChannelOutput<'service.targets.get'>> => todo(),
    updateTargets: async (_input: ChannelParsedInput<'service.targets.update'>): Promise<ChannelOutput<'service.targets.update'>> => todo(),
  };
}
