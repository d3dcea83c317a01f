// The business's logo on quote and invoice PDFs (issue #23): a PNG or JPEG the user picked with the open dialog is
// read under the picked-file rule (2 MB at most), checked by its first bytes (not its name), stored in Documents like
// any copied file, and named in the sales settings. The PDF embeds it from there (printable.ts).
import { basename } from 'node:path';
import type { SalesSettings } from '../../../shared/domain/quote';
import { AppError } from '../../../shared/ipc/errors';
import { readPicked } from '../files/picked';
import type { FeatureContext } from '../modules';
import { insertStoredDocument, storeBytes } from './pdf';
import { saveSalesSettings } from './settings';

const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** 'image/png' or 'image/jpeg' from the file's signature; null for anything else, whatever its name says. */
export function logoType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const at = (i: number) => bytes[i];
  if (bytes.length > 8 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png';
  if (bytes.length > 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  return null;
}

/** quotes.settings.setLogo: the picked picture becomes the logo; null takes it off (the document stays in Documents). */
export async function setLogo(ctx: FeatureContext, path: string | null): Promise<SalesSettings> {
  const { db } = ctx.deps;
  if (path === null) return db.transaction().execute((trx) => saveSalesSettings(trx, { logoDocumentId: null }));
  const { bytes } = await readPicked(ctx.picks, path, 'path', 'logo', { maxBytes: MAX_LOGO_BYTES });
  const type = logoType(bytes);
  if (!type) throw AppError.validation('path', 'A logo must be a PNG or JPEG picture');
  const stored = await storeBytes(ctx, bytes, MAX_LOGO_BYTES);
  // The settings check a logo by its extension: the stored name carries the real type, whatever the file was called.
  const name = `${basename(path).replace(/\.[^.]*$/, '')}.${type === 'image/png' ? 'png' : 'jpg'}`;
  return db.transaction().execute(async (trx) => {
    const id = await insertStoredDocument(trx, ctx, { ...stored, name, type, note: 'Logo printed on quotes and invoices', links: [] });
    return saveSalesSettings(trx, { logoDocumentId: id });
  });
}
