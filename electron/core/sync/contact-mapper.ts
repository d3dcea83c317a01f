// Contacts <-> vCards for CardDAV sync (issue #24): a contact renders as the card Rapport's export writes (plus its
// UID, never a REV, so the same contact always gives the same text), and a server's card writes its owned fields
// into the contact through the contacts service (search index, events and derived columns stay right). What Rapport
// does not map (a phone's PHOTO, IMPP, NICKNAME...) stays in the server's text: the engine keeps those fields.
// No `electron` import.
import type { Kysely } from 'kysely';
import { ContactFields, type Contact } from '../../../shared/domain/contact';
import type { CustomValues, FieldDefinition } from '../../../shared/domain/custom-fields';
import { customFromText } from '../../../shared/domain/import-custom';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { foldForSort } from '../../../shared/domain/text';
import { toContact } from '../../db/contacts.repo';
import type { DB } from '../../db/schema';
import { contactRowsWithCompany, liveCompanyWithSortName, liveIds, liveRecords } from '../../db/sync.records.repo';
import { createCompaniesService } from '../companies/companies';
import { createContactsService } from '../contacts/contacts';
import { customDefinitions, readCustom } from '../fields/record-custom';
import { contactToVcard, foldLine } from '../import-export/vcard-write';
import { cardLines, parseLine, readCard, unescape, type ReadCard } from './contact-fields';
import type { MapperFactory, RecordMapper } from './mapping';
import { vcardFormat } from './vcard-format';

async function loadContacts(db: Kysely<DB>, ids: readonly string[], fields: readonly FieldDefinition[]): Promise<Map<string, Contact>> {
  const rows = await contactRowsWithCompany(db, ids);
  const custom = fields.length ? await readCustom(db, 'contact', rows.map((r) => r.id), fields) : null;
  return new Map(rows.map((row) => [row.id, toContact(row, custom?.get(row.id) ?? {})]));
}

/** The card Rapport writes for a contact, with its UID; 3.0 writes a birthday without a year as --MMDD (RFC 2426 has no --MM-DD). */
export function renderContact(contact: Contact, uid: string, version: '3.0' | '4.0', fields: readonly FieldDefinition[]): string {
  let card = contactToVcard(contact, version, fields).replace(`VERSION:${version}\r\n`, `VERSION:${version}\r\n${foldLine(`UID:${uid}`)}`);
  if (version === '3.0') card = card.replace(/\r\nBDAY:--(\d\d)-(\d\d)\r\n/, '\r\nBDAY:--$1$2\r\n');
  return card;
}

/** The custom field an X-RAPPORT-<KEY> names: by its X-KEY, else by the key in any case when only one fits. */
function customValues(card: ReadCard, fields: readonly FieldDefinition[]): CustomValues {
  const out: CustomValues = {};
  for (const [name, value] of card.custom) {
    const matching = value.xKey ? fields.filter((f) => f.key === value.xKey) : fields.filter((f) => f.key.toUpperCase() === name);
    const def = matching.length === 1 ? matching[0]! : undefined;
    if (!def) continue;
    const read = customFromText(def, def.type === 'choices' ? value.list : value.text);
    if (read.ok && read.value !== null) out[def.key] = read.value;
  }
  return out;
}

export const createContactMapper: MapperFactory = (deps): RecordMapper => {
  const { db } = deps;
  const contacts = createContactsService(deps);
  const companies = createCompaniesService(deps);

  /** The live company of that name (case and accents aside, as the importer matches), else a new one. */
  async function companyFor(name: string | null, current: Contact | null): Promise<string | null> {
    if (!name) return null;
    const key = foldForSort(name);
    if (current?.companyId && current.companyName && foldForSort(current.companyName) === key) return current.companyId;
    const known = await liveCompanyWithSortName(db, key);
    if (known) return known;
    return (await companies.create({ name } as ChannelParsedInput<'companies.create'>)).id;
  }

  async function apply(text: string, id: string | null): Promise<string> {
    const card = readCard(cardLines(text).map(parseLine));
    if (!card.firstName && !card.lastName && !card.companyName && !card.emails.length && !card.phones.length) {
      throw AppError.validation('firstName', 'This card has no name, company, email address or phone number, so it cannot be a contact');
    }
    const fields = await customDefinitions(db, 'contact');
    let current: Contact | null = null;
    if (id) {
      current = await contacts.get(id);
      if (current.deletedAt) current = await contacts.restore({ id });
    }
    const custom: Record<string, CustomValues[string] | null> = customValues(card, fields);
    // A custom value the card no longer has was cleared on another device (Rapport writes every value it has).
    for (const key of Object.keys(current?.custom ?? {})) if (!(key in custom) && current!.custom[key] !== null) custom[key] = null;
    const input = {
      firstName: card.firstName,
      lastName: card.lastName,
      emails: card.emails,
      phones: card.phones,
      addresses: card.addresses,
      jobTitle: card.jobTitle,
      website: card.website,
      birthday: card.birthday,
      tags: card.tags,
      notes: card.notes,
      leadSource: card.leadSource,
      // Written on every card Rapport renders: absent means a program dropped it, not that it changed.
      ...(card.kind ? { kind: card.kind } : {}),
      ...(card.emailOptIn !== undefined ? { emailOptIn: card.emailOptIn } : {}),
      ...(Object.keys(custom).length ? { custom } : {}),
    };
    const parsed = ContactFields.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw AppError.validation(issue.path.map(String).join('.'), issue.message);
    }
    const companyId = await companyFor(card.companyName, current);
    if (!current) return (await contacts.create({ ...parsed.data, companyId } as ChannelParsedInput<'contacts.create'>)).id;
    await contacts.update({ ...parsed.data, companyId, id: current.id } as ChannelParsedInput<'contacts.update'>);
    return current.id;
  }

  return {
    kind: 'contact',
    format: vcardFormat,
    accepts(text) {
      const lines = cardLines(text).map(parseLine);
      if (!/^\s*BEGIN:VCARD\s*$/im.test(text)) return false;
      // A group (a list of members) is not a contact.
      return !lines.some((l) => (l.name === 'KIND' || l.name === 'X-ADDRESSBOOKSERVER-KIND') && unescape(l.value).trim().toLowerCase() === 'group');
    },
    uidOf(text) {
      const uid = cardLines(text).map(parseLine).find((l) => l.name === 'UID');
      return uid ? unescape(uid.value).trim() || null : null;
    },
    listLocal: () => liveRecords(db, 'contacts'),
    live: (ids) => liveIds(db, 'contacts', ids),
    async render(records, { version }) {
      const fields = await customDefinitions(db, 'contact');
      const loaded = await loadContacts(db, records.map((r) => r.id), fields);
      const out = new Map<string, string>();
      for (const r of records) {
        const contact = loaded.get(r.id);
        if (contact) out.set(r.id, renderContact(contact, r.uid, version, fields));
      }
      return out;
    },
    apply,
    async trash(id) {
      await contacts.delete({ id });
    },
    title(text) {
      const card = readCard(cardLines(text).map(parseLine));
      return card.fullName || [card.firstName, card.lastName].filter(Boolean).join(' ') || card.companyName || card.emails[0]?.value || card.phones[0]?.value || '(no name)';
    },
  };
};
