// The bulk-edit journal tables of schema.ts's DB (split out for length): written by contacts.bulk.repo.ts (0016).
// Like schema.ts, imports no application code.
import type { Generated } from 'kysely';

export type BulkEditAction = 'addTags' | 'removeTags' | 'setKind' | 'setEmailOptIn' | 'linkCompany' | 'trash';

export interface ContactBulkEditsTable {
  seq: Generated<number>;
  id: string;
  action: BulkEditAction;
  /** JSON of the change as asked for. */
  change: string;
  /** The consent note of an email opt-in change. */
  note: string | null;
  /** Where the change came from ("bulk edit"), kept with the consent note. */
  source: Generated<string>;
  status: 'running' | 'done' | 'undone';
  changed: Generated<number>;
  created_at: string;
  undone_at: Generated<string | null>;
}

export interface ContactBulkEditItemsTable {
  edit_id: string;
  contact_id: string;
  /** JSON of the contact's changed fields before the edit. */
  before: string;
  /** The contact's updated_at as the edit left it: undo touches it only if it is still this. */
  written_at: string;
}
