// The email feature's entry: a handler map over SMTP settings, the outbox and its worker, templates, campaigns
// and .eml import. Tests reach the worker as t.core.modules.email.outbox (tick/drain/recover) instead of waiting
// on its timer; Electron main may call wake() when the machine comes back online or resumes from sleep.
import type { EmailChannel } from '../../../shared/ipc/email.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createCampaigns } from './campaigns';
import { createEmlImport } from './eml';
import { createOutbox } from './outbox';
import { createSmtpSettings } from './settings';
import { createTemplates } from './templates';

export function createEmailModule(ctx: FeatureContext) {
  const outbox = createOutbox(ctx);
  const settings = createSmtpSettings(ctx, outbox);
  const templates = createTemplates(ctx, outbox);
  const campaigns = createCampaigns(ctx, outbox, templates);
  const importEml = createEmlImport(ctx);

  const handlers: FeatureModule<EmailChannel>['handlers'] = {
    'email.settings.get': () => settings.get(),
    'email.settings.update': (input) => settings.update(input),
    'email.settings.test': () => settings.test(),

    'emails.send': (input) => outbox.send(input),
    'emails.get': ({ id }) => outbox.get(id),
    'emails.importEml': (input) => importEml(input),

    'outbox.list': (input) => outbox.list(input),
    'outbox.retry': (input) => outbox.retry(input),
    'outbox.cancel': ({ id }) => outbox.cancel(id),
    'outbox.markSent': ({ id }) => outbox.markSent(id),
    'outbox.sendNow': () => outbox.sendNow(),

    'templates.create': (input) => templates.create(input),
    'templates.update': (input) => templates.update(input),
    'templates.delete': ({ id }) => templates.delete(id),
    'templates.list': () => templates.list(),
    'templates.preview': (input) => templates.preview(input),

    'campaigns.preview': (input) => campaigns.preview(input),
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
