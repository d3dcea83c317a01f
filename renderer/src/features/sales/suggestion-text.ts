// How suggestions read: the pair's sentence, the follow-up titles, and the day a follow-up is due (today when the
// repeat is already overdue, or when it is an offer).
import type { SuggestionPair, SuggestionRepeat } from '../../api/sales';

export const pairSentence = (p: SuggestionPair) =>
  `Clients who bought ${p.productName} usually also bought ${p.alsoProductName} (${p.bothClients} of ${p.boughtClients})`;

export const offerTitle = (productName: string) => `Offer ${productName}`;
export const repeatTitle = (productName: string) => `Book ${productName} again`;

/** Today as YYYY-MM-DD in the user's time zone. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const repeatFollowUpDay = (r: SuggestionRepeat, today = localToday()) => (r.dueOn < today ? today : r.dueOn);

/** A YYYY-MM-DD day in the user's words ("3 Mar 2026"). */
export const dayWords = (day: string) => new Date(`${day}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });
