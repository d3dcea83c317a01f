// Contract cases for the documents feature's channels (see channels.test.ts).
import type { DocumentsChannel } from '../../shared/ipc/documents.channels';
import type { FeatureCases } from './cases';

export const documentsCases: FeatureCases<DocumentsChannel> = { cases: {} };
