// Decides which support case a received email belongs to (issue #22 item 4): first by the Message-IDs it answers,
// then by a `[C-0042]` token in its subject, and only suggests (never attaches) a same-sender, same-subject case.
// Pure functions over lookups the caller supplies: no database, no file system, no `electron` import.
import type { ParsedEml } from '../email/eml-parse';

/** What threading needs from a received message; header values as written (ids may keep their angle brackets). */
export interface IncomingMessage {
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string | readonly string[] | null;
  subject?: string | null;
  /** The sender's address (not the display name). */
  from?: string | null;
}

/** How the caller finds cases; each may answer synchronously or with a promise. */
export interface ThreadLookups<C> {
  /** The case a Message-ID belongs to: one we sent from the case or one filed onto it. Ids come without brackets. */
  caseByMessageId(id: string): C | null | undefined | Promise<C | null | undefined>;
  /** The case numbered `n` (C-0042 is 42), or nothing when there is none. */
  caseByNumber(n: number): C | null | undefined | Promise<C | null | undefined>;
  /** Cases from this sender (lower-case address) whose subject normalises to `subjectKey` (see subjectKey). */
  casesBySenderSubject?(from: string, subjectKey: string): readonly C[] | Promise<readonly C[]>;
}

export type ThreadDecision<C> =
  | { kind: 'attach'; case: C; by: 'reference'; messageId: string }
  | { kind: 'attach'; case: C; by: 'token'; caseNumber: number }
  | { kind: 'suggest'; cases: readonly C[]; by: 'sender-subject' }
  | { kind: 'none' };

/** Numbers above this are not case numbers: a token like [C-99999999999] is text, not a reference. */
const MAX_CASE_NUMBER = 999_999_999;

/** "C-0042": at least four digits, so numbers sort and read alike in lists and subjects. */
export function caseLabel(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_CASE_NUMBER) throw new RangeError(`Not a case number: ${n}`);
  return `C-${String(n).padStart(4, '0')}`;
}

/** "[C-0042]": what goes into the subject of every email sent from a case. */
export function caseToken(n: number): string {
  return `[${caseLabel(n)}]`;
}

// Brackets as typed or as mail programs and phone keyboards rewrite them (full-width, lenticular); the dash as
// Outlook's autocorrect or a copy from a PDF may turn it (non-breaking hyphen, en/em dash, underscore) or left out.
const OPEN = '[\\[(（［【〔{]';
const CLOSE = '[\\])）］】〕}]';
const DASH = '[-‐‑‒–—－_:#.]?';
// Full-width letters and digits too (Japanese and Chinese input methods type them); \d alone is ASCII only.
const TOKEN = new RegExp(`${OPEN}\\s*[CcＣｃ]\\s*${DASH}\\s*([0-9０-９]{1,12})\\s*${CLOSE}`, 'gu');

/** The case numbers named by `[C-…]` tokens in a subject, in order, without repeats. */
export function caseNumbersIn(subject: string | null | undefined): number[] {
  const found: number[] = [];
  for (const m of (subject ?? '').matchAll(TOKEN)) {
    const n = Number((m[1] as string).normalize('NFKC'));
    if (n >= 1 && n <= MAX_CASE_NUMBER && !found.includes(n)) found.push(n);
  }
  return found;
}

// Reply and forward prefixes as mail programs write them: English, German (AW, Antw, WG), Nordic (SV, VS, VB, Vs,
// Fwd), Dutch (Antw, Doorst), French (TR, RE, Réf), Spanish/Portuguese (RV, RES, Enc, ENC), Italian (R, RIF, I),
// Polish (Odp, PD), Turkish (YNT, İLT), Latvian (Atb), Hungarian (Vá, Továbbítás), Greek, Cyrillic, Chinese, Hebrew.
// Sympa's multilingual reply test (sympa-community/sympa) is the source of several less common ones.
const PREFIX_WORDS = [
  're', 'aw', 'sv', 'vs', 'vb', 'antw', 'antwort', 'wg', 'fwd', 'fw', 'tr', 'rv', 'res', 'enc', 'r', 'ref', 'réf',
  'rif', 'i', 'odp', 'pd', 'ynt', 'i̇lt', 'İlt', 'ilt', 'atb', 'vá', 'továbbítás', 'doorst', 'dotaz', 'odg', 'yml', 'fs',
  'απ', 'σχετ', 'πρθ', 'на', 'отв', 'пересл', 'השב', 'הועבר', '回复', '回覆', '答复', '转发', '轉寄', '返信', '転送',
];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// One prefix: the word, an optional count (Re[2]:, Re^2:, RE(3):, "Atb.:"), then a colon (ASCII or full-width).
const PREFIX = new RegExp(
  `^\\s*(?:${PREFIX_WORDS.map(escapeRe).join('|')})\\.?\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*[:：]\\s*`,
  'iu',
);
// Markers company mail gateways put in front of outside mail ("Antw: [EXT] Re: …"); they are not part of the subject.
const GATEWAY_TAG = /^\s*(?:\[(?:ext|external|extern|externe?)\]|\*(?:ext|external)\*|(?:ext|external)\s*:)\s*/iu;

