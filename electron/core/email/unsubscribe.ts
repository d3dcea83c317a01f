// Opting out without a server (issue #21): every campaign email ends with a line carrying a mailto link to the user's
// own address whose subject holds the person's token for the campaign's purpose, and the same link goes in its
// List-Unsubscribe header (mail programs show an "Unsubscribe" button that sends exactly that message). Filing the
// message that comes back (emails.importEml) withdraws the consent. No SQL, no `electron` import.

/** Tokens are 128 random bits in hex (db/consent.repo.ts tokenFor). */
const TOKEN = /\b[0-9a-f]{32}\b/gi;
/** The footer's link, as the worker finds it again in a stored campaign body to put it in the header. */
const FOOTER_LINK = /mailto:[^\s?]+\?subject=unsubscribe%20[0-9a-f]{32}/i;

export function unsubscribeLink(ownAddress: string, token: string): string {
  return `mailto:${ownAddress}?subject=unsubscribe%20${token}`;
}

/** The plain-text footer line appended to a campaign email's body (after the signature). */
export function unsubscribeFooter(ownAddress: string, token: string): string {
  return `To stop receiving these emails, reply with the word unsubscribe: ${unsubscribeLink(ownAddress, token)}`;
}

/** The List-Unsubscribe header's value for a stored campaign body, or null when its footer is not there (edited out). */
export function listUnsubscribeOf(body: string): string | null {
  const link = FOOTER_LINK.exec(body)?.[0];
  return link ? `<${link}>` : null;
}

/** Candidate tokens anywhere in these texts (the store says which are real). */
export function tokensIn(...texts: readonly string[]): string[] {
  const found = new Set<string>();
  // In a quoted footer the token follows "%20" (the link's encoded space), whose digits would run into it.
  for (const t of texts) for (const m of t.replace(/%20/g, ' ').matchAll(TOKEN)) found.add(m[0].toLowerCase());
  return [...found].slice(0, 20);
}

/**
 * Whether a message asks to unsubscribe: the word in its subject (the link's own subject, "unsubscribe <token>"), or
 * in its first line of text (a reply typed "unsubscribe" above the quoted email). A reply about something else that
 * merely quotes the footer is not an unsubscribe.
 */
export function asksToUnsubscribe(subject: string | undefined, text: string): boolean {
  const word = /\bunsubscribe\b/i;
  if (subject && word.test(subject)) return true;
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return !first.trimStart().startsWith('>') && word.test(first);
}
