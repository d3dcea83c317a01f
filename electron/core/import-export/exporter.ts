// Writes contacts to CSV (a preset's layout) or vCard. Streams the list's rows (never all at once)
// into a temp file beside the target and renames it at the end, so a failed export leaves no half file.
// No SQL here (the reads are import-export.exports.repo's); no `electron` import.
import type { Contact } from '../../../shared/domain/contact';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import type { ExportFilter } from '../../../shared/domain/transfer';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { exportContactsQuery } from '../../db/contacts.repo';
import { readCustom } from '../../db/fields.repo';
import { contactListSizes, snapshotContacts } from '../../db/import-export.exports.repo';
import { revenueCurrencyFor } from '../contacts/contacts';
import { customDefinitions } from '../fields/record-custom';
import type { FeatureContext } from '../modules';
import { csvLine } from '../csv-write';
import { writeFileAtomically } from '../export-file';
import { ExportCancelled, type ExportRuns } from './export-runs';
import { layoutFor, type GroupCounts } from './presets';
import { contactToVcard } from './vcard';

/** Contacts handed over at a time: one await per batch, not per row. */
const BATCH = 1000;

/**
 * Every live contact matching the filter (or the selection), in name order, from the store's read snapshot: a
 * consistent view (WAL), no per-page total counts, and each row is garbage as soon as it is written. The main
 * connection stays free for the app's other calls meanwhile. `total` is counted on the same snapshot, so the
 * progress bar ends exactly at its end.
 */
async function contactsToExport(ctx: FeatureContext, filter: ExportFilter | undefined, fields: readonly FieldDefinition[]): Promise<{ total: number; batches: Iterable<Contact[]>; close(): void }> {
  const { ids, ...rest } = filter ?? {};
  const revenueCurrency = await revenueCurrencyFor(ctx.deps.db, rest);
  // The list's custom-field conditions (issue #19) need the definitions to turn keys into SQL.
  const query = exportContactsQuery({ ...rest, revenueCurrency, now: ctx.deps.clock.now(), fields }, ids);
  if (!query) return { total: 0, batches: [], close: () => {} };
  const reader = ctx.store.readSnapshot();
  const close = () => reader.open && reader.close();
  try {
    const { total, contacts } = snapshotContacts(reader, ctx.deps.db, query);
    function* batches(): Generator<Contact[]> {
      let batch: Contact[] = [];
      for (const contact of contacts()) {
        batch.push(contact);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
    return { total, batches: batches(), close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * A batch's custom values in one read (issue #19), on the main connection: the snapshot is busy iterating the
 * contacts. None is read when there are no fields (the plain path stays as fast as it was).
 */
async function withCustom(ctx: FeatureContext, batch: Contact[], fields: readonly FieldDefinition[]): Promise<void> {
  if (fields.length === 0) return;
  const values = await readCustom(ctx.deps.db, 'contact', batch.map((c) => c.id), fields);
  for (const contact of batch) contact.custom = values.get(contact.id) ?? {};
}

async function groupCounts(ctx: FeatureContext): Promise<GroupCounts> {
  const sizes = await contactListSizes(ctx.deps.db);
  // At least one group each: a file with no phones yet still has the columns to fill in.
  return { emails: Math.max(1, sizes.emails), phones: Math.max(1, sizes.phones), addresses: Math.max(1, sizes.addresses) };
}

/** Written every 64K characters: bigger chunks outlive the young generation and swell the heap (measured: 1 MB chunks doubled it). */
const CHUNK_CHARS = 1 << 16;

export async function exportContacts(ctx: FeatureContext, runs: ExportRuns, input: ChannelParsedInput<'export.contacts'>) {
  const vcard = input.format === 'vcard';
  // Custom fields (issue #19), archived ones too: an export carries all of a contact's data.
  const fields = await customDefinitions(ctx.deps.db, 'contact');
  // The layout first: a bad column choice is a VALIDATION error before any dialog opens.
  const layout = vcard ? null : layoutFor(input.preset, await groupCounts(ctx), input.columns, fields);
  const target = await ctx.platform.saveTarget(vcard ? 'contacts.vcf' : 'contacts.csv', [vcard ? { name: 'vCard', extensions: ['vcf'] } : { name: 'CSV', extensions: ['csv'] }]);
  if (!target) return { path: null, count: 0, cancelled: true };

  // Only the fields the layout writes are read (Google's and Outlook's have none); vCard writes them all.
  const written = vcard || input.preset === 'rapport' || input.columns ? fields : [];
  const source = await contactsToExport(ctx, input.filter, fields);
  const run = runs.start(source.total);
  let count = 0;
  try {
    await writeFileAtomically(target, async (write) => {
      let buffer = input.bom && !vcard ? '\uFEFF' : '';
      if (layout) buffer += csvLine(layout.header, ',', layout.quoteAll);
      for (const batch of source.batches) {
        await withCustom(ctx, batch, written);
        for (const contact of batch) buffer += layout ? csvLine(layout.row(contact), ',', layout.quoteAll, layout.plain) : contactToVcard(contact, input.vcardVersion, fields);
        count += batch.length;
        run.advance(batch.length);
        if (buffer.length >= CHUNK_CHARS) {
          await write(buffer);
          buffer = '';
        }
      }
      await write(buffer);
    }, ctx.dataDir);
  } catch (error) {
    if (error instanceof ExportCancelled) return { path: null, count: 0, cancelled: true };
    throw error;
  } finally {
    source.close();
    run.finish();
  }
  return { path: target, count, cancelled: false };
}
