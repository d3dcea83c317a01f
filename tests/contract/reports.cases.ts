// Contract cases for the reports feature's channels (see channels.test.ts).
import type { ReportsChannel } from '../../shared/ipc/reports.channels';
import type { FeatureCases } from './cases';

export const reportsCases: FeatureCases<ReportsChannel> = { cases: {} };
