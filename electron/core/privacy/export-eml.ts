// The .eml files of "Export this person's data" (issue #21). Rapport keeps a sent message as its outbox row (the
// recipients, subject, text, Message-ID and attachments it was sent from) and a filed .eml as the activity it became
// (From/To/Cc lines, the text, the attachments), not the original bytes; so each is rebuilt here as an RFC 5322
// message with nodemailer's own composer, the one that sends them. Other people's addresses are left out of the
// headers (an empty group "Other recipients removed" says so) when the reviewer kept the message in.
// nodemailer loads with the first export that has an email, not at start-up (it is ~5 MB of heap; see smtp-send.ts).
import type MailComposer from 'nodemailer/lib/mail-composer';
import type { StoredRecipient } from '../../../shared/domain/email';
import type { OtherPeople } from './export-redact';

const REMOVED_GROUP = 'Other recipients removed:;';

export interface EmailAttachment {
  filename: string;
  contentType: string | null;
  content: Buffer;
}

type Address = { name: string; address: string };
type MailOptions = ConstructorParameters<typeof MailComposer>[0] & object;

/** The list, or only this person's and the user's own addresses plus a note that others were taken out. */
function keep(list: Address[], people: OtherPeople, redact: boolean): (Address | string)[] {
  if (!redact) return list;
  const kept: (Address | string)[] = list.filter((a) => !people.isForeign(a.address));
  if (kept.length < list.length) kept.push(REMOVED_GROUP);
  return kept;
}

async function compose(mail: MailOptions): Promise<Buffer> {
  const { default: Composer } = await import('nodemailer/lib/mail-composer');
  return new Composer({ ...mail, disableFileAccess: true, disableUrlAccess: true }).compile().build();
}

const attachmentsOf = (list: readonly EmailAttachment[]) => list.map((a) => ({ filename: a.filename, content: a.content, ...(a.contentType ? { contentType: a.contentType } : {}) }));

/** A message from the outbox, as it was (or will be) sent. */
export function outboxEml(
  row: { messageId: string; subject: string; body: string; replyTo: string | null; sentAt: string | null; createdAt: string; recipients: { to: StoredRecipient[]; cc: StoredRecipient[]; bcc: StoredRecipient[] } },
  from: Address,
  attachments: readonly EmailAttachment[],
  people: OtherPeople,
  redact: boolean,
): Promise<Buffer> {
  const list = (r: StoredRecipient[]) => keep(r.map((x) => ({ name: x.name ?? '', address: x.address })), people, redact);
  return compose({
    from,
    to: list(row.recipients.to),
    cc: list(row.recipients.cc),
    bcc: list(row.recipients.bcc),
    ...(row.replyTo ? { replyTo: row.replyTo } : {}),
    subject: row.subject,
    text: row.body,
    messageId: row.messageId,
    date: new Date(row.sentAt ?? row.createdAt),
    attachments: attachmentsOf(attachments),
  });
}

/** The header lines an .eml import put at the top of the activity's notes, and the text below them. */
export function splitFiledNotes(notes: string): { headers: Map<string, string>; text: string } {
  const headers = new Map<string, string>();
  const lines = notes.split('\n');
  let i = 0;
  for (; i < lines.length && lines[i] !== ''; i++) {
    const match = /^(From|To|Cc): ?(.*)$/.exec(lines[i]!);
    if (!match) break;
    headers.set(match[1]!.toLowerCase(), match[2]!);
  }
  // The import appends "Attachments: a.pdf (12 KB)": the files themselves are attached again here.
  const text = lines.slice(i).join('\n').replace(/\n*Attachments: [^\n]*$/, '').trim();
  return { headers, text };
}

/** True when the notes look like a filed .eml (they start with its From: line). */
export const isFiledEmail = (notes: string | null) => !!notes && notes.startsWith('From: ');

/** A filed (received or sent-elsewhere) email rebuilt from its activity. `text` is already scrubbed when redacting. */
export async function filedEml(
  activity: { id: string; subject: string | null; occurredAt: string; notes: string },
  text: string,
  attachments: readonly EmailAttachment[],
  people: OtherPeople,
  redact: boolean,
): Promise<Buffer> {
  const { headers } = splitFiledNotes(activity.notes);
  const { default: addressparser } = await import('nodemailer/lib/addressparser');
  const parse = (value: string | undefined) => (value ? addressparser(value, { flatten: true }) : []);
  const from = keep(parse(headers.get('from')), people, redact);
  return compose({
    from: from[0] ?? REMOVED_GROUP,
    to: keep(parse(headers.get('to')), people, redact),
    cc: keep(parse(headers.get('cc')), people, redact),
    subject: activity.subject ?? '',
    text,
    messageId: `<${activity.id}@rapport.invalid>`,
    date: new Date(activity.occurredAt),
    attachments: attachmentsOf(attachments),
  });
}
