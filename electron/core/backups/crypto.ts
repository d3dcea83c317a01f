// Passphrase encryption of backup copies for the second place: AES-256-GCM in 1 MiB chunks with a key from
// scrypt, streamed so a large file never sits in memory. Each chunk's tag covers its index and whether it is
// the last, so a reordered, truncated or edited file fails to decrypt instead of yielding wrong data.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';

const MAGIC = Buffer.from('RAPBAK01');
const CHUNK = 1024 * 1024;
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const HEADER = MAGIC.length + 16 + 8; // magic, salt, nonce prefix
const TAG = 16;

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not open this backup, or the file is damaged');
    this.name = 'WrongPassphraseError';
  }
}

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function nonce(prefix: Buffer, index: number): Buffer {
  const iv = Buffer.alloc(12);
  prefix.copy(iv, 0);
  iv.writeUInt32BE(index, 8);
  return iv;
}

function aad(index: number, last: boolean): Buffer {
  const data = Buffer.alloc(5);
  data.writeUInt32BE(index, 0);
  data[4] = last ? 1 : 0;
  return data;
}

/** Reads `path` in CHUNK-sized pieces, telling which piece is the last (an empty file is one empty last piece). */
async function* chunks(path: string, size: number): AsyncGenerator<{ data: Buffer; last: boolean }> {
  let pending: Buffer | null = null;
  for await (const piece of createReadStream(path, { highWaterMark: size })) {
    if (pending) yield { data: pending, last: false };
    pending = piece as Buffer;
  }
  yield { data: pending ?? Buffer.alloc(0), last: true };
}

async function writeThrough(target: string, body: (write: (data: Buffer) => Promise<void>) => Promise<void>): Promise<void> {
  const temp = `${target}.partial`;
  const handle = await open(temp, 'w');
  try {
    await body(async (data) => void (await handle.write(data)));
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

export async function encryptFile(source: string, target: string, passphrase: string): Promise<void> {
  const salt = randomBytes(16);
  const prefix = randomBytes(8);
  const key = await deriveKey(passphrase, salt);
  await writeThrough(target, async (write) => {
    await write(Buffer.concat([MAGIC, salt, prefix]));
    let index = 0;
    for await (const { data, last } of chunks(source, CHUNK)) {
      const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, index));
      cipher.setAAD(aad(index, last));
      const body = Buffer.concat([cipher.update(data), cipher.final()]);
      await write(Buffer.concat([body, cipher.getAuthTag()]));
      index++;
    }
  });
}

export async function decryptFile(source: string, target: string, passphrase: string): Promise<void> {
  const input = await open(source, 'r');
  try {
    const header = Buffer.alloc(HEADER);
    const { bytesRead } = await input.read(header, 0, HEADER, 0);
    if (bytesRead < HEADER || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new WrongPassphraseError();
    const salt = header.subarray(MAGIC.length, MAGIC.length + 16);
    const prefix = header.subarray(MAGIC.length + 16, HEADER);
    const key = await deriveKey(passphrase, salt);
    const { size } = await input.stat();
    await writeThrough(target, async (write) => {
      let offset = HEADER;
      let index = 0;
      do {
        const length = Math.min(CHUNK + TAG, size - offset);
        if (length < TAG) throw new WrongPassphraseError();
        const piece = Buffer.alloc(length);
        await input.read(piece, 0, length, offset);
        offset += length;
        const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, index));
        decipher.setAAD(aad(index, offset >= size));
        decipher.setAuthTag(piece.subarray(length - TAG));
        try {
          await write(Buffer.concat([decipher.update(piece.subarray(0, length - TAG)), decipher.final()]));
        } catch {
          throw new WrongPassphraseError();
        }
        index++;
      } while (offset < size);
    });
  } finally {
    await input.close();
  }
}
