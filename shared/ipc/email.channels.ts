// Channel names of the email feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const EMAIL_CHANNELS = [
  'email.settings.get',
  'email.settings.update',
  'email.settings.test',
  'emails.send',
  'emails.get',
  'emails.importEml',
  'outbox.list',
  'outbox.retry',
  'outbox.cancel',
  'outbox.markSent',
  'outbox.sendNow',
  'templates.create',
  'templates.update',
  'templates.delete',
  'templates.list',
  'templates.preview',
  'campaigns.preview',
  'campaigns.create',
  'campaigns.get',
  'campaigns.list',
  'campaigns.cancel',
] as const;

export type EmailChannel = (typeof EMAIL_CHANNELS)[number];
