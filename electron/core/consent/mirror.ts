// The one call other features make after they write contacts.email_opt_in (the contact form, bulk edits and their
// Undo, merges and their Undo): the newsletter ledger gets the event that makes it agree with the column, with where it
// came from, in the caller's transaction. Contacts whose ledger already agrees get nothing.
import type { Kysely } from 'kysely';
import { recordMirror, type MirrorSync } from '../../db/consent.repo';
import { logPrivacy } from '../../db/privacy-log.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';

const HOW: Record<MirrorSync['source'], string> = { form: 'on the contact form', import: 'by import', bulkEdit: 'by a bulk change' };

export async function recordOptIns(
  trx: Kysely<DB>,
  deps: Pick<ServiceDeps, 'clock' | 'newId'>,
  change: { source: MirrorSync['source']; evidence: string | null; contactIds: readonly string[] },
): Promise<number> {
  if (change.contactIds.length === 0) return 0;
  const at = deps.clock.now().toISOString();
  const n = await recordMirror(trx, { source: change.source, evidence: change.evidence, at, contacts: change.contactIds.map((contactId) => ({ contactId, eventId: deps.newId() })) });
  if (n > 0) await logOptIns(trx, deps, { source: change.source, count: n, at, contactId: change.contactIds.length === 1 ? change.contactIds[0]! : null });
  return n;
}

/** One privacy-log line for `count` newsletter events written to follow the opt-in column (naming no one). */
export async function logOptIns(trx: Kysely<DB>, deps: Pick<ServiceDeps, 'newId'>, e: { source: MirrorSync['source']; count: number; at: string; contactId: string | null }): Promise<void> {
  const who = e.count === 1 ? '' : ` for ${e.count} people`;
  await logPrivacy(trx, { id: deps.newId(), at: e.at, kind: 'consent', summary: `Consent changed: Newsletter${who} (email opt-in set ${HOW[e.source]})`, contactId: e.contactId });
}
