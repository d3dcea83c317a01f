// Other people in a person's records (issue #21, the export's review step): which other contacts' full names and
// which other email addresses a free text holds, and the same text with them replaced by "(another person)".
// Names are found by word sequence (an index on each name's first word), so 10,000 notes against 10,000 contacts
// cost one pass over the words, not a search per name. Pure functions; no I/O.

export const ANOTHER = '(another person)';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const words = (text: string) => text.toLowerCase().match(WORD) ?? [];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Name <address>` (the name optional, quoted or not) and bare addresses. */
const NAMED_ADDRESS = /(?:"[^"\r\n]*"|[^\s"<>,:;\r\n][^"<>,:;\r\n]*?)?\s*<\s*([^<>\s@]+@[^<>\s]+)\s*>/g;
const BARE_ADDRESS = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+\.[^\s<>()[\],;:"'.]+/g;

export interface OtherPeople {
  /** Ids of other contacts whose full name appears in `text`. */
  namesIn(text: string | null | undefined): string[];
  /** Email addresses in `text` that are neither this person's nor the user's own. */
  addressesIn(text: string | null | undefined): string[];
  /** Whether `address` belongs to someone else (not this person, not the user). */
  isForeign(address: string): boolean;
  /** `text` with the given contacts' names and every foreign address (with its display name) replaced. */
  scrub(text: string, nameIds: readonly string[]): string;
  nameOf(id: string): string | undefined;
}

export function otherPeople(options: { others: readonly { id: string; name: string }[]; ownName: string; ownAddresses: readonly string[]; userAddress: string }): OtherPeople {
  const own = new Set(options.ownAddresses.map((a) => a.toLowerCase()));
  if (options.userAddress) own.add(options.userAddress.toLowerCase());
  const ownName = words(options.ownName).join(' ');
  const byFirst = new Map<string, { id: string; words: string[] }[]>();
  const names = new Map<string, string>();
  for (const other of options.others) {
    const w = words(other.name);
    // A full name only (two words or more), and never the person's own: a namesake would flag every note.
    if (w.length < 2 || w.join(' ') === ownName) continue;
    names.set(other.id, other.name);
    byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), { id: other.id, words: w }]);
  }
  const isForeign = (address: string) => !own.has(address.toLowerCase());

  return {
    namesIn(text) {
      if (!text) return [];
      const found = new Set<string>();
      const w = words(text);
      for (let i = 0; i < w.length; i++) {
        for (const candidate of byFirst.get(w[i]!) ?? []) {
          if (candidate.words.every((word, k) => w[i + k] === word)) found.add(candidate.id);
        }
      }
      return [...found];
    },
    addressesIn(text) {
      if (!text) return [];
      return [...new Set((text.match(BARE_ADDRESS) ?? []).map((a) => a.toLowerCase()))].filter(isForeign);
    },
    isForeign,
    scrub(text, nameIds) {
      let out = text.replace(NAMED_ADDRESS, (match, address: string) => (isForeign(address) ? ANOTHER : match));
      out = out.replace(BARE_ADDRESS, (address) => (isForeign(address) ? ANOTHER : address));
      for (const id of nameIds) {
        const name = names.get(id);
        if (!name) continue;
        const pattern = words(name).map(escape).join('[^\\p{L}\\p{N}]+');
        out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu'), ANOTHER);
      }
      return out;
    },
    nameOf: (id) => names.get(id),
  };
}
