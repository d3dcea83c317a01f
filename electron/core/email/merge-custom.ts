// Contact custom fields in merge fields ({{custom.gateCode}}, issue #19): the definitions are read once per send,
// preview, template check or campaign, and the recipients' values once per page of them, and only when a text
// uses a custom field at all (a plain template reads nothing more than before). No SQL here, no `electron`.
import type { Kysely } from 'kysely';
import type { CustomValues, FieldDefinition } from '../../../shared/domain/custom-fields';
import type { DB } from '../../db/schema';
import { customDefinitions, readCustom } from '../fields/record-custom';
import { usesCustomFields, type CustomMergeValues } from './merge';

export interface CustomMerge {
  definitions: FieldDefinition[];
  /** The keys {{custom.<key>}} may name: every live contact field, archived ones too (they keep their values). */
  keys: ReadonlySet<string>;
}

/** The contact fields, when any of the texts uses a custom merge field; null when none does. */
export async function customMergeFor(db: Kysely<DB>, texts: readonly string[]): Promise<CustomMerge | null> {
  if (!texts.some(usesCustomFields)) return null;
  const definitions = await customDefinitions(db, 'contact');
  return { definitions, keys: new Set(definitions.map((d) => d.key)) };
}

/** The custom values of these contacts (one query), or nothing when no text needs them. */
export async function customValuesOf(db: Kysely<DB>, merge: CustomMerge | null, contactIds: readonly string[]): Promise<Map<string, CustomValues>> {
  if (!merge || contactIds.length === 0) return new Map();
  return readCustom(db, 'contact', contactIds, merge.definitions);
}

/** valuesFor's third argument for one recipient (undefined when no text uses a custom field). */
export function customFor(merge: CustomMerge | null, values: CustomValues | undefined): CustomMergeValues | undefined {
  return merge ? { definitions: merge.definitions, values: values ?? {} } : undefined;
}
