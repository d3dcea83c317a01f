// Channel names of the email feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const EMAIL_CHANNELS = [
  'settings.smtp.get',
  'settings.smtp.set',
  'settings.smtp.test',
  'emails.send',
  'emails.get',
  'emails.importEml',
  'outbox.list',
  'outbox.retry',
  'outbox.cancel',
  'outbox.sendNow',
  'templates.create',
  'templates.update',
  'templates.delete',
  'templates.list',
  'templates.preview',
  'campaigns.create',
  'campaigns.get',
  'campaigns.list',
  'campaigns.cancel',
] as const;

export type EmailChannel = (typeof EMAIL_CHANNELS)[number];
