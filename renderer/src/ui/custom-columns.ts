// Which of the user's own fields (issue #19) a list shows as extra columns, remembered per list on this computer
// (localStorage, a view preference like a column width), and the grid columns they add to the list's rows.
import { useLocalStorage } from '@mantine/hooks';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import type { CustomSort } from '../../../shared/domain/custom-record';
import type { FieldDefinition, FieldRecordType } from '../../../shared/domain/custom-fields';
import { useFieldDefinitions } from '../api/fields';

/** Link fields hold a record's id, which a cell could only show as an id, and sort by it: they are not columns. */
export const isColumnField = (d: FieldDefinition) => d.type !== 'contactLink' && d.type !== 'companyLink';

export interface CustomColumns {
  /** The record type's live fields, in form order (what filters offer). */
  definitions: readonly FieldDefinition[];
  /** Those that can be columns (what the Columns menu lists). */
  fields: readonly FieldDefinition[];
  /** The columns shown, in form order. */
  shown: readonly FieldDefinition[];
  toggle: (key: string, on: boolean) => void;
  /** Until the definitions arrive, a remembered sort or filter cannot be checked against them. */
  loading: boolean;
}

const NONE: readonly FieldDefinition[] = [];

/** `list` names the list in the remembered choice ("contacts", "companies", "jobs"). */
export function useCustomColumns(recordType: FieldRecordType, list: string): CustomColumns {
  const definitions = useFieldDefinitions(recordType);
  const [keys, setKeys] = useLocalStorage<string[]>({ key: `rapport.${list}.columns`, defaultValue: [], getInitialValueInEffect: false });
  const all = definitions.data ?? NONE;
  const fields = useMemo(() => all.filter(isColumnField), [all]);
  const shown = useMemo(() => fields.filter((d) => keys.includes(d.key)), [fields, keys]);
  const toggle = (key: string, on: boolean) => setKeys((current) => [...current.filter((k) => k !== key), ...(on ? [key] : [])]);
  return { definitions: all, fields, shown, toggle, loading: definitions.isPending };
}

/**
 * The custom columns' share of the row grid, as the CSS variable the list's `grid-template-columns` ends with
 * (`var(--custom-columns,)`), set on an element around the header and the rows so both line up.
 */
export function customColumnsStyle(count: number): CSSProperties | undefined {
  return count === 0 ? undefined : ({ '--custom-columns': `repeat(${count}, minmax(110px, 1fr))` } as CSSProperties);
}

/** A remembered custom sort while its field still exists (a deleted field's sort would be refused by main). */
export function liveCustomSort(sort: CustomSort | null | undefined, columns: CustomColumns): CustomSort | undefined {
  if (!sort) return undefined;
  if (columns.loading) return sort;
  return columns.fields.some((d) => d.key === sort.key) ? sort : undefined;
}

/** The list's sort choices after its own: one per field that can be a column ("custom:<key>"). */
export function customSortOptions(columns: CustomColumns, sort: CustomSort | undefined) {
  if (columns.fields.length === 0) return [];
  return [
    {
      group: 'Your fields',
      items: columns.fields.map((d) => ({
        value: `custom:${d.key}`,
        // The arrow the column's header shows: the Select is narrow, and the header's button says it in words.
        label: sort?.key === d.key ? `${d.label} ${sort.direction === 'desc' ? '↓' : '↑'}` : d.label,
      })),
    },
  ];
}

/** A sort Select's value back as a custom sort, or null for one of the list's own sorts. */
export function customSortFromOption(value: string): CustomSort | null {
  return value.startsWith('custom:') ? { key: value.slice('custom:'.length), direction: 'asc' } : null;
}
