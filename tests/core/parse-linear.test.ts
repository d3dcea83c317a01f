// Issue #16 item 2: every reader of a picked file is linear in its input. Each case feeds one value of 1, 2, 4, 8
// and 16 MB (a folded vCard note, photo and broken line, a quoted CSV cell, a folded iCalendar description, an
// email's HTML body and attachment) and checks that 16 times the input costs far less than 256 times (quadratic),
// and that the largest costs less than a second per MB.
// The figures are printed. RAPPORT_PARSE_MAX_MB lowers the top size on a slow machine (default 16).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEml } from '../../electron/core/email/eml-parse';
import { openSource } from '../../electron/core/import-export/source';
import { vcardRecords } from '../../electron/core/import-export/vcard';
import { parseIcs } from '../../electron/core/schedule/ics';
import { tempDir } from '../helpers/core';

const MAX_MB = Number(process.env.RAPPORT_PARSE_MAX_MB ?? 16);
const SIZES = [1, 2, 4, 8, 16].filter((mb) => mb <= MAX_MB);
const MB = 1024 * 1024;
/** Linear is 16 for 16 times the input, quadratic 256: 48 leaves room for a loaded machine and catches the latter. */
const MAX_RATIO = 48;
/** Times below this are noise (timer, GC, a busy neighbour): the ratio is taken against at least this. */
const FLOOR_MS = 40;
/** A linear reader can still be too slow to use (mailparser's html-to-text: 43 s for 16 MB). Generous: a loaded machine. */
const MAX_MS_PER_MB = 1000;

