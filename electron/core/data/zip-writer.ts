// A small streamed ZIP writer (PKWARE APPNOTE 6.3) for "Export everything": no zip library is in package.json and
// Node 22 has crc32 and raw deflate. It only appends (so it writes through export-file.ts's temp file); entries
// stream through zlib, never whole in memory, with their sizes in a data descriptor after the data (ZIP64-sized
// when the entry is); the archive goes ZIP64 past 4 GB or 65,535 entries. No `electron` import.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { crc32, createDeflateRaw, deflateRaw } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** Output is gathered into writes of this size: thousands of tiny entries would otherwise be thousands of syscalls. */
const FLUSH_BYTES = 1 << 20;
const UTF8_NAMES = 1 << 11;
/** Bit 3: CRC and sizes follow the data in a data descriptor. */
const DESCRIPTOR = 1 << 3;
/** Made by UNIX (3), spec 4.5: external attributes then carry a file mode unzip restores (rw-r--r--). */
const MADE_BY = (3 << 8) | 45;
const FILE_MODE = (0o100644 << 16) >>> 0;

export interface ZipEntryOptions {
  /** Deflate (default) or store: already-compressed files (JPEG, PDF, zip) gain nothing from deflate. */
  compress?: boolean;
}

interface CentralRecord {
  name: Buffer;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  zip64Local: boolean;
  flags: number;
}

export interface ZipWriter {
  /** Bytes written so far. */
  readonly bytes: number;
  readonly entries: number;
  addBuffer(name: string, data: Buffer | string, options?: ZipEntryOptions): Promise<void>;
  /** Streams an entry of unknown length (a CSV written row by row). */
  addStream(name: string, source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, options?: ZipEntryOptions): Promise<void>;
  addFile(name: string, path: string, size: number, options?: ZipEntryOptions): Promise<void>;
  /** Writes the central directory; the caller closes the file. */
  finish(): Promise<void>;
}

/** The DOS date and time fields (local time, 2-second steps; 1980 is the earliest a zip can say). */
function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * `zip64Above`: entries, sizes and offsets above it are written the ZIP64 way; only tests lower it, to read
 * the ZIP64 records back with real tools without writing 4 GB.
 */
