// Channel names of the fields feature (custom fields, issue #19; zod-free: the preload's allow-list imports it).
export const FIELDS_CHANNELS = ['fields.list', 'fields.create', 'fields.update', 'fields.archive', 'fields.delete', 'fields.restore', 'fields.reorder'] as const;

export type FieldsChannel = (typeof FIELDS_CHANNELS)[number];