const dir = tempDir('rapport-parse-linear-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** RFC folding: 75-character lines, each continuation starting with a space. */
const fold = (line: string, eol = '\r\n') => line.match(/.{1,74}/gs)!.join(`${eol} `);
const letters = (n: number) => 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(Math.ceil(n / 57)).slice(0, n);

/** The file stream's chunks (256 KB), as source.ts reads a file. */
async function* chunks(text: string) {
  for (let i = 0; i < text.length; i += 256 * 1024) yield text.slice(i, i + 256 * 1024);
}
const card = (body: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Long;Value\r\nFN:Value Long\r\n${body}\r\nEMAIL:long@example.com\r\nEND:VCARD\r\n`;
async function readCards(text: string) {
  const out = [];
  for await (const item of vcardRecords(chunks(text))) out.push(item);
  return out;
}

interface Case {
  name: string;
  /** Builds the input of `bytes` (untimed) and returns the timed parse, which checks its own result. */
  prepare(bytes: number): () => Promise<void> | void;
}

const cases: Case[] = [
  {
    name: 'vCard folded NOTE',
    prepare(bytes) {
      const text = card(fold(`NOTE:${letters(bytes)}`));
      return async () => {
        const [item] = await readCards(text);
        expect(item!.built).toMatchObject({ record: { emails: [{ value: 'long@example.com' }], notes: expect.stringMatching(/^Lorem/) } });
      };
    },
  },
  {
    name: 'vCard folded PHOTO',
    prepare(bytes) {
      const text = card(fold(`PHOTO;ENCODING=b;TYPE=JPEG:${Buffer.alloc((bytes * 3) / 4, 0xa5).toString('base64')}`));
      return async () => {
        const [item] = await readCards(text);
        expect(item!.warnings).toEqual([{ line: 5, reason: expect.stringMatching(/^Photo: not imported/) }]);
      };
    },
  },
  {
    // A line with no colon followed by folded lines (a 2.1 photo whose data starts on its own line): used to be
    // joined again for every line that followed.
    name: 'vCard broken line, folded',
    prepare(bytes) {
      const text = card(`PHOTO;ENCODING=BASE64;TYPE=JPEG\r\n${fold(Buffer.alloc((bytes * 3) / 4, 0x5a).toString('base64'))}`);
      return async () => {
        const [item] = await readCards(text);
        // The head without its colon (line 5) and the data's first line (6), each with the folded lines after it.
        expect(item!.warnings.map((w) => w.line)).toEqual([5, 6]);
        expect(item!.built).toMatchObject({ record: { emails: [{ value: 'long@example.com' }] } });
      };
    },
  },
  {
    name: 'CSV quoted cell',
    prepare(bytes) {
      const path = join(dir, `cell-${bytes}.csv`);
      writeFileSync(path, `First Name,Last Name,Notes\r\nLong,Cell,"${letters(bytes).replaceAll('. ', '.\r\n"", ')}"\r\nShort,Row,x\r\n`);
      return async () => {
        const source = await openSource(path);
        const items = [];
        for await (const item of source.items()) items.push(item);
        expect(items.map((i) => i.line)).toEqual([2, items[1]!.line]);
        expect(items[1]!.cells[0]).toBe('Short');
      };
    },
  },
  {
    name: 'iCalendar folded DESCRIPTION',
    prepare(bytes) {
      const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:long@test\r\nDTSTART:20261125T140000Z\r\nSUMMARY:Long\r\n${fold(`DESCRIPTION:${letters(bytes)}`)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
      return () => {
        const parsed = parseIcs(text);
        expect(parsed.events).toHaveLength(1);
        expect(parsed.events[0]!.notes!.length).toBeGreaterThan(bytes - 100);
      };
    },
  },
  {
    // Not one value but many overrides (RECURRENCE-ID) of one series, 500 per MB: each used to expand the series again.
    name: 'iCalendar overrides of one series',
    prepare(bytes) {
      const count = Math.round((bytes / MB) * 500);
      const events = ['BEGIN:VEVENT\r\nUID:daily@test\r\nDTSTART:20200101T100000Z\r\nRRULE:FREQ=DAILY;COUNT=9000\r\nSUMMARY:Daily\r\nEND:VEVENT'];
      for (let i = 0; i < count; i++) {
        const at = new Date(Date.UTC(2020, 0, 1 + i, 10)).toISOString().replace(/[-:]|\.\d+/g, '');
        events.push(`BEGIN:VEVENT\r\nUID:daily@test\r\nRECURRENCE-ID:${at}\r\nDTSTART:${at}\r\nSUMMARY:Moved ${i}\r\nEND:VEVENT`);
      }
      const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
      return () => {
        const parsed = parseIcs(text);
        expect(parsed.events[0]!.exceptions).toHaveLength(count);
      };
    },
  },
  {
    name: 'email HTML body',
    prepare(bytes) {
      const html = `<html><head><style>p{margin:0}</style></head><body>${'<p>Hello <b>there</b> &amp; welcome</p>\n'.repeat(Math.ceil(bytes / 41))}</body></html>`;
      const raw = Buffer.from(`From: a@example.com\r\nTo: b@example.com\r\nSubject: Long\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`);
      return async () => {
        const mail = await parseEml(raw);
        expect(mail.text.startsWith('Hello there & welcome\n\nHello there')).toBe(true);
      };
    },
  },
  {
    name: 'email attachment',
    prepare(bytes) {
      const data = Buffer.alloc(bytes, 0x42);
      const raw = Buffer.from(
        `From: a@example.com\r\nSubject: File\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b1\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n${data.toString('base64').match(/.{1,76}/g)!.join('\r\n')}\r\n--b1--\r\n`,
      );
      return async () => {
        const mail = await parseEml(raw);
        expect(mail.attachments.map((a) => a.content.length)).toEqual([bytes]);
      };
    },
  },
];

describe('parsers are linear in the size of one value', () => {
  it.each(cases)('$name', async ({ name, prepare }) => {
    await prepare(MB / 4)(); // warm-up: the first call compiles the code
    const times: number[] = [];
    for (const mb of SIZES) {
      const run = prepare(mb * MB);
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    const ratio = times.at(-1)! / Math.max(times[0]!, FLOOR_MS);
    console.log(JSON.stringify({ case: name, ms: Object.fromEntries(SIZES.map((mb, i) => [`${mb}MB`, Math.round(times[i]!)])), ratio: Math.round(ratio * 10) / 10 }));
    expect(ratio).toBeLessThan(MAX_RATIO);
    expect(times.at(-1)! / SIZES.at(-1)!).toBeLessThan(MAX_MS_PER_MB);
  }, 120_000);
});
