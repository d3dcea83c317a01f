// The merge dialog's grid (issue #20): one column per record with "Keep" for the survivor, one row per field that
// differs with a radio per value, then what is the same everywhere (greyed), what is united, appended or the most
// restrictive. Which rows and which defaults is merge-grid.ts's business; this only draws them.
import { Badge, Group, Radio, Table, Text } from '@mantine/core';
import { format } from 'date-fns';
import { useId } from 'react';
import type { DuplicateKind } from '../../../../shared/domain/duplicates';
import { plural } from '../../ui/format';
import { chosenSource, columnTitles, type GridRow, type MergeRecord, mergedOptIn, notesCount, type Picks, type UnitedRow } from './merge-grid';

interface Props {
  kind: DuplicateKind;
  records: readonly MergeRecord[];
  rows: readonly GridRow[];
  united: readonly UnitedRow[];
  survivorId: string;
  picks: Picks;
  onKeep: (id: string) => void;
  onPick: (field: string, id: string) => void;
}

const EMPTY = '(empty)';

export function MergeGrid({ kind, records, rows, united, survivorId, picks, onKeep, onPick }: Props) {
  const name = useId();
  const titles = columnTitles(records);
  const differing = rows.filter((r) => !r.same);
  const same = rows.filter((r) => r.same);
  const span = records.length;
  const notes = notesCount(records);

  return (
    <Table.ScrollContainer minWidth={160 + records.length * 190}>
      <Table aria-label="Fields to merge" verticalSpacing="xs" layout="fixed" withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Field</Table.Th>
            {records.map((r, i) => (
              <Table.Th key={r.id} scope="col">
                <Text fw={600} size="sm" lineClamp={2}>
                  {titles[i]}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  Added {format(new Date(r.createdAt), 'd MMM yyyy')}
                </Text>
                <Radio
                  mt={6}
                  size="xs"
                  name={`${name}-keep`}
                  label="Keep this one"
                  aria-label={`Keep ${titles[i]}`}
                  checked={r.id === survivorId}
                  onChange={() => onKeep(r.id)}
                />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {differing.map((row) => {
            const chosen = chosenSource(row, picks, records, survivorId);
            return (
              <Table.Tr key={row.field}>
                <Table.Th scope="row">{row.label}</Table.Th>
                {row.cells.map((cell, i) => (
                  <Table.Td key={cell.id}>
                    <Radio
                      size="xs"
                      name={`${name}-${row.field}`}
                      checked={cell.id === chosen}
                      onChange={() => onPick(row.field, cell.id)}
                      aria-label={`${row.label}: ${cell.empty ? EMPTY : cell.text} (${titles[i]})`}
                      label={
                        <Text span size="sm" c={cell.empty ? 'dimmed' : undefined} style={{ wordBreak: 'break-word' }}>
                          {cell.empty ? EMPTY : cell.text}
                        </Text>
                      }
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {same.map((row) => (
            <Table.Tr key={row.field}>
              <Table.Th scope="row" c="dimmed" fw={400}>
                {row.label}
              </Table.Th>
              <Table.Td colSpan={span} c="dimmed">
                {row.cells[0]?.text} <Text span size="xs">(the same in all)</Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {united.map((row) => (
            <Table.Tr key={row.field}>
              <Table.Th scope="row">{row.label}</Table.Th>
              <Table.Td colSpan={span}>
                <Group gap={6} wrap="wrap">
                  {row.items.map((item) => (
                    <Badge key={item} variant="light" color="gray" tt="none" fw={500}>
                      {item}
                    </Badge>
                  ))}
                  <Text span size="xs" c="dimmed">
                    all kept
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          {notes > 0 && (
            <Table.Tr>
              <Table.Th scope="row">Notes</Table.Th>
              <Table.Td colSpan={span}>
                <Text size="sm">{notes === 1 ? 'Kept' : `Appended: ${plural(notes, 'note')}, each headed by the record it came from`}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {kind === 'contact' && (
            <Table.Tr>
              <Table.Th scope="row">Email opt-in</Table.Th>
              <Table.Td colSpan={span}>
                <Text size="sm">The most restrictive: {mergedOptIn(records) ? 'Yes' : 'No'}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
