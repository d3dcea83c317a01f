// The contacts domain's part of the contract: channel -> input and output schemas.
// contract.ts spreads it in. Imports zod and shared/domain only.
import { Contact, ContactCreate, ContactListInput, ContactUpdate } from '../domain/contact';
import { BulkUndoInput, BulkUndoResult, BulkUpdateInput, BulkUpdateResult } from '../domain/contact-bulk';
import { z } from 'zod';
import type { ContactsChannel } from './contacts.channels';
import { ById, Page } from './shapes';

export const contactsContract = {
  'contacts.create': { input: ContactCreate, output: Contact },
  'contacts.get': { input: ById, output: Contact },
  'contacts.update': { input: ContactUpdate, output: Contact },
  'contacts.delete': { input: ById, output: Contact },
  'contacts.restore': { input: ById, output: Contact },
  // offset: a scrolled list's random access (the row at that position and the page after it); a cursor wins.
  'contacts.list': { input: ContactListInput.extend({ offset: z.number().int().min(0).max(10_000_000).optional() }), output: Page(Contact) },
  /** One change to the ticked contacts or to everyone a filter matches, written in steps; undone as one unit. */
  'contacts.bulkUpdate': { input: BulkUpdateInput, output: BulkUpdateResult },
  'contacts.bulkUndo': { input: BulkUndoInput, output: BulkUndoResult },
} as const satisfies Record<ContactsChannel, { input: z.ZodType; output: z.ZodType }>;
