// The custom-field tables of schema.ts's DB (split out for length): written by fields.repo.ts (0020).
// Like schema.ts, imports no application code.

export interface CustomFieldsTable {
  id: string;
  record_type: string;
  /** Stable camelCase slug, unique per record type (Trash included, so a restore never collides). */
  key: string;
  label: string;
  type: string;
  currency: string | null;
  required: number;
  /** JSON of the default value, or null. */
  default_value: string | null;
  help: string | null;
  section: string | null;
  position: number;
  /** JSON array of { id, label, archived }. */
  options: string;
  archived: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CustomValuesTable {
  field_id: string;
  record_id: string;
  seq: number;
  text_value: string | null;
  num_value: number | null;
  sort_text: string | null;
}
