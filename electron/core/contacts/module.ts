// The contacts domain's entry: its channels, each answered by the contacts service. A handler map and nothing else.
import type { ContactsChannel } from '../../../shared/ipc/contacts.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createContactsBulk } from './bulk';
import { createContactsService } from './contacts';

export function createContactsModule(ctx: FeatureContext): FeatureModule<ContactsChannel> {
  const contacts = createContactsService(ctx.deps);
  const bulk = createContactsBulk(ctx.deps);
  return {
    handlers: {
      'contacts.create': contacts.create,
      'contacts.get': ({ id }) => contacts.get(id),
      'contacts.update': contacts.update,
      'contacts.delete': contacts.delete,
      'contacts.restore': contacts.restore,
      'contacts.list': contacts.list,
      'contacts.bulkUpdate': bulk.update,
      'contacts.bulkUndo': bulk.undo,
    },
  };
}
