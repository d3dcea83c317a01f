// The documents feature's entry: its channel handlers and any background work, given the shared context.
import type { DocumentsChannel } from '../../../shared/ipc/documents.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createDocumentsModule(_ctx: FeatureContext): FeatureModule<DocumentsChannel> {
  return { handlers: {} };
}
