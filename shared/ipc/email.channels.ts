// Channel names of the email feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const EMAIL_CHANNELS = [] as const;

export type EmailChannel = (typeof EMAIL_CHANNELS)[number];
