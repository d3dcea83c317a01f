// Channel names of the privacy feature (issue #21; zod-free: the preload's allow-list imports it). See channels.ts.
export const PRIVACY_CHANNELS = [
  'privacy.requests.list',
  'privacy.requests.create',
  'privacy.requests.update',
  'privacy.export',
  'privacy.erasePreview',
  'privacy.erase',
  'privacy.log',
] as const;

export type PrivacyChannel = (typeof PRIVACY_CHANNELS)[number];
