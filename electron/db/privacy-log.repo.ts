// The privacy log (issue #21): what was done (exports, erasures, consent changes, requests, retention decisions) and
// when, naming no one. `subject` is a one-way hash of the record it was about (subjectHash), so entries about one
// person group together and an erasure leaves nothing here to remove.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { PrivacyLogEntry, PrivacyLogKind } from '../../shared/domain/privacy';
import { decodeCursor, finishPage } from './keyset';
import type { DB } from './schema';
import { getSetting } from './settings.repo';

/** The store's HMAC key (migration 0022): random per store, so a hash cannot be checked against a list of addresses. */
export async function privacySalt(db: Kysely<DB>): Promise<string> {
  const salt = await getSetting(db, 'privacySalt');
  if (!salt) throw new Error('privacySalt setting missing (migration 0022 not applied)');
  return salt;
}

/** HMAC-SHA256 of one identifier ('id:<uuid>', 'e:<folded email>', 'p:<last 9 digits>'): what the log and the erasure register keep. */
export function subjectHash(salt: string, identifier: string): string {
  return createHmac('sha256', salt).update(identifier).digest('hex');
}

export interface PrivacyLogWrite {
  id: string;
  at: string;
  kind: z.infer<typeof PrivacyLogKind>;
  /** Words that name no one: "Consent withdrawn (Newsletter, by unsubscribe)". */
  summary: string;
  /** The contact it was about, hashed here; null for store-wide entries. */
  contactId: string | null;
}

export async function logPrivacy(db: Kysely<DB>, entry: PrivacyLogWrite): Promise<void> {
  const subject = entry.contactId ? subjectHash(await privacySalt(db), `id:${entry.contactId}`) : null;
  await db.insertInto('privacy_log').values({ id: entry.id, at: entry.at, kind: entry.kind, summary: entry.summary, subject }).execute();
}

/** Newest first, by seq. */
export async function listPrivacyLog(db: Kysely<DB>, limit: number, cursor: string | undefined): Promise<{ items: z.infer<typeof PrivacyLogEntry>[]; nextCursor: string | null }> {
  let query = db.selectFrom('privacy_log').selectAll().orderBy('seq', 'desc').limit(limit + 1);
  if (cursor) query = query.where('seq', '<', Number(decodeCursor(cursor).value));
  const { items, nextCursor } = finishPage(await query.execute(), limit, 'seq');
  return { items: items.map((r) => ({ id: r.id, at: r.at, kind: r.kind as z.infer<typeof PrivacyLogKind>, summary: r.summary, subject: r.subject })), nextCursor };
}
