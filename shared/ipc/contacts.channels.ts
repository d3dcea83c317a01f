// Channel names of the contacts domain (zod-free: the preload's allow-list imports it). See channels.ts.
export const CONTACTS_CHANNELS = ['contacts.create', 'contacts.get', 'contacts.update', 'contacts.delete', 'contacts.restore', 'contacts.list', 'contacts.bulkUpdate', 'contacts.bulkUndo'] as const;

export type ContactsChannel = (typeof CONTACTS_CHANNELS)[number];
