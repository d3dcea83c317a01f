// Channel names of quotes (issue #23; zod-free: the preload's allow-list imports it). See channels.ts.
export const QUOTES_CHANNELS = [
  'quotes.create',
  'quotes.get',
  'quotes.update',
  'quotes.list',
  'quotes.delete',
  'quotes.send',
  'quotes.accept',
  'quotes.decline',
  'quotes.revise',
  'quotes.pdf',
  'quotes.exportCsv',
  'quotes.settings.get',
  'quotes.settings.update',
  'quotes.settings.setLogo',
  'quotes.settings.series',
] as const;

export type QuotesChannel = (typeof QUOTES_CHANNELS)[number];
