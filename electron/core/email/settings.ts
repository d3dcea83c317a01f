// SMTP account settings: stored as JSON in the settings table, the password only in the platform's secret
// store (Electron safeStorage; the harness's clearly named test store). Nothing here returns the password.
import type { Kysely } from 'kysely';
import type { SmtpSettings } from '../../../shared/domain/email';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { requeue } from '../../db/email.repo';
import { getSetting, setSetting } from '../../db/settings.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import type { SecretStore } from '../platform';
import { describeSmtpError, type Outcome, type SmtpServer } from './smtp-words';

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
export async function transportFor(smtp: StoredSmtp, secrets: SecretStore) {
  // nodemailer loads when an account is tested, not at start-up (it is ~5 MB of heap).
  const { createTransport } = await import('nodemailer');
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

/** How a delivery error is treated (retry later, stop for good, or pause for the password), in the app's words. */
export function classify(error: unknown, server?: SmtpServer, retries = true): { outcome: Outcome; text: string } {
  return describeSmtpError(error, server, retries);
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
      const transport = await transportFor(smtp, secrets);
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
        // The app's sentence (with the server's own words, if it gave any) to the window; the library's text to the log.
        ctx.logger.warn('the test email failed', { error: String(error), response: (error as { response?: unknown }).response });
        throw new AppError('UNAVAILABLE', classify(error, smtp, false).text);
      } finally {
        transport.close();
      }
      return { ok: true as const, message: `A test email was sent to ${smtp.fromAddress}` };
    },
  };
}
