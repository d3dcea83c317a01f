// The form's check while someone types a contact (or company): "Looks like Robert Smith (same mobile)". It never
// reads all records: candidates come by index (contact_match_keys for emails and phones, sort_last for the family
// name, the company's people), then each is scored like a scan pair. Best first, at most five.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { foldForSort } from '../../../shared/domain/text';
import { companyCandidates, contactsByKeys, contactsByNameOrCompany, keyCounts, liveContacts } from '../../db/duplicates.repo';
import type { ServiceDeps } from '../deps';
import { companyRecord, contactRecord, type DupRecord } from './records';
import { emailKey, phoneTail, registrableDomain } from './normalise';
import { phoneTexts } from './scan';
import { scorePair } from './score';
import { defaultCountry, duplicateThreshold } from './settings';

const MAX_MATCHES = 5;
/** Candidates read per look-up: a switchboard's 300 people are not all scored while someone types. */
const CANDIDATES = 60;

export function createDuplicatesCheck({ db }: ServiceDeps) {
  return async function check({ kind, id, fields }: ChannelParsedInput<'duplicates.check'>): Promise<ChannelOutput<'duplicates.check'>> {
    const threshold = await duplicateThreshold(db);
    const phoneText = phoneTexts(await defaultCountry(db));
    let typed: DupRecord;
    let candidates: DupRecord[];
    let counts = new Map<string, number>();
    if (kind === 'company') {
      const phone = fields.phones?.[0]?.value ?? null;
      typed = companyRecord({ id: id ?? '', name: fields.name ?? '', website: fields.website ?? null, phone, address: null });
      const prefix = typed.orgName ? foldForSort(fields.name ?? '').slice(0, Math.min(3, typed.orgName.length)) : null;
      const rows = await companyCandidates(db, prefix, registrableDomain(fields.website), phone ? phoneTail(phone) : null, CANDIDATES);
      candidates = rows.map(companyRecord);
    } else {
      const split = !fields.firstName && !fields.lastName && fields.name ? fields.name.trim().split(/\s+/) : null;
      const firstName = split ? split[0]! : (fields.firstName ?? null);
      const lastName = split ? split.slice(1).join(' ') || null : (fields.lastName ?? null);
      typed = contactRecord({
        id: id ?? '', firstName, lastName, emails: fields.emails ?? [], phones: fields.phones ?? [], addresses: [],
        companyId: fields.companyId ?? null, companyName: null, website: fields.website ?? null, birthday: null,
      });
      // The index holds emails as typed (trimmed, lower-cased): look up both that and the folded mailbox.
      const emailKeys = (fields.emails ?? []).flatMap((e) => [`e:${e.value.trim().toLowerCase()}`, `e:${emailKey(e.value)}`]);
      const phoneKeys = typed.phones.map((p) => `p:${p}`);
      const keys = [...new Set([...emailKeys, ...phoneKeys])];
      const family = lastName ? foldForSort(lastName) : null;
      const [byKey, byName, stored] = await Promise.all([
        contactsByKeys(db, keys, CANDIDATES),
        contactsByNameOrCompany(db, family, fields.companyId ?? null, CANDIDATES),
        keyCounts(db, keys),
      ]);
      counts = stored;
      const ids = [...new Set([...byKey, ...byName])].filter((other) => other !== id);
      candidates = (await liveContacts(db, ids)).map(contactRecord);
    }
    // The typed record is one of the holders of each of its keys (when new, it is not in the index yet).
    const count = (key: string) => (counts.get(key) ?? 1) + (id ? 0 : 1);
    const matches = [];
    for (const other of candidates) {
      if (other.id === id || !(typed.given || typed.family || typed.orgName || typed.emails.length || typed.phones.length)) continue;
      const { score, reasons } = scorePair(typed, other, count, phoneText);
      if (score >= threshold) matches.push({ id: other.id, displayName: other.shown, score, reasons });
    }
    matches.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return { matches: matches.slice(0, MAX_MATCHES) };
  };
}
