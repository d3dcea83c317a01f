// The fields feature's part of the contract (custom fields, issue #19): definitions per record type. The values
// travel inside each record's own channels as `custom`. contract.ts spreads this in. Imports zod and shared/domain only.
import { z } from 'zod';
import { FieldArchive, FieldCreate, FieldDefinition, FieldListInput, FieldReorder, FieldUpdate, FieldUpdateResult } from '../domain/custom-fields';
import type { FieldsChannel } from './fields.channels';
import { ById } from './shapes';

const FieldList = z.object({ items: z.array(FieldDefinition) });

export const fieldsContract = {
  /** A record type's fields in form order; archived ones only when asked, Trash instead when `trashed`. */
  'fields.list': { input: FieldListInput, output: FieldList },
  /** A new field; its key is made from the label once and never changes. */
  'fields.create': { input: FieldCreate, output: FieldDefinition },
  /** Label, help, required, default, section, options; a type change previews unless `confirm` (see FieldConversion). */
  'fields.update': { input: FieldUpdate, output: FieldUpdateResult },
  /** Hides a field (its values kept) or shows it again. */
  'fields.archive': { input: FieldArchive, output: FieldDefinition },
  /** To Trash with its values; `fields.restore` brings both back. */
  'fields.delete': { input: ById, output: FieldDefinition },
  'fields.restore': { input: ById, output: FieldDefinition },
  /** The form order: the listed ids first, in that order. */
  'fields.reorder': { input: FieldReorder, output: FieldList },
} as const satisfies Record<FieldsChannel, { input: z.ZodType; output: z.ZodType }>;
