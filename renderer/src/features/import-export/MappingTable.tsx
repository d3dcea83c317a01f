// The mapping screen: every column of the file with an example value and where it goes; any column can be
// sent elsewhere or ignored. Columns are matched by their names, so the order in the file does not matter.
import { Select, Table, Text } from '@mantine/core';
import type { ImportTarget, MappingEntry } from '../../../../shared/domain/transfer';
import { ImportTarget as Targets } from '../../../../shared/domain/transfer';
import { TARGET_LABELS } from './import-export-labels';

const IGNORE = '__ignore';
const OPTIONS = [{ value: IGNORE, label: 'Ignore this column' }, ...Targets.options.map((t) => ({ value: t, label: TARGET_LABELS[t] }))];

interface Props {
  mapping: MappingEntry[];
  example: (column: string) => string;
  onChange: (mapping: MappingEntry[]) => void;
}

export function MappingTable({ mapping, example, onChange }: Props) {
  const set = (index: number, value: string | null) => {
    const target = !value || value === IGNORE ? null : (value as ImportTarget);
    onChange(mapping.map((m, i) => (i === index ? { ...m, target } : m)));
  };
  return (
    <Table striped withTableBorder aria-label="Column mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column in the file</Table.Th>
          <Table.Th>Example</Table.Th>
          <Table.Th>Goes to</Table.Th>
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
              <Select aria-label={`Target for column ${m.column}`} data={OPTIONS} value={m.target ?? IGNORE} onChange={(v) => set(i, v)} allowDeselect={false} searchable />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
