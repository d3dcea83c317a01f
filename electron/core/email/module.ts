// The email feature's entry: SMTP settings, the outbox and its worker, templates, campaigns and .eml import.
// Tests reach the worker as t.core.modules.email.outbox (tick/drain/recover) instead of waiting on its timer.
// Electron main may call wake() when the machine comes back online or resumes from sleep.
import type { EmailChannel } from '../../../shared/ipc/email.channels';
import { AppError } from '../../../shared/ipc/errors';
import { attachmentSizes, listOutbox, outboxCounts, toEmail, toOutboxItem } from '../../db/email.repo';
import type { FeatureContext, FeatureModule } from '../modules';
import { createCampaigns } from './campaigns';
import { createEmlImport } from './eml';
import { createOutbox } from './outbox';
import { classify, isPaused, loadSmtp, saveSmtp, setPaused, smtpView, transportFor } from './settings';
import { createTemplates } from './templates';

export function createEmailModule(ctx: FeatureContext) {
  const { db, clock, events } = ctx.deps;
  const { secrets } = ctx.platform;
  const outbox = createOutbox(ctx);
  const templates = createTemplates(ctx, outbox);
  const campaigns = createCampaigns(ctx, outbox, templates);
  const importEml = createEmlImport(ctx);

  const handlers: FeatureModule<EmailChannel>['handlers'] = {
    'settings.smtp.get': () => smtpView(db, secrets),
    async 'settings.smtp.set'(input) {
      await saveSmtp(db, secrets, input);
      // New settings (most often the corrected password) end a pause: paused messages go back in line.
      await setPaused(db, false);
      const resumed = await ctx.deps.db
        .withTables<{ outbox: { id: string; status: string; updated_at: string } }>()
        .updateTable('outbox')
        .set({ status: 'queued', updated_at: clock.now().toISOString() })
        .where('status', '=', 'paused')
        .returning('id')
        .execute();
      events.emit('data.changed', { entity: 'settings', action: 'updated', ids: ['smtp'] });
      events.emit('outbox.changed', { ids: resumed.map((r) => r.id), paused: false });
      outbox.wake();
      return smtpView(db, secrets);
    },
    async 'settings.smtp.test'() {
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
        throw new AppError('UNAVAILABLE', outcome === 'paused' ? `The server refused the user name or password: ${text}` : `The mail server said: ${text}`);
      } finally {
        transport.close();
      }
      return { ok: true as const, message: `A test email was sent to ${smtp.fromAddress}` };
    },

    'emails.send': (input) => outbox.send(input),
    async 'emails.get'({ id }) {
      const row = await outbox.require(id);
      return toEmail(row, await attachmentSizes(db, id));
    },
    'emails.importEml': (input) => importEml(input),

    async 'outbox.list'({ status, limit }) {
      await outbox.recover();
      return { items: (await listOutbox(db, status, limit)).map(toOutboxItem), counts: await outboxCounts(db), paused: await isPaused(db) };
    },
    'outbox.retry': (input) => outbox.retry(input),
    'outbox.cancel': ({ id }) => outbox.cancel(id),
    async 'outbox.sendNow'() {
      // The user asked: try now, even after a pause (a wrong password pauses again) and before retry times.
      if (await isPaused(db)) await setPaused(db, false);
      const at = clock.now().toISOString();
      await db
        .withTables<{ outbox: { status: string; next_attempt_at: string | null; updated_at: string } }>()
        .updateTable('outbox')
        .set({ status: 'queued', next_attempt_at: null, updated_at: at })
        .where('status', 'in', ['waiting', 'paused'])
        .execute();
      const counts = await outboxCounts(db);
      // Answer at once; the pass reports through outbox.changed as each message goes.
      outbox.tick().catch((error: unknown) => ctx.logger.error('outbox pass failed', error));
      return { queued: counts.queued ?? 0 };
    },

    'templates.create': (input) => templates.create(input),
    'templates.update': (input) => templates.update(input),
    'templates.delete': ({ id }) => templates.delete(id),
    'templates.list': () => templates.list(),
    'templates.preview': (input) => templates.preview(input),

    'campaigns.create': (input) => campaigns.create(input),
    'campaigns.get': ({ id }) => campaigns.get(id),
    'campaigns.list': () => campaigns.list(),
    'campaigns.cancel': ({ id }) => campaigns.cancel(id),
  };

  return {
    handlers,
    outbox,
    /** Look at the outbox now (connectivity back, resume from sleep). */
    wake: () => outbox.wake(),
    start: () => outbox.start(),
    stop: () => outbox.stop(),
  } satisfies FeatureModule<EmailChannel> & Record<string, unknown>;
}
