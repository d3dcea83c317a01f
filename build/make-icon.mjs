// Draws the app icon (build/icons/icon.png, 512x512 RGBA) with nothing but node:zlib, so it can be regenerated
// offline without image tools. electron-builder turns this one PNG into .icns, .ico and the Linux icon set.
// Usage: node build/make-icon.mjs [out.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 512;
/** Samples per pixel edge: 4x4 supersampling gives smooth (anti-aliased) curves. */
const SS = 4;

const top = [0x5c, 0x7c, 0xfa]; // indigo, lighter at the top
const bottom = [0x36, 0x4f, 0xc7];

function insideRoundedSquare(x, y) {
  const margin = 24;
  const radius = 104;
  const min = margin;
  const max = SIZE - margin;
  if (x < min || x > max || y < min || y > max) return false;
  const cx = Math.min(Math.max(x, min + radius), max - radius);
  const cy = Math.min(Math.max(y, min + radius), max - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** A contact silhouette: a head and rounded shoulders, cut flat above the bottom edge. */
function insidePerson(x, y) {
  const head = (x - 256) ** 2 + (y - 196) ** 2 <= 78 ** 2;
  const shoulders = y <= 404 && ((x - 256) / 150) ** 2 + ((y - 420) / 128) ** 2 <= 1;
  return head || shoulders;
}

function pixel(px, py) {
  let card = 0;
  let person = 0;
  for (let sy = 0; sy < SS; sy++) {
    for (let sx = 0; sx < SS; sx++) {
      const x = px + (sx + 0.5) / SS;
      const y = py + (sy + 0.5) / SS;
      if (insideRoundedSquare(x, y)) {
        card++;
        if (insidePerson(x, y)) person++;
      }
    }
  }
  const samples = SS * SS;
  const t = py / (SIZE - 1);
  const base = top.map((c, i) => c + (bottom[i] - c) * t);
  const white = person / Math.max(card, 1);
  const rgb = base.map((c) => Math.round(c + (255 - c) * white));
  return [...rgb, Math.round((255 * card) / samples)];
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export function makeIconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(here, 'icons', 'icon.png'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, makeIconPng());
  console.log(`wrote ${out}`);
}