/**
 * The subject a person would recognise: every leading chain of reply/forward prefixes and gateway tags removed,
 * every `[C-…]` token removed, whitespace collapsed. "AW: SV: Re: Fwd: Leaking tap [C-0042]" → "Leaking tap".
 */
export function normaliseSubject(subject: string | null | undefined): string {
  let s = (subject ?? '').normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
  s = s.replace(TOKEN, ' ').trim();
  // "[Fwd: Leaking tap]": how older Netscape/Thunderbird versions wrote a forward's subject.
  for (let guard = 0; guard < 100; guard++) {
    const before = s;
    s = s.replace(PREFIX, '').replace(GATEWAY_TAG, '');
    const wrapped = /^\[\s*(?:fwd?|fw)\s*:\s*(.*)\]$/iu.exec(s);
    if (wrapped) s = wrapped[1] ?? '';
    s = s.trim();
    if (s === before) break;
  }
  return s.replace(/\s+/gu, ' ').trim();
}

/** The form two subjects are compared in for a suggestion: normalised, case and width folded. */
export function subjectKey(subject: string | null | undefined): string {
  return normaliseSubject(subject).normalize('NFKC').toLocaleLowerCase('und');
}

/** The subject of an email sent from case `n`: "Re: <subject> [C-0042]", never "Re: Re:" and never two tokens. */
export function replySubject(subject: string | null | undefined, n: number): string {
  const base = normaliseSubject(subject);
  return base ? `Re: ${base} ${caseToken(n)}` : `Re: ${caseToken(n)}`;
}

/** The Message-IDs in a header value, without angle brackets: "<a@x> <b@y>" → ["a@x", "b@y"]. */
export function messageIdsIn(value: string | readonly string[] | null | undefined): string[] {
  const parts = typeof value === 'string' ? [value] : (value ?? []);
  const ids: string[] = [];
  for (const part of parts) {
    const bracketed = [...part.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] as string);
    // Some programs write an id without brackets (or mailparser has added a pair around one that had none).
    const bare = bracketed.length ? [] : part.split(/\s+/).filter((p) => /^[^\s<>()"]+@[^\s<>()"]+$/.test(p));
    for (const id of [...bracketed, ...bare]) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The ids a reply answers, most specific first: In-Reply-To, then References from the newest (last) to the oldest.
 * The message's own Message-ID is left out, so a message filed twice does not thread onto itself by accident.
 */
export function answeredIds(msg: IncomingMessage): string[] {
  const own = messageIdsIn(msg.messageId ?? null)[0];
  const ids: string[] = [];
  for (const id of [...messageIdsIn(msg.inReplyTo ?? null), ...messageIdsIn(msg.references ?? null).reverse()]) {
    if (id !== own && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The threading input of a parsed .eml (eml-parse.ts): its ids, subject and sender address. */
export function incomingOf(parsed: ParsedEml): IncomingMessage {
  return {
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: parsed.references ?? null,
    subject: parsed.subject ?? null,
    from: parsed.from?.value.find((v) => v.address)?.address ?? null,
  };
}

/**
 * Where a received message goes. (a) Any id it answers that belongs to a case → that case. (b) Else the first `[C-…]`
 * token in its subject that names an existing case → that case. (c) Else cases from the same sender with the same
 * normalised subject are returned as a suggestion only: a subject like "Invoice" is too common to attach by.
 * The body is never read: a case token quoted in the text of an unrelated mail must not pull it onto the case.
 */
export async function threadMessage<C>(msg: IncomingMessage, lookups: ThreadLookups<C>): Promise<ThreadDecision<C>> {
  for (const id of answeredIds(msg)) {
    const found = await lookups.caseByMessageId(id);
    if (found != null) return { kind: 'attach', case: found, by: 'reference', messageId: id };
  }
  for (const n of caseNumbersIn(msg.subject)) {
    const found = await lookups.caseByNumber(n);
    if (found != null) return { kind: 'attach', case: found, by: 'token', caseNumber: n };
  }
  const from = msg.from?.trim().toLowerCase();
  const key = subjectKey(msg.subject);
  if (from && key && lookups.casesBySenderSubject) {
    const cases = await lookups.casesBySenderSubject(from, key);
    if (cases.length) return { kind: 'suggest', cases, by: 'sender-subject' };
  }
  return { kind: 'none' };
}
