// Channel names of the consent feature (issue #21; zod-free: the preload's allow-list imports it). See channels.ts.
export const CONSENT_CHANNELS = ['consent.purposes.list', 'consent.purposes.update', 'consent.record', 'consent.history'] as const;

export type ConsentChannelName = (typeof CONSENT_CHANNELS)[number];
