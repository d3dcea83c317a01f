// Rows of an import taken for people already here: the line, the contact it matched, why (the keys they share),
// and what an update changes (before -> after). Shown before an update runs (import.check) and in the report.
import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChangeField, MatchedRow } from '../../../../shared/domain/transfer';
import { CHANGE_LABELS, MATCH_LABELS } from './import-export-labels';
import { formatCount } from '../../ui/format';

/** Rows drawn at first: a re-import of a big file matches thousands; the rest are a click away. */
const FIRST_ROWS = 200;

export function MatchedTable({ rows, label }: { rows: readonly MatchedRow[]; label: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <Stack gap="xs">
      <Table withTableBorder aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>Matched</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th>What happens</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => (
            <Table.Tr key={`${row.line}-${row.action}`}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>
                {row.contactName}
                {row.fileLine !== undefined && (
                  <Text size="xs" c="dimmed">
                    line {row.fileLine} of this file
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{row.matchedOn.map((k) => MATCH_LABELS[k]).join(', ')}</Table.Td>
              <Table.Td>{row.action === 'skipped' ? <Text size="sm">Skipped</Text> : <Changes row={row} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!all && rows.length > FIRST_ROWS && (
        <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
          Show all {formatCount(rows.length)} rows
        </Button>
      )}
    </Stack>
  );
}

function Changes({ row }: { row: MatchedRow }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        Updated
      </Text>
      {row.changes.map((c) => (
        <Text size="sm" key={c.field}>
          {c.label ?? CHANGE_LABELS[c.field as ChangeField]}: {c.before === '' ? <Text span c="dimmed">(empty)</Text> : c.before} → {c.after === '' ? <Text span c="dimmed">(empty)</Text> : c.after}
        </Text>
      ))}
    </Stack>
  );
}