export function createZipWriter(sink: (chunk: Buffer) => Promise<void>, options: { now: Date; zip64Above?: number; shouldStop?: () => void }): ZipWriter {
  const limit = options.zip64Above ?? MAX32 - 1;
  const entryLimit = options.zip64Above ?? MAX16 - 1;
  const stamp = dosTime(options.now);
  const central: CentralRecord[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let flushed = 0; // bytes handed to the sink
  let closed = false;

  const position = () => flushed + pendingBytes;

  async function flush(): Promise<void> {
    if (pendingBytes === 0) return;
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    flushed += chunk.length;
    await sink(chunk);
  }

  async function emit(chunk: Buffer): Promise<void> {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= FLUSH_BYTES) await flush();
  }

  function localHeader(name: Buffer, method: number, crc: number, csize: number, usize: number, zip64: boolean, flags = 0): Buffer {
    const extra = zip64 ? 20 : 0;
    const header = Buffer.alloc(30 + name.length + extra);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(UTF8_NAMES | flags, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(stamp.time, 10);
    header.writeUInt16LE(stamp.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(zip64 ? MAX32 : csize, 18);
    header.writeUInt32LE(zip64 ? MAX32 : usize, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra, 28);
    name.copy(header, 30);
    if (zip64) {
      const at = 30 + name.length;
      header.writeUInt16LE(0x0001, at);
      header.writeUInt16LE(16, at + 2);
      header.writeBigUInt64LE(BigInt(usize), at + 4);
      header.writeBigUInt64LE(BigInt(csize), at + 12);
    }
    return header;
  }

  function entryName(name: string): Buffer {
    if (closed) throw new Error('zip already finished');
    if (!name || name.startsWith('/') || name.split('/').some((part) => part === '' || part === '.' || part === '..')) throw new Error(`bad zip entry name`);
    const bytes = Buffer.from(name, 'utf8');
    if (bytes.length > MAX16) throw new Error('zip entry name too long');
    return bytes;
  }

  /** Streams `source` through deflate (or not), counting and checksumming the plain bytes. */
  async function writeData(source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, compress: boolean) {
    let crc = 0;
    let usize = 0;
    let csize = 0;
    const stop = options.shouldStop;
    async function* plain(): AsyncGenerator<Buffer> {
      for await (const piece of source) {
        const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        if (chunk.length === 0) continue;
        stop?.();
        crc = crc32(chunk, crc);
        usize += chunk.length;
        yield chunk;
      }
    }
    const consume = async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        csize += chunk.length;
        await emit(chunk);
      }
    };
    // pipeline, not pipe: a failing source (a cancel, an unreadable file) rejects here and tears the chain down.
    if (compress) await pipeline(plain(), createDeflateRaw({ level: 6 }), consume);
    else await consume(plain());
    return { crc: crc >>> 0, usize, csize };
  }

  /** After the data: CRC and sizes, 8-byte sizes when the local header carries a ZIP64 field (APPNOTE 4.3.9). */
  function descriptor(record: CentralRecord): Buffer {
    const out = Buffer.alloc(record.zip64Local ? 24 : 16);
    out.writeUInt32LE(0x08074b50, 0);
    out.writeUInt32LE(record.crc, 4);
    if (record.zip64Local) {
      out.writeBigUInt64LE(BigInt(record.csize), 8);
      out.writeBigUInt64LE(BigInt(record.usize), 16);
    } else {
      out.writeUInt32LE(record.csize, 8);
      out.writeUInt32LE(record.usize, 12);
    }
    return out;
  }

  async function streamed(name: string, source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, compress: boolean, sizeHint?: number) {
    const bytes = entryName(name);
    const method = compress ? 8 : 0;
    const offset = position();
    // Deflate can grow incompressible data by a little: leave room for that before deciding sizes fit 32 bits.
    const zip64Local = sizeHint === undefined || sizeHint + Math.ceil(sizeHint / 100) + 65_536 > limit;
    await emit(localHeader(bytes, method, 0, 0, 0, zip64Local, DESCRIPTOR));
    const { crc, usize, csize } = await writeData(source, compress);
    if (!zip64Local && (usize > limit || csize > limit)) throw new Error('zip entry grew past its header');
    const record = { name: bytes, method, crc, csize, usize, offset, zip64Local, flags: DESCRIPTOR };
    await emit(descriptor(record));
    central.push(record);
  }

  function centralDirectory(): Buffer {
    const parts: Buffer[] = [];
    for (const r of central) {
      const big = { usize: r.usize > limit, csize: r.csize > limit, offset: r.offset > limit };
      const extraSize = (big.usize ? 8 : 0) + (big.csize ? 8 : 0) + (big.offset ? 8 : 0);
      const extra = extraSize ? 4 + extraSize : 0;
      const entry = Buffer.alloc(46 + r.name.length + extra);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(MADE_BY, 4);
      entry.writeUInt16LE(extraSize || r.zip64Local ? 45 : 20, 6);
      entry.writeUInt16LE(UTF8_NAMES | r.flags, 8);
      entry.writeUInt16LE(r.method, 10);
      entry.writeUInt16LE(stamp.time, 12);
      entry.writeUInt16LE(stamp.date, 14);
      entry.writeUInt32LE(r.crc, 16);
      entry.writeUInt32LE(big.csize ? MAX32 : r.csize, 20);
      entry.writeUInt32LE(big.usize ? MAX32 : r.usize, 24);
      entry.writeUInt16LE(r.name.length, 28);
      entry.writeUInt16LE(extra, 30);
      entry.writeUInt32LE(FILE_MODE, 38);
      entry.writeUInt32LE(big.offset ? MAX32 : r.offset, 42);
      r.name.copy(entry, 46);
      if (extraSize) {
        // ZIP64 extended information: only the fields that overflowed, in this fixed order (APPNOTE 4.5.3).
        let at = 46 + r.name.length;
        entry.writeUInt16LE(0x0001, at);
        entry.writeUInt16LE(extraSize, at + 2);
        at += 4;
        for (const [overflowed, value] of [[big.usize, r.usize], [big.csize, r.csize], [big.offset, r.offset]] as const) {
          if (!overflowed) continue;
          entry.writeBigUInt64LE(BigInt(value), at);
          at += 8;
        }
      }
      parts.push(entry);
    }
    return Buffer.concat(parts);
  }

  function endRecords(cdOffset: number, cdSize: number): Buffer {
    const zip64 = central.length > entryLimit || cdOffset > limit || cdSize > limit;
    const parts: Buffer[] = [];
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(MADE_BY, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(central.length), 24);
      record.writeBigUInt64LE(BigInt(central.length), 32);
      record.writeBigUInt64LE(BigInt(cdSize), 40);
      record.writeBigUInt64LE(BigInt(cdOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
      locator.writeUInt32LE(1, 16);
      parts.push(record, locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    const count = zip64 && central.length > entryLimit ? MAX16 : central.length;
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(zip64 && cdSize > limit ? MAX32 : cdSize, 12);
    end.writeUInt32LE(zip64 && cdOffset > limit ? MAX32 : cdOffset, 16);
    parts.push(end);
    return Buffer.concat(parts);
  }

  return {
    get bytes() {
      return position();
    },
    get entries() {
      return central.length;
    },
    async addBuffer(name, data, entryOptions = {}) {
      // Known bytes: header first with its final sizes, nothing to patch (many small entries stay cheap).
      const bytes = entryName(name);
      const plain = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      options.shouldStop?.();
      const compress = entryOptions.compress ?? true;
      const stored = compress ? await deflateRawAsync(plain) : plain;
      const record = { name: bytes, method: compress ? 8 : 0, crc: crc32(plain) >>> 0, csize: stored.length, usize: plain.length, offset: position(), zip64Local: plain.length > limit || stored.length > limit, flags: 0 };
      await emit(localHeader(bytes, record.method, record.crc, record.csize, record.usize, record.zip64Local));
      await emit(stored);
      central.push(record);
    },
    addStream: (name, source, entryOptions = {}) => streamed(name, source, entryOptions.compress ?? true),
    addFile: (name, path, size, entryOptions = {}) => streamed(name, createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>, entryOptions.compress ?? true, size),
    async finish() {
      const cdOffset = position();
      const cd = centralDirectory();
      await emit(cd);
      await emit(endRecords(cdOffset, cd.length));
      await flush();
      closed = true;
    },
  };
}
