// Channel names of the cases feature (issue #22; zod-free: the preload's allow-list imports it). See channels.ts.
export const CASES_CHANNELS = [
  'cases.create',
  'cases.get',
  'cases.update',
  'cases.list',
  'cases.delete',
  'cases.restore',
  'cases.setStatus',
  'cases.reply',
  'cases.note',
  'cases.rate',
  'cases.merge',
  'cases.attachEmail',
  'cases.templates.list',
  'cases.templates.create',
  'cases.templates.update',
  'cases.templates.delete',
  'cases.statuses.list',
  'cases.statuses.update',
] as const;

export type CasesChannel = (typeof CASES_CHANNELS)[number];
