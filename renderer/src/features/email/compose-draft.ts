// The compose form's draft, kept in this window's localStorage as the user types, so closing the page or
// the app does not lose a half-written email. One draft per recipient contact (or one general draft).
import { localDraftStore } from '../../ui/use-draft';

export interface Draft {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  replyTo: string;
  templateId: string | null;
  attachments: string[];
  /** Stored documents to attach (ids; their bytes are read when the email is sent). */
  documents: { id: string; name: string }[];
}

export const EMPTY_DRAFT: Draft = { to: [], cc: [], bcc: [], subject: '', body: '', replyTo: '', templateId: null, attachments: [], documents: [] };

const drafts = localDraftStore<Draft>('rapport.emailDraft');
const key = (contactId: string | undefined) => contactId ?? 'new';

export function loadDraft(contactId: string | undefined): Draft | null {
  const draft = drafts.load(key(contactId));
  return draft ? { ...EMPTY_DRAFT, ...draft } : null;
}

export function saveDraft(contactId: string | undefined, draft: Draft): void {
  drafts.save(key(contactId), draft);
}

export function clearDraft(contactId: string | undefined): void {
  drafts.clear(key(contactId));
}
