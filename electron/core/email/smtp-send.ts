// One message over one SMTP session, knowing how far it got: a failure once the whole message (with its final
// ".") was handed to the server may have been delivered, one before cannot have been. nodemailer's sendMail
// cannot tell those apart (a dropped connection is "CONN" at either point), so the session is driven here.
import { PassThrough, type Writable } from 'node:stream';
// nodemailer loads with the first message sent, not at start-up (it is ~5 MB of heap).
import type MailComposer from 'nodemailer/lib/mail-composer';
import type { SecretStore } from '../platform';
import { PASSWORD_KEY, sessionOptions, type StoredSmtp } from './settings';

type MailOptions = ConstructorParameters<typeof MailComposer>[0] & object;

/** A delivery that failed; `afterData` when the message was fully handed over and the server's answer never came. */
export class DeliveryError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly afterData: boolean,
    /** The last line the server sent (its reply code and words), if any. */
    readonly lastResponse: string | null,
  ) {
    super('delivery failed');
  }
}

export interface Delivered {
  rejected: string[];
  response: string;
}

/**
 * The message as a stream that notes when nodemailer starts reading it (after DATA's 354: it pipes the message
 * only then) and when the data stream it feeds has let the last byte, the terminating ".", go to the socket.
 */
function trackedMessage(raw: Buffer, stage: { value: 'envelope' | 'data' | 'after-data' }) {
  const source = new PassThrough();
  const pipe = source.pipe.bind(source);
  source.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    stage.value = 'data';
    // The data stream ends its readable side only after pushing the terminator to the socket.
    (destination as unknown as Writable & NodeJS.ReadableStream).once('end', () => {
      stage.value = 'after-data';
    });
    return pipe(destination, options);
  };
  source.end(raw);
  return source;
}

/** Sends `mail` once; resolves with the recipients the server refused, or throws a DeliveryError. */
export async function sendOnce(smtp: StoredSmtp, secrets: SecretStore, mail: MailOptions): Promise<Delivered> {
  const [{ default: MailComposer }, { default: SMTPConnection }] = await Promise.all([import('nodemailer/lib/mail-composer'), import('nodemailer/lib/smtp-connection')]);
  const composed = new MailComposer({ ...mail, disableFileAccess: true, disableUrlAccess: true }).compile();
  const raw = await composed.build();
  const envelope = composed.getEnvelope();
  const stage = { value: 'envelope' as 'envelope' | 'data' | 'after-data' };
  const connection = new SMTPConnection(sessionOptions(smtp));
  const password = secrets.get(PASSWORD_KEY);
  // Some failures (refused, greeting, TLS) come only as an 'error' event, others also to the step in flight.
  let fail: (error: unknown) => void = () => undefined;
  connection.on('error', (error: unknown) => fail(error));
  const step = <T>(run: (done: (error: Error | null | undefined, value?: T) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      fail = reject;
      run((error, value) => (error ? reject(error) : resolve(value as T)));
    });
  try {
    await step<void>((done) => connection.connect((error) => done(error)));
    if (smtp.username && connection.allowsAuth) {
      await step<boolean>((done) => connection.login({ user: smtp.username, pass: password ?? '' }, (error, ok) => done(error, ok)));
    }
    const info = await step<{ rejected: string[]; response: string }>((done) => connection.send(envelope, trackedMessage(raw, stage), (error, result) => done(error, result)));
    connection.quit();
    return { rejected: [...(info.rejected ?? [])], response: info.response };
  } catch (error) {
    connection.close();
    const e = error as { responseCode?: unknown };
    // An answer from the server after the message is its verdict (4xx, 5xx); silence after it is the ambiguity.
    const answered = typeof e.responseCode === 'number';
    const last = typeof connection.lastServerResponse === 'string' ? connection.lastServerResponse.slice(0, 500) : null;
    throw new DeliveryError(error, stage.value === 'after-data' && !answered, last);
  }
}
