// The mapping screen: every column of the file with an example value and where it goes; any column can be
// sent elsewhere or ignored. Columns are matched by their names, so the order in the file does not matter.
// The contact's own custom fields are targets too, and a column with no field of its own can get a new one.
import { Button, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { FieldDefinition } from '../../../../shared/domain/custom-fields';
import { ImportTarget as Targets, isCustomTarget, type MappingEntry, type MappingTarget } from '../../../../shared/domain/transfer';
import { useFieldDefinitions } from '../../api/fields';
import { CreateFieldFromColumn } from './CreateFieldFromColumn';
import { TARGET_LABELS } from './import-export-labels';

const IGNORE = '__ignore';
const BUILT_IN = [{ value: IGNORE, label: 'Ignore this column' }, ...Targets.options.map((t) => ({ value: t, label: TARGET_LABELS[t] }))];

interface Props {
  mapping: MappingEntry[];
  example: (column: string) => string;
  /** The column's cells in the preview's rows: what a new field's type is guessed from. */
  values: (column: string) => string[];
  onChange: (mapping: MappingEntry[]) => void;
}

/** A column with no field of its own: ignored, or kept in notes under a label. */
const loose = (m: MappingEntry) => m.target === null || (m.target === 'notes' && m.label !== undefined);

export function MappingTable({ mapping, example, values, onChange }: Props) {
  const fields = useFieldDefinitions('contact', 'all');
  const [creating, setCreating] = useState<number | null>(null);
  const custom = (fields.data ?? []).map((f) => ({ value: `custom.${f.key}`, label: `Field: ${f.label}${f.archived ? ' (archived)' : ''}` }));
  const options = custom.length ? [...BUILT_IN, { group: 'Your fields', items: custom }] : BUILT_IN;
  const set = (index: number, value: string | null) => {
    const target = !value || value === IGNORE ? null : (value as MappingTarget);
    // A label and group belong to the built-in target the column had; a custom field takes the whole cell.
    onChange(mapping.map((m, i) => (i === index ? (isCustomTarget(target) ? { column: m.column, target } : { ...m, target }) : m)));
  };
  const created = (index: number, field: FieldDefinition) => {
    setCreating(null);
    set(index, `custom.${field.key}`);
  };
  const column = creating === null ? null : mapping[creating];
  return (
    <>
      <Table striped withTableBorder aria-label="Column mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column in the file</Table.Th>
            <Table.Th>Example</Table.Th>
            <Table.Th>Goes to</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mapping.map((m, i) => (
            <Table.Tr key={`${m.column}-${i}`}>
              <Table.Td>{m.column || <Text c="dimmed">(no name)</Text>}</Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" c="dimmed" truncate="end">
                  {example(m.column)}
                </Text>
              </Table.Td>
              <Table.Td w={300}>
                <Select aria-label={`Target for column ${m.column}`} data={options} value={m.target ?? IGNORE} onChange={(v) => set(i, v)} allowDeselect={false} searchable />
              </Table.Td>
              <Table.Td w={130}>
                {loose(m) && m.column.trim() !== '' && (
                  <Button size="xs" variant="subtle" onClick={() => setCreating(i)} aria-label={`New field for column ${m.column}`}>
                    New field…
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {column && creating !== null && (
        <CreateFieldFromColumn column={column.column} values={values(column.column)} onCreated={(f) => created(creating, f)} onClose={() => setCreating(null)} />
      )}
    </>
  );
}
