// The business's logo on quote PDFs (issue #23 item 5): a PNG the user picked is stored in Documents and embedded in
// the PDF that is sent (pdfimages lists it in the real Chromium-printed file); a text file named .png is refused in
// the app's words; removing the logo prints none.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlobStore } from '../../electron/core/documents/blob-store';
import { pickPaths } from '../helpers/picks';
import { kitchenQuote, quoteWorld, type QuoteWorld } from './quotes-seed';

/** A 2×3 red PNG made with zlib (IHDR, one IDAT, IEND): small, but a real picture with a size to check. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEElEQVR4nGP4z8AARAwoFABE0AX7pM/egAAAAABJRU5ErkJggg==',
  'base64',
);

let w: QuoteWorld;
beforeEach(async () => {
  w = await quoteWorld({ realPdf: true });
});
afterEach(() => w.t.destroy());

/** The images pdfimages finds in the sent quote's frozen PDF, as "width x height" per image. */
function imagesIn(sha256: string): string[] {
  const path = createBlobStore(join(w.t.dataDir, 'documents')).pathOf(sha256);
  const list = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return list.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'));
}

describe('the logo on quote PDFs', () => {
  it('embeds the picked picture in the sent PDF, refuses a file that is not one, and can be removed', async () => {
    const logo = join(w.t.dataDir, 'Fitters logo.png');
    const fake = join(w.t.dataDir, 'fake.png');
    writeFileSync(logo, PNG);
    writeFileSync(fake, 'not a picture at all');
    await pickPaths(w.t, [logo, fake], 'logo');

    const refused = await w.t.fail('quotes.settings.setLogo', { path: fake });
    expect(refused.issues).toEqual([{ path: 'path', message: 'A logo must be a PNG or JPEG picture' }]);
    const unpicked = await w.t.fail('quotes.settings.setLogo', { path: join(w.t.dataDir, 'other.png') });
    expect(unpicked.issues?.[0]?.path).toBe('path');

    const settings = await w.t.call('quotes.settings.setLogo', { path: logo });
    expect(await w.t.call('documents.get', { id: settings.logoDocumentId! })).toMatchObject({ name: 'Fitters logo.png', type: 'image/png', size: PNG.length });
    const first = await kitchenQuote(w);
    const sent = await w.t.call('quotes.send', { id: first.id, markSentOnly: true });
    expect(imagesIn(sent.pdfSha256)).toEqual(['2x3']);

    expect((await w.t.call('quotes.settings.setLogo', { path: null })).logoDocumentId).toBeNull();
    const second = await kitchenQuote(w);
    expect(imagesIn((await w.t.call('quotes.send', { id: second.id, markSentOnly: true })).pdfSha256)).toEqual([]);
  });
});
