// Contract cases for the email feature's channels (see channels.test.ts).
import type { EmailChannel } from '../../shared/ipc/email.channels';
import type { FeatureCases } from './cases';

export const emailCases: FeatureCases<EmailChannel> = { cases: {} };
