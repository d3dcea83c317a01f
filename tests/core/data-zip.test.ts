// The export's ZIP writer read back by real programs (Info-ZIP's unzip and Python's zipfile): stored and deflated
// entries, UTF-8 names, a streamed entry, ZIP64 records (forced low so no 4 GB file is written) and > 65,535 entries.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZipWriter } from '../../electron/core/data/zip-writer';
import { tempDir } from '../helpers/core';

let dir = '';
beforeEach(() => {
  dir = tempDir('rapport-zip-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-11-22T09:00:00Z');

async function writeZip(path: string, fill: (zip: ReturnType<typeof createZipWriter>) => Promise<void>, zip64Above?: number) {
  const handle = await open(path, 'wx');
  const zip = createZipWriter((chunk) => handle.writeFile(chunk), { now: NOW, ...(zip64Above === undefined ? {} : { zip64Above }) });
  await fill(zip);
  await zip.finish();
  await handle.close();
}

/** Tests every entry's CRC with both programs; returns Python's view: name -> bytes (base64). */
function readBack(path: string): Record<string, string> {
  execFileSync('unzip', ['-tqq', path]);
  execFileSync('python3', ['-m', 'zipfile', '-t', path]);
  const script = 'import base64,json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, path], { maxBuffer: 256 * 1024 * 1024 }).toString()) as Record<string, string>;
}

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64');

describe('the zip writer', () => {
  const random = randomBytes(300_000);
  const text = 'Name,City\r\n'.repeat(20_000);

  async function sample(zip64Above?: number) {
    const path = join(dir, `sample-${zip64Above ?? 'plain'}.zip`);
    const file = join(dir, 'photo.bin');
    writeFileSync(file, random);
    await writeZip(
      path,
      async (zip) => {
        await zip.addBuffer('README.txt', 'hello');
        await zip.addBuffer('empty.txt', '');
        await zip.addStream('tables/contacts.csv', (function* () {
          for (let i = 0; i < 20; i++) yield 'Name,City\r\n'.repeat(1000);
        })());
        await zip.addFile('documents/Zoë – photo.bin', file, random.length, { compress: false });
        await zip.addFile('documents/deflated.bin', file, random.length);
      },
      zip64Above,
    );
    return path;
  }

  it('writes stored and deflated entries, streamed and known-size, that unzip and Python read back byte for byte', async () => {
    const path = await sample();
    const back = readBack(path);
    expect(Object.keys(back)).toEqual(['README.txt', 'empty.txt', 'tables/contacts.csv', 'documents/Zoë – photo.bin', 'documents/deflated.bin']);
    expect(back['README.txt']).toBe(b64('hello'));
    expect(back['empty.txt']).toBe('');
    expect(back['tables/contacts.csv']).toBe(b64(text));
    expect(back['documents/Zoë – photo.bin']).toBe(random.toString('base64'));
    expect(back['documents/deflated.bin']).toBe(random.toString('base64'));
    // Deflate did its work on the text (20,000 repeated lines) and the archive is not padded.
    expect((await readFile(path)).length).toBeLessThan(2 * random.length + 10_000);
  });

  it('writes valid ZIP64 records (sizes, offsets, entry count) that both programs read', async () => {
    const path = await sample(0);
    const bytes = await readFile(path);
    // The ZIP64 end record and its locator are there.
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true);
    const back = readBack(path);
    expect(back['tables/contacts.csv']).toBe(b64(text));
    expect(back['documents/Zoë – photo.bin']).toBe(random.toString('base64'));
  });

  it('holds more than 65,535 entries (the ZIP64 end record counts them)', async () => {
    const path = join(dir, 'many.zip');
    const count = 70_000;
    await writeZip(path, async (zip) => {
      for (let i = 0; i < count; i++) await zip.addBuffer(`documents/${i}.txt`, `file ${i}`, { compress: false });
    });
    execFileSync('unzip', ['-tqq', path]);
    const script = 'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nn=z.namelist()\nprint(len(n), z.read(n[-1]).decode())';
    expect(execFileSync('python3', ['-c', script, path]).toString().trim()).toBe(`${count} file ${count - 1}`);
  }, 60_000);

  it('refuses entry names that would unpack outside the folder', async () => {
    const handle = await open(join(dir, 'bad.zip'), 'wx');
    const zip = createZipWriter((chunk) => handle.writeFile(chunk), { now: NOW });
    for (const name of ['../evil.txt', '/etc/passwd', 'a//b', 'a/./b', '']) await expect(zip.addBuffer(name, 'x')).rejects.toThrow('bad zip entry name');
    await handle.close();
  });
});
