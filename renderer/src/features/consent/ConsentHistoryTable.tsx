// The consent ledger of one person, newest first: each event as recorded, with the words they agreed to and the
// evidence. Append-only: nothing here can be edited or removed.
import { Table, Text } from '@mantine/core';
import type { ConsentEvent } from '../../../../shared/domain/consent';
import { ACTION_LABELS, BASIS_LABELS, SOURCE_LABELS, when } from './consent-text';

interface Props {
  events: readonly ConsentEvent[];
  purposeName: (id: string) => string;
  name: string;
}

export function ConsentHistoryTable({ events, purposeName, name }: Props) {
  return (
    <Table aria-label={`Consent history of ${name}`} striped verticalSpacing={6} mt="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Purpose</Table.Th>
          <Table.Th>What</Table.Th>
          <Table.Th>Basis</Table.Th>
          <Table.Th>How</Table.Th>
          <Table.Th>Words and evidence</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td title={`Recorded ${when(e.recordedAt)}`}>{when(e.capturedAt)}</Table.Td>
            <Table.Td>{purposeName(e.purposeId)}</Table.Td>
            <Table.Td>{ACTION_LABELS[e.action]}</Table.Td>
            <Table.Td>{BASIS_LABELS[e.basis]}</Table.Td>
            <Table.Td>{SOURCE_LABELS[e.source]}</Table.Td>
            <Table.Td>
              {e.wording && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  “{e.wording}”
                </Text>
              )}
              {e.evidence && (
                <Text size="xs" c="dimmed">
                  Evidence: {e.evidence}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
