// Writes contacts to CSV (a preset's layout) or vCard. Streams pages of the list (never all rows at once)
// into a temp file beside the target and renames it at the end, so a failed export leaves no half file.
// No `electron` import.
import { sql, type Kysely } from 'kysely';
import type { Contact } from '../../../shared/domain/contact';
import type { ExportFilter } from '../../../shared/domain/transfer';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { toContact, type ContactRow } from '../../db/contacts.repo';
import type { DB } from '../../db/schema';
import { createContactsService } from '../contacts.service';
import type { ServiceDeps } from '../deps';
import type { FeatureContext } from '../modules';
import { csvLine, writeFileAtomically } from './csv-io';
import { layoutFor, type GroupCounts } from './presets';
import { contactToVcard } from './vcard';

/** Contacts per page read: large pages, because each page of the list also counts its total. */
const PAGE = 5000;

/** Every live contact matching the filter (or the selection), in name order, a page at a time. */
export async function* contactsToExport(deps: ServiceDeps, filter: ExportFilter | undefined): AsyncGenerator<Contact[]> {
  const { db } = deps;
  if (filter?.ids) {
    for (let i = 0; i < filter.ids.length; i += PAGE) {
      const ids = filter.ids.slice(i, i + PAGE);
      const { rows } = await sql<ContactRow>`SELECT c.*, co.name AS company_name FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE c.id IN (${sql.join(ids)}) AND c.deleted_at IS NULL ORDER BY c.sort_name, c.id`.execute(db);
      yield rows.map(toContact);
    }
    return;
  }
  // The contacts service's own list, so the export matches what the list shows, filter for filter.
  const contacts = createContactsService(deps);
  const { ids: _ids, ...query } = filter ?? {};
  let cursor: string | undefined;
  do {
    const page = await contacts.list({ ...query, trashed: false, limit: PAGE, ...(cursor ? { cursor } : {}) });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function groupCounts(db: Kysely<DB>): Promise<GroupCounts> {
  const { rows } = await sql<{ e: number | null; p: number | null; a: number | null }>`
    SELECT max(json_array_length(emails)) AS e, max(json_array_length(phones)) AS p, max(json_array_length(addresses)) AS a
    FROM contacts WHERE deleted_at IS NULL`.execute(db);
  const r = rows[0];
  // At least one group each: a file with no phones yet still has the columns to fill in.
  return { emails: Math.max(1, r?.e ?? 0), phones: Math.max(1, r?.p ?? 0), addresses: Math.max(1, r?.a ?? 0) };
}

const CHUNK_CHARS = 1 << 20;

export async function exportContacts(ctx: FeatureContext, input: ChannelParsedInput<'export.contacts'>) {
  const { db } = ctx.deps;
  const vcard = input.format === 'vcard';
  // The layout first: a bad column choice is a VALIDATION error before any dialog opens.
  const layout = vcard ? null : layoutFor(input.preset, await groupCounts(db), input.columns);
  const target = await ctx.platform.saveTarget(vcard ? 'contacts.vcf' : 'contacts.csv', [vcard ? { name: 'vCard', extensions: ['vcf'] } : { name: 'CSV', extensions: ['csv'] }]);
  if (!target) return { path: null, count: 0, cancelled: true };

  let count = 0;
  await writeFileAtomically(target, async (write) => {
    let buffer = input.bom && !vcard ? '\uFEFF' : '';
    if (layout) buffer += csvLine(layout.header, ',', layout.quoteAll);
    for await (const page of contactsToExport(ctx.deps, input.filter)) {
      for (const contact of page) {
        buffer += layout ? csvLine(layout.row(contact), ',', layout.quoteAll) : contactToVcard(contact, input.vcardVersion);
        count++;
      }
      if (buffer.length >= CHUNK_CHARS) {
        await write(buffer);
        buffer = '';
      }
    }
    await write(buffer);
  });
  return { path: target, count, cancelled: false };
}
