// SMTP account settings: stored as JSON in the settings table, the password only in the platform's secret
// store (Electron safeStorage; the harness's clearly named test store). Nothing here returns the password.
import { createTransport } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { SmtpSettings } from '../../../shared/domain/email';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { requeue } from '../../db/email.repo';
import { getSetting, setSetting } from '../../db/settings.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import type { SecretStore } from '../platform';

const SETTINGS_KEY = 'email.smtp';
const PAUSED_KEY = 'email.paused';
export const PASSWORD_KEY = 'smtp.password';

export type StoredSmtp = Omit<SmtpSettings, 'configured' | 'hasPassword' | 'secretStore' | 'paused'>;

const DEFAULTS: StoredSmtp = { host: '', port: 587, security: 'starttls', username: '', fromName: '', fromAddress: '', signature: '', perMinute: 30, allowUntrustedCertificate: false };

export async function loadSmtp(db: Kysely<DB>): Promise<StoredSmtp & { configured: boolean }> {
  const raw = await getSetting(db, SETTINGS_KEY);
  if (raw === null) return { ...DEFAULTS, configured: false };
  return { ...DEFAULTS, ...(JSON.parse(raw) as Partial<StoredSmtp>), configured: true };
}

export async function isPaused(db: Kysely<DB>): Promise<boolean> {
  return (await getSetting(db, PAUSED_KEY)) === '1';
}

export async function setPaused(db: Kysely<DB>, paused: boolean): Promise<void> {
  await setSetting(db, PAUSED_KEY, paused ? '1' : '0');
}

export async function smtpView(db: Kysely<DB>, secrets: SecretStore): Promise<SmtpSettings> {
  const stored = await loadSmtp(db);
  return {
    ...stored,
    hasPassword: secrets.get(PASSWORD_KEY) !== null,
    secretStore: { backend: secrets.backend, secure: secrets.secure },
    paused: await isPaused(db),
  };
}

export async function saveSmtp(db: Kysely<DB>, secrets: SecretStore, input: ChannelParsedInput<'email.settings.update'>): Promise<void> {
  const { password, ...rest } = input;
  const current = await loadSmtp(db);
  const next: StoredSmtp = {
    host: rest.host,
    port: rest.port,
    security: rest.security,
    username: rest.username ?? '',
    fromName: rest.fromName,
    fromAddress: rest.fromAddress,
    signature: rest.signature ?? current.signature,
    perMinute: rest.perMinute ?? current.perMinute,
    allowUntrustedCertificate: rest.allowUntrustedCertificate ?? current.allowUntrustedCertificate,
  };
  await setSetting(db, SETTINGS_KEY, JSON.stringify(next));
  if (password === '') secrets.delete(PASSWORD_KEY);
  else if (password !== undefined) secrets.set(PASSWORD_KEY, password);
}

/** How to reach the saved account's server: shared by the settings test and the outbox (smtp-send.ts). */
export function sessionOptions(smtp: StoredSmtp) {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    // 'none' still upgrades when the server offers STARTTLS; 'starttls' refuses to go on without it.
    requireTLS: smtp.security === 'starttls',
    tls: { rejectUnauthorized: !smtp.allowUntrustedCertificate },
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  };
}

/**
 * A nodemailer transport for the saved account. File and URL access are off: a message's content is only
 * ever the bytes stored in the outbox. Certificates are checked unless the user chose otherwise.
 */
export function transportFor(smtp: StoredSmtp, secrets: SecretStore) {
  const password = secrets.get(PASSWORD_KEY);
  return createTransport(
    {
      ...sessionOptions(smtp),
      ...(smtp.username ? { auth: { user: smtp.username, pass: password ?? '' } } : {}),
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { disableFileAccess: true, disableUrlAccess: true },
  );
}

/**
 * What went wrong when the server gave no answer, in the app's words: the library's own text (and the OS's,
 * "connect ECONNREFUSED 10.0.0.1:587") is for the log only.
 */
function unanswered(e: { code?: string; originalCode?: string; message?: string }): string {
  if (e.code === 'ETIMEDOUT') return 'The mail server did not answer in time; Rapport will try again.';
  if (e.code === 'EDNS' || e.originalCode === 'ENOTFOUND') return 'The mail server\'s name could not be found: check the server in email settings, or your internet connection.';
  if (e.originalCode === 'ECONNREFUSED') return 'The mail server refused to connect (is the port right, is the server up?); Rapport will try again.';
  if (e.code === 'EAUTH') return 'The mail server did not accept the user name or password.';
  if (e.code === 'ETLS') return 'A secure connection to the mail server could not be made.';
  return 'The connection to the mail server failed before the message was handed over; Rapport will try again.';
}

/** How a delivery error is treated: retry later, stop for good, or pause everything for the password. */
export function classify(error: unknown): { outcome: 'waiting' | 'failed' | 'paused'; text: string } {
  const e = error as { code?: string; originalCode?: string; responseCode?: number; response?: string; message?: string };
  const text = (e.response ?? unanswered(e)).slice(0, 1000);
  if (e.code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 534) return { outcome: 'paused', text };
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { outcome: 'failed', text };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return { outcome: 'waiting', text };
  // A certificate the user has not chosen to trust will not fix itself by waiting.
  if (/certificate|self[- ]signed/i.test(e.message ?? '')) return { outcome: 'failed', text: 'The mail server\'s certificate is not trusted. If it is your own office server, allow it in email settings.' };
  return { outcome: 'waiting', text };
}

/** The email.settings.* channels: read, save (which ends a pause), and a test email sent now, not through the outbox. */
export function createSmtpSettings(ctx: FeatureContext, outbox: { wake(): void }) {
  const { db, clock, events } = ctx.deps;
  const { secrets } = ctx.platform;
  return {
    get: () => smtpView(db, secrets),

    async update(input: ChannelParsedInput<'email.settings.update'>): Promise<SmtpSettings> {
      await saveSmtp(db, secrets, input);
      // New settings (most often the corrected password) end a pause: paused messages go back in line.
      await setPaused(db, false);
      const resumed = await requeue(db, ['paused'], clock.now().toISOString());
      events.emit('data.changed', { entity: 'settings', action: 'updated', ids: ['smtp'] });
      events.emit('outbox.changed', { ids: resumed, paused: false });
      outbox.wake();
      return smtpView(db, secrets);
    },

    async test(): Promise<ChannelOutput<'email.settings.test'>> {
      const smtp = await loadSmtp(db);
      if (!smtp.configured) throw new AppError('UNAVAILABLE', 'Set up the mail server first');
      const transport = transportFor(smtp, secrets);
      try {
        await transport.sendMail({
          from: { name: smtp.fromName, address: smtp.fromAddress },
          to: smtp.fromAddress,
          subject: 'Rapport test email',
          text: `This is a test email from Rapport, sent at ${clock.now().toISOString()} through ${smtp.host}:${smtp.port}. Your email settings work.`,
          disableFileAccess: true,
          disableUrlAccess: true,
        });
      } catch (error) {
        const { outcome, text } = classify(error);
        // The server's own words are quoted as such; without them, classify's text already says what happened.
        const answered = typeof (error as { response?: unknown }).response === 'string';
        throw new AppError('UNAVAILABLE', !answered ? text : outcome === 'paused' ? `The server refused the user name or password: ${text}` : `The mail server said: ${text}`);
      } finally {
        transport.close();
      }
      return { ok: true as const, message: `A test email was sent to ${smtp.fromAddress}` };
    },
  };
}
