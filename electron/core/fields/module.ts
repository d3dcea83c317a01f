// The fields feature's entry (custom fields, issue #19): a handler map and nothing else. The work is in fields.ts,
// the SQL in db/fields.repo.ts; record domains read and write values through record-custom.ts.
import type { FieldsChannel } from '../../../shared/ipc/fields.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createFieldsService } from './fields';

export function createFieldsModule(ctx: FeatureContext): FeatureModule<FieldsChannel> & { service: ReturnType<typeof createFieldsService> } {
  const service = createFieldsService(ctx);
  return {
    service,
    handlers: {
      'fields.list': async (input) => ({ items: await service.list(input) }),
      'fields.create': (input) => service.create(input),
      // A type change without confirm only previews; with it, a backup is taken first (before-field-change).
      'fields.update': (input) => service.update(input),
      'fields.archive': (input) => service.archive(input.id, input.archived),
      'fields.delete': (input) => service.remove(input.id),
      'fields.restore': (input) => service.restore(input.id),
      'fields.reorder': (input) => service.reorder(input),
    },
  };
}
