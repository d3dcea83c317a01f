// The email feature's entry: its channel handlers and any background work, given the shared context.
import type { EmailChannel } from '../../../shared/ipc/email.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createEmailModule(_ctx: FeatureContext): FeatureModule<EmailChannel> {
  return { handlers: {} };
}
