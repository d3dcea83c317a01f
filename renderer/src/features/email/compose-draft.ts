// The compose form's draft, kept in this window's localStorage as the user types, so closing the page or
// the app does not lose a half-written email. One draft per recipient contact (or one general draft).
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

const key = (contactId: string | undefined) => `rapport.emailDraft.${contactId ?? 'new'}`;

export function loadDraft(contactId: string | undefined): Draft | null {
  try {
    const raw = window.localStorage.getItem(key(contactId));
    return raw ? { ...EMPTY_DRAFT, ...(JSON.parse(raw) as Partial<Draft>) } : null;
  } catch {
    return null;
  }
}

export function saveDraft(contactId: string | undefined, draft: Draft): void {
  window.localStorage.setItem(key(contactId), JSON.stringify(draft));
}

export function clearDraft(contactId: string | undefined): void {
  window.localStorage.removeItem(key(contactId));
}
