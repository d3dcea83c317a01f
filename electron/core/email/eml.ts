// Filing a received email (.eml saved from any mail program) on a contact's timeline, offline: its sender,
// date, subject and text become an inbound email activity; its attachments are kept with it in SQLite. A message
// that carries a campaign's unsubscribe token and asks to unsubscribe withdraws that consent (issue #21).
import type { AddressObject } from 'mailparser';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findActivity, insertActivity, toActivity } from '../../db/activities.repo';
import { findPurpose, findTokens, latestEvents } from '../../db/consent.repo';
import { findContactIdByEmail, insertReceivedAttachments } from '../../db/email.repo';
import { readPicked } from '../files/picked';
import { requireContact } from '../links';
import type { FeatureContext } from '../modules';
import { NotAnEmail, parseEml, type ParsedEml } from './eml-parse';
import { createConsent } from '../consent/consent';
import { loadSmtp } from './settings';
import { asksToUnsubscribe, tokensIn } from './unsubscribe';
import { fileOntoCase, type CaseFiling } from '../cases/filing';
import { incomingOf } from '../cases/threading';

const addresses = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);
const text = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).map((o) => o.text).join(', ');

export function createEmlImport(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const consent = createConsent(ctx.deps);

  return async function importEml(input: ChannelParsedInput<'emails.importEml'>): Promise<ChannelOutput<'emails.importEml'>> {
    // Only a file the user picked may be read; its size (50 MB) is checked before a byte is (files/picked.ts).
    const { bytes: raw } = await readPicked(ctx.picks, input.path, 'path', 'eml');
    let mail: ParsedEml;
    try {
      mail = await parseEml(raw);
    } catch (error) {
      // NotAnEmail names what the file is instead ("This file is a PDF document…"), in the app's words.
      throw AppError.validation('path', error instanceof NotAnEmail ? error.message : 'This file could not be read as an email message (.eml)');
    }
    if (!mail.from && !mail.subject && !mail.text) throw AppError.validation('path', 'This is not an email message (.eml)');

    const me = (await loadSmtp(db)).fromAddress.toLowerCase();
    const sender = addresses(mail.from)[0] ?? '';
    const outbound = me !== '' && sender.toLowerCase() === me;
    // Only a message from someone else can unsubscribe them (a filed copy of the campaign email carries the token too).
    const tokens = !outbound && asksToUnsubscribe(mail.subject, mail.text) ? await findTokens(db, tokensIn(mail.subject ?? '', mail.text)) : [];
    let contactId = input.contactId ?? null;
    if (!contactId) {
      const candidates = outbound ? addresses(mail.to) : [sender];
      for (const address of candidates) if (!contactId) contactId = await findContactIdByEmail(db, address);
    }
    // A reply from an address not on the contact (a forwarding alias) is still theirs when it carries their token.
    contactId ??= tokens[0]?.contactId ?? null;
    if (!contactId) throw AppError.validation('contactId', `No contact has the address ${sender || '(none)'}: choose who to file it on`);

    const attachments = mail.attachments.map((a, i) => ({ position: i, filename: (a.filename || `attachment-${i + 1}`).replace(/[\r\n]+/g, ' '), contentType: a.contentType, content: a.content }));
    const list = attachments.map((a) => `${a.filename} (${Math.max(1, Math.round(a.content.length / 1024))} KB)`);
    const notes = [
      `From: ${text(mail.from)}`,
      `To: ${text(mail.to)}`,
      ...(mail.cc ? [`Cc: ${text(mail.cc)}`] : []),
      '',
      mail.text.trim(),
      ...(list.length > 0 ? ['', `Attachments: ${list.join(', ')}`] : []),
    ].join('\n');
    const id = newId();
    const now = clock.now().toISOString();
    const unsubscribed: { contactId: string; purposeId: string; purposeName: string; mirror: boolean }[] = [];
    let filing: CaseFiling = { changed: [] };
    const sentAt = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : clock.now();
    const activity = await db.transaction().execute(async (trx) => {
      const contact = await requireContact(trx, contactId);
      await insertActivity(trx, {
        id,
        contactId: contact.id,
        companyId: contact.companyId,
        jobId: null,
        type: 'email',
        direction: outbound ? 'outbound' : 'inbound',
        occurredAt: sentAt.toISOString(),
        durationSeconds: null,
        subject: (mail.subject ?? '(no subject)').slice(0, 200),
        notes: notes.slice(0, 20_000),
        outcome: null,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      });
      await insertReceivedAttachments(trx, id, attachments);
      for (const token of tokens) {
        const purpose = await findPurpose(trx, token.purposeId);
        // Filing the same reply twice records one withdrawal.
        if (!purpose || (await latestEvents(trx, [token.contactId], purpose.id)).get(token.contactId)?.action === 'withdrawn') continue;
        const mirror = await consent.append(trx, {
          contactId: token.contactId, purpose, action: 'withdrawn', basis: purpose.defaultBasis, source: 'unsubscribe',
          wording: (mail.subject ?? '').slice(0, 2000) || null, evidence: mail.messageId ?? `Filed message "${(mail.subject ?? '').slice(0, 200)}"`, capturedAt: now,
        });
        unsubscribed.push({ contactId: token.contactId, purposeId: purpose.id, purposeName: purpose.name, mirror });
      }
      // Onto its support case, in the same transaction (issue #22): a reply, a reopen, a follow-up case or a rating.
      filing = await fileOntoCase(trx, ctx.deps, {
        activityId: id, contactId: contact.id, outbound, incoming: incomingOf(mail), subject: mail.subject ?? '', text: mail.text,
        atMs: Math.min(sentAt.getTime(), clock.now().getTime()),
      });
      return toActivity((await findActivity(trx, id))!);
    });
    if (filing.changed.length > 0) events.emit('data.changed', { entity: 'case', action: 'updated', ids: filing.changed });
    for (const u of unsubscribed) consent.emit(u.contactId, u.mirror);
    events.emit('data.changed', { entity: 'activity', action: 'created', ids: [id] });
    events.emit('data.changed', { entity: 'contact', action: 'updated', ids: [contactId] });
    return {
      activity,
      attachments: attachments.map((a) => ({ filename: a.filename, size: a.content.length })),
      ...(unsubscribed.length > 0 ? { unsubscribed: unsubscribed.map(({ purposeId, purposeName }) => ({ purposeId, purposeName })) } : {}),
      ...(filing.case ? { case: filing.case } : {}),
      ...(filing.suggestedCases ? { suggestedCases: filing.suggestedCases } : {}),
    };
  };
}
