// STUB (issue #22): the service report and its CSV; a helper fills this in.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../modules';

const todo = (): never => {
  throw new Error('not built yet');
};

export function createServiceReport(_ctx: FeatureContext) {
  return {
    report: async (_input: ChannelParsedInput<'reports.service'>): Promise<ChannelOutput<'reports.service'>> => todo(),
    exportCsv: async (_input: ChannelParsedInput<'reports.serviceCsv'>): Promise<ChannelOutput<'reports.serviceCsv'>> => todo(),
  };
}
