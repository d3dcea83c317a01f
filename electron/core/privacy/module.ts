// The privacy feature's entry (issue #21): a handler map and nothing else. The request log is in requests.ts,
// "Export this person's data" in export*.ts, erasure in erase.ts, the SQL in db/privacy*.repo.ts.
import type { PrivacyChannel } from '../../../shared/ipc/privacy.channels';
import { listPrivacyLog } from '../../db/privacy-log.repo';
import type { FeatureContext, FeatureModule } from '../modules';
import { createEraser } from './erase';
import { createPersonExport } from './export';
import { createRequests } from './requests';

export function createPrivacyModule(ctx: FeatureContext): FeatureModule<PrivacyChannel> {
  const eraser = createEraser(ctx);
  const requests = createRequests(ctx.deps);
  const exportPerson = createPersonExport(ctx);
  return {
    handlers: {
      'privacy.requests.list': (input) => requests.list(input),
      'privacy.requests.create': (input) => requests.create(input),
      'privacy.requests.update': (input) => requests.update(input),
      'privacy.export': (input) => exportPerson(input),
      'privacy.erasePreview': (input) => eraser.preview(input),
      'privacy.erase': (input) => eraser.erase(input),
      'privacy.log': (input) => listPrivacyLog(ctx.deps.db, input.limit, input.cursor),
    },
  };
}
