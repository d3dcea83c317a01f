// The contacts domain's part of the contract: channel -> input and output schemas.
// contract.ts spreads it in. Imports zod and shared/domain only.
import { Contact, ContactCreate, ContactListInput, ContactUpdate } from '../domain/contact';
import type { z } from 'zod';
import type { ContactsChannel } from './contacts.channels';
import { ById, Page } from './shapes';

export const contactsContract = {
  'contacts.create': { input: ContactCreate, output: Contact },
  'contacts.get': { input: ById, output: Contact },
  'contacts.update': { input: ContactUpdate, output: Contact },
  'contacts.delete': { input: ById, output: Contact },
  'contacts.restore': { input: ById, output: Contact },
  'contacts.list': { input: ContactListInput, output: Page(Contact) },
} as const satisfies Record<ContactsChannel, { input: z.ZodType; output: z.ZodType }>;
