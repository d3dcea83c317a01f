// "Export this person's data" (issue #21, a subject access request): one zip with data.json (every record about
// them), summary.html (the same, readable), one CSV per section, their emails as .eml files and their documents'
// own files. `review: true` only lists the shared records (records about them that name other people) for the
// user to leave out or keep; it writes nothing. The zip goes through export-file.ts (a temp name renamed into
// place), so a failure leaves nothing at the chosen path. The privacy log records the export without names.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findContact } from '../../db/contacts.repo';
import { listFields } from '../../db/fields.repo';
import { contactNames, otherFullNames, readSubject } from '../../db/privacy.export.repo';
import { logPrivacy } from '../../db/privacy-log.repo';
import { requestsOfContact } from '../../db/privacy.repo';
import { createZipWriter } from '../data/zip-writer';
import { zipNames } from '../data/zip-names';
import { createBlobStore } from '../documents/blob-store';
import { loadSmtp } from '../email/settings';
import { writeFileAtomically } from '../export-file';
import type { FeatureContext } from '../modules';
import { sectionCsv, summaryHtml } from './export-html';
import { buildPackage, type ExportPackage } from './export-records';
import { otherPeople } from './export-redact';

type Result = ChannelOutput<'privacy.export'>;

/** File types that are compressed already: stored as they are. */
const PACKED = /\.(jpe?g|png|gif|webp|heic|avif|mp[34]|m4a|mov|zip|gz|7z|rar|docx|xlsx|pptx|odt|ods|odp|pdf)$/i;

export function createPersonExport(ctx: FeatureContext) {
  const { db, clock, newId } = ctx.deps;
  const blobs = createBlobStore(join(ctx.dataDir, 'documents'));

  async function gather(contactId: string, leaveOut: ReadonlySet<string>) {
    const contact = await findContact(db, contactId);
    // A contact in the Trash is still held, so it can still be exported; only an unknown id is refused.
    if (!contact) throw AppError.notFound('Contact', contactId);
    // One read transaction: every part of the package describes the same moment.
    const read = await db.transaction().execute(async (trx) => {
      const rows = await readSubject(trx, contactId);
      const ids = new Set<string>();
      rows.jobs.forEach((j) => j.people.forEach((p) => ids.add(p)));
      rows.appointments.forEach((a) => [a.contactId, a.jobContactId].forEach((p) => typeof p === 'string' && ids.add(p)));
      rows.documents.forEach((d) => d.links.forEach((l) => l.owner && ids.add(l.owner)));
      for (const o of rows.outbox) {
        const recipients = JSON.parse(o.row.recipients) as Record<string, { contactId: string | null }[] | undefined>;
        for (const list of [recipients.to, recipients.cc, recipients.bcc]) list?.forEach((r) => r.contactId && ids.add(r.contactId));
      }
      return {
        rows,
        requests: await requestsOfContact(trx, contactId),
        others: await otherFullNames(trx, contactId),
        names: await contactNames(trx, [...ids]),
        labels: new Map((await listFields(trx, 'contact', { includeArchived: true })).map((f) => [f.key, f.label])),
        smtp: await loadSmtp(trx),
      };
    });
    const people = otherPeople({ others: read.others, ownName: contact.displayName, ownAddresses: contact.emails.map((e) => e.value), userAddress: read.smtp.fromAddress });
    const pkg = buildPackage({
      contact,
      customLabels: read.labels,
      rows: read.rows,
      requests: read.requests,
      people,
      names: read.names,
      from: { name: read.smtp.fromName, address: read.smtp.fromAddress },
      leaveOut,
    });
    return { contact, pkg };
  }

  const countsOf = (pkg: ExportPackage) => Object.fromEntries(Object.entries(pkg.sections).map(([section, rows]) => [section, rows.length]));

  async function writeZip(target: string, name: string, pkg: ExportPackage, leftOut: number): Promise<{ files: number; missing: number }> {
    const now = clock.now();
    let files = 0;
    let missing = 0;
    await writeFileAtomically(
      target,
      async (write) => {
        const zip = createZipWriter((chunk) => write(chunk), { now });
        // The documents first: each record then says where its file is (or that it could not be found).
        const names = zipNames();
        for (const doc of pkg.files.documents) {
          const source = doc.mode === 'copy' && doc.sha256 ? blobs.pathOf(doc.sha256) : doc.linkPath;
          const size = source && existsSync(source) && statSync(source).isFile() ? statSync(source).size : -1;
          if (!source || size < 0) {
            doc.record.file = null;
            doc.record.fileMissing = true;
            missing++;
            continue;
          }
          const entry = names.next('documents', doc.name);
          await zip.addFile(entry, source, size, { compress: !PACKED.test(doc.name) });
          doc.record.file = entry;
          files++;
        }
        for (const email of pkg.files.emails) {
          await zip.addBuffer(email.name, await email.build());
          files++;
        }
        const exportedAt = now.toISOString();
        await zip.addBuffer('data.json', `${JSON.stringify({ exportedAt, about: 'Every record Rapport holds about this person', leftOut, ...pkg.sections }, null, 2)}\n`);
        await zip.addBuffer('summary.html', summaryHtml({ name, exportedAt, sections: pkg.sections, leftOut }));
        for (const [section, rows] of Object.entries(pkg.sections)) await zip.addBuffer(`csv/${section}.csv`, sectionCsv(rows));
        await zip.finish();
      },
      ctx.dataDir,
    );
    return { files, missing };
  }

  return async function exportPerson(input: ChannelParsedInput<'privacy.export'>): Promise<Result> {
    const leaveOut = new Set(input.leaveOut);
    const { contact, pkg } = await gather(input.contactId, leaveOut);
    const counts = countsOf(pkg);
    if (input.review) return { path: null, cancelled: false, shared: pkg.shared, counts };
    // The suggested name is fixed words and a date, never the person's name (platform.ts).
    const day = clock.now().toISOString().slice(0, 10);
    const target = await ctx.platform.saveTarget(`Personal data export ${day}.zip`, [{ name: 'Zip archive', extensions: ['zip'] }]);
    if (!target) return { path: null, cancelled: true, shared: pkg.shared, counts };
    const { files, missing } = await writeZip(target, contact.displayName, pkg, pkg.leftOut);
    const records = Object.values(counts).reduce((a, b) => a + b, 0);
    await logPrivacy(db, {
      id: newId(),
      at: clock.now().toISOString(),
      kind: 'export',
      summary: `Personal data exported: ${records} records, ${files} files${missing ? `, ${missing} document file(s) missing` : ''}${pkg.leftOut ? `, ${pkg.leftOut} record(s) left out` : ''}`,
      contactId: contact.id,
    });
    return { path: target, cancelled: false, shared: pkg.shared, counts };
  };
}
