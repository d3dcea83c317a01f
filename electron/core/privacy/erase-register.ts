// Asking the erasure register (issue #21) whether someone about to be created again was erased: an import row, a
// contact restored on its own from a backup. Only one-way hashes are compared: the register holds no address.
import type { Kysely } from 'kysely';
import { registerHashes } from '../../db/erasure.register.repo';
import { privacySalt } from '../../db/privacy-log.repo';
import type { DB } from '../../db/schema';
import { matchHashes } from './erase-identity';

export type ErasedCheck = (person: { id?: string; emails: readonly { value: string }[]; phones: readonly { value: string }[] }) => string | null;

/**
 * Reads the register once and answers, synchronously (inside an import's steps), the day a person with any of these
 * identifiers was erased, or null. With an empty register (the usual case) it costs nothing per row.
 */
export async function erasedMatcher(db: Kysely<DB>): Promise<ErasedCheck> {
  const register = await registerHashes(db);
  if (register.size === 0) return () => null;
  const salt = await privacySalt(db);
  return (person) => {
    const hashes = matchHashes(salt, { id: person.id ?? '', emails: person.emails.map((e) => e.value), phones: person.phones.map((p) => p.value) });
    const hit = hashes.map((h) => register.get(h)).find(Boolean);
    return hit ? hit.erasedAt.slice(0, 10) : null;
  };
}

export const erasedWords = (day: string) => `Erased on ${day}; not imported`;
