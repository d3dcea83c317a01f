// Reads a received message (.eml) into what filing needs: headers, the decoded plain text (any charset
// mailparser's iconv-lite knows, ISO-2022-JP and ks_c_5601-1987 included) and every named part as an
// attachment. Pure parsing: no database, no file system, no `electron` import. Linear and in steps (issue #16): the
// bytes go in as small chunks with turns of the event loop between them, and HTML becomes text in one pass (html-text.ts).
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
// mailparser (with libmime, iconv tables and HTML entities, ~9 MB of heap) loads on the first .eml read, not at start-up.
import type { AddressObject, MailParser } from 'mailparser';
import { fileKindOf, looksLikeEmail } from '../file-kind';
import { stripControls } from '../plain-text';
import { htmlText } from './html-text';

/** The file is not an email message; `message` says so in the app's words, naming what it is when that is known. */
export class NotAnEmail extends Error {}

/** Bytes fed to the parser between two turns of the event loop. */
const FEED_BYTES = 64 * 1024;

export interface ParsedEml {
  from?: AddressObject;
  to?: AddressObject | AddressObject[];
  cc?: AddressObject | AddressObject[];
  subject?: string;
  /** Its Message-ID header: the evidence of an unsubscribe (issue #21). */
  messageId?: string;
  /** In-Reply-To and References as written (ids in angle brackets): what threads a reply onto a case (issue #22). */
  inReplyTo?: string;
  references?: string[];
  date?: Date;
  text: string;
  attachments: { filename: string | null; contentType: string | null; content: Buffer }[];
}

/** The fields of mailparser's (undeclared) tree node, MIME node and decoder this file relies on. */
interface TreeNode {
  isAttachment?: boolean;
  contentType?: string;
  charset?: string;
}
interface MimeNode {
  filename?: string | false;
}
interface Decoder {
  decodeStream(charset: string): NodeJS.ReadWriteStream;
}

/** Marks a body text part's charset so our decoder sees every one, even those mailparser would not decode. */
const MARK = 'x-rapport-text;';

const knownCharset = (label: string) => {
  if (iconv.encodingExists(label)) return true;
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
};

/** Text with no usable charset label: UTF-8 when it is valid UTF-8, else windows-1252 (every byte is a character). */
function sniffingDecoder(): Transform {
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
    flush(done) {
      const bytes = Buffer.concat(chunks);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
      }
      done(null, Buffer.from(text, 'utf8'));
    },
  });
}

/**
 * mailparser files a text/plain or text/html part without `Content-Disposition: attachment` as body text
 * even when it has a name (`Content-Type: text/plain; name=notes.txt`), which is how many mail programs
 * attach text files: the name would be lost and the file's text mixed into the message. A part with a
 * name is a file the sender attached, so it is turned into an attachment as mailparser builds its tree.
 * mailparser has no option for this; the hook is on its `createNode`, and the corpus test
 * (roundcube-attachment-filenames.eml: 6 named parts) fails if a mailparser update moves it.
 */
