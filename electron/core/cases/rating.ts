// Satisfaction ratings without a server (issue #22 item 10): the reply asking for a rating carries five `mailto:`
// links to the user's own address with the subject "[C-0042] Rating 4"; the customer's mail program sends that
// message, the user files it like any other, and it is read back here. Pure functions; no database.
import { caseNumbersIn, caseToken, normaliseSubject } from './threading';

export const RATING_WORD = 'Rating';
const COMMENT_LABEL = 'Comment:';

/** The subject the rating link for `score` sends. */
export const ratingSubject = (n: number, score: number) => `${caseToken(n)} ${RATING_WORD} ${score}`;

/** The lines appended to a reply that asks for a rating: one link per score, best first. */
export function ratingLinks(n: number, ownAddress: string): string {
  const links = [5, 4, 3, 2, 1].map((score) => {
    const subject = encodeURIComponent(ratingSubject(n, score));
    // The body starts the comment line, so a customer who types goes straight on under it.
    const body = encodeURIComponent(`${COMMENT_LABEL} `);
    return `${'★'.repeat(score)}${'☆'.repeat(5 - score)} mailto:${ownAddress}?subject=${subject}&body=${body}`;
  });
  return ['How did we do? Click a line to rate this case (it opens a ready-made email to us; add a comment if you like):', '', ...links].join('\n');
}

// After the reply prefixes and the token are gone: "Rating 4", "rating: 4", "Rating 4/5".
const RATING = /^(?:rating|bewertung|betyg|vurdering|arvio|note|valoración|valutazione)\s*[:#-]?\s*([1-5])(?:\s*\/\s*5)?\s*$/iu;

/** Where quoted text starts in a reply: "> …", "On … wrote:", Outlook's header block, a forward marker. */
const QUOTE_START = [
  /^\s*>/,
  /^\s*(?:On|Am|Le|El|Il|Op|Den|På)\b.{0,200}(?:wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev)\s*:?\s*$/iu,
  /^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oprindelig meddelelse|Ursprungligt meddelande|Forwarded message)/iu,
  /^\s*(?:From|Von|De|Från|Fra|Van|Da):\s.+/u,
  /^\s*_{10,}\s*$/,
];

/** The customer's own words above any quoted text, without our "Comment:" label; null when they wrote nothing. */
export function commentOf(text: string): string | null {
  const kept: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (QUOTE_START.some((re) => re.test(line))) break;
    // A signature ends the comment too.
    if (/^-- ?$/.test(line)) break;
    kept.push(line);
  }
  const comment = kept.join('\n').trim().replace(new RegExp(`^${COMMENT_LABEL}\\s*`, 'i'), '').trim();
  return comment === '' ? null : comment.slice(0, 2_000);
}

/** A rating reply: "[C-0042] Rating 4" (after any Re:/AW:/SV: chain), its case number, score and comment. */
export function parseRating(subject: string | null | undefined, text: string): { caseNumber: number; score: number; comment: string | null } | null {
  const n = caseNumbersIn(subject)[0];
  if (n === undefined) return null;
  const m = RATING.exec(normaliseSubject(subject));
  if (!m) return null;
  return { caseNumber: n, score: Number(m[1]), comment: commentOf(text) };
}
