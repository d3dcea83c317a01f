// The merge fields an email or template may use, shared so main's check and the compose screen's list agree: the
// built-in ones, and a contact's own fields as {{custom.<key>}} (issue #19). Imports nothing.

export const MERGE_FIELDS = ['firstName', 'lastName', 'name', 'email', 'company', 'jobTitle', 'job.title', 'job.amount', 'job.stage', 'job.dueDate'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** A contact custom field's merge field: "gateCode" -> "custom.gateCode" (keys never change, so templates stay valid). */
export const customMergeField = (key: string) => `custom.${key}`;

/** The field key a custom merge field names, or null for a built-in one. */
export const customMergeKey = (field: string): string | null => (field.startsWith('custom.') ? field.slice('custom.'.length) : null);