function namedPartsParser(Parser: typeof MailParser): MailParser {
  // HTML-only messages are turned into text by htmlText (linear), not by mailparser's html-to-text (issue #16).
  const parser = new Parser({ skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, checksumAlgo: false });
  const internal = parser as unknown as { createNode?: (mime: MimeNode) => TreeNode; decoder?: Decoder };
  const createNode = internal.createNode;
  const decoder = typeof internal.decoder?.decodeStream === 'function' ? internal.decoder : undefined;
  if (typeof createNode === 'function') {
    internal.createNode = function (this: unknown, mime: MimeNode) {
      const node = createNode.call(this, mime);
      if (node.isAttachment === false && mime.filename) node.isAttachment = true;
      // Body text: mailparser reads a missing, us-ascii or unknown charset as UTF-8 and turns other bytes into
      // U+FFFD; the marked label routes it through `decodeStream` below, which decides by the bytes.
      else if (node.isAttachment === false && decoder && /^text\//i.test(node.contentType ?? '')) node.charset = MARK + (node.charset ?? '');
      return node;
    };
  }
  if (decoder) {
    internal.decoder = {
      decodeStream(label: string) {
        if (!label.startsWith(MARK)) return decoder.decodeStream(label);
        const declared = label.slice(MARK.length).trim();
        const plain = declared.toLowerCase().replace(/[^a-z0-9]/g, '');
        if (declared && plain !== 'usascii' && plain !== 'ascii' && knownCharset(declared)) return decoder.decodeStream(declared);
        return sniffingDecoder();
      },
    };
  }
  return parser;
}

const cleanAddress = <T extends AddressObject | AddressObject[] | undefined>(a: T): T => {
  if (!a) return a;
  const one = (o: AddressObject): AddressObject => ({ ...o, text: stripControls(o.text), value: o.value.map((v) => ({ ...v, name: stripControls(v.name) })) });
  return (Array.isArray(a) ? a.map(one) : one(a as AddressObject)) as T;
};

/** mailparser keeps In-Reply-To as a string and References as a string or a list; both are capped like Message-ID. */
function threadHeaders(parser: MailParser): Pick<ParsedEml, 'inReplyTo' | 'references'> {
  const { inReplyTo, references } = parser as { inReplyTo?: unknown; references?: unknown };
  const list = (Array.isArray(references) ? references : [references]).filter((r): r is string => typeof r === 'string');
  return {
    ...(typeof inReplyTo === 'string' ? { inReplyTo: stripControls(inReplyTo).slice(0, 2000) } : {}),
    ...(list.length ? { references: list.slice(-200).map((r) => stripControls(r).slice(0, 2000)) } : {}),
  };
}

/** Throws NotAnEmail unless the bytes start like an email message (header lines, one of them a mail header). */
export function checkIsEmail(raw: Buffer): void {
  const head = raw.subarray(0, 64 * 1024);
  if (looksLikeEmail(head.toString('latin1'))) return;
  const kind = fileKindOf(head, head.toString('utf8'));
  throw new NotAnEmail(kind ? `This file is ${kind}, not an email message (.eml)` : 'This file is not an email message (.eml): it does not start with the header lines an email has');
}

export async function parseEml(raw: Buffer): Promise<ParsedEml> {
  checkIsEmail(raw);
  const parser = namedPartsParser((await import('mailparser')).MailParser);
  const attachments: ParsedEml['attachments'] = [];
  const contents: Promise<void>[] = [];
  let text = '';
  const ended = new Promise<void>((resolve, reject) => {
    parser.on('error', reject);
    parser.on('end', resolve);
  });
  parser.on('data', (data) => {
    if (data.type === 'text') {
      text = data.text || (typeof data.html === 'string' ? htmlText(data.html) : '');
      return;
    }
    // Pushed in order now; the bytes arrive before mailparser moves on (it waits for release()).
    const slot = { filename: data.filename ?? null, contentType: data.contentType ?? null, content: Buffer.alloc(0) };
    attachments.push(slot);
    const chunks: Buffer[] = [];
    contents.push(
      new Promise<void>((resolve, reject) => {
        data.content.on('data', (chunk: Buffer) => chunks.push(chunk));
        data.content.on('error', reject);
        data.content.on('end', () => {
          slot.content = Buffer.concat(chunks);
          data.release?.();
          resolve();
        });
      }),
    );
  });
  // Fed in small chunks, each after a turn of the event loop, so a 50 MB message never holds up other calls.
  let failed = false;
  ended.catch(() => (failed = true));
  for (let at = 0; at < raw.length && !failed; at += FEED_BYTES) {
    if (!parser.write(raw.subarray(at, at + FEED_BYTES))) {
      await new Promise<void>((resolve) => {
        parser.once('drain', resolve);
        ended.then(resolve, resolve);
      });
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  parser.end();
  await ended;
  await Promise.all(contents);
  for (const a of attachments) if (a.filename) a.filename = stripControls(a.filename);
  return {
    from: cleanAddress(parser.from),
    to: cleanAddress(parser.to),
    cc: cleanAddress(parser.cc),
    subject: parser.subject === undefined ? undefined : stripControls(parser.subject),
    ...(typeof (parser as { messageId?: unknown }).messageId === 'string' ? { messageId: stripControls((parser as { messageId: string }).messageId).slice(0, 500) } : {}),
    ...threadHeaders(parser),
    date: parser.date,
    text: stripControls(text),
    attachments,
  };
}
