// The report of a finished import: counts, every rejected row with its reason, every skipped and updated row
// with the contact it matched and why, and the per-field warnings, each by line.
import { Stack, Table, Text, Title } from '@mantine/core';
import type { RowProblem } from '../../../../shared/domain/transfer';
import type { ImportReport } from '../../api/import-export';
import { MatchedTable } from './MatchedTable';
import { formatCount } from '../../ui/format';

function LineTable({ rows, label, reasonHeader }: { rows: readonly RowProblem[]; label: string; reasonHeader: string }) {
  return (
    <Table withTableBorder aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Line</Table.Th>
          <Table.Th>{reasonHeader}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={`${r.line}-${i}`}>
            <Table.Td>{r.line}</Table.Td>
            <Table.Td>{r.reason}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ImportReportView({ report }: { report: ImportReport }) {
  const title = report.status === 'cancelled' ? 'Import cancelled' : report.status === 'failed' ? 'Import stopped by an error' : 'Import finished';
  return (
    <Stack gap="xs" aria-live="polite">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text>
        {formatCount(report.created)} created, {formatCount(report.updated)} updated, {formatCount(report.skipped)} skipped, {formatCount(report.rejectedCount)} rejected.
        {report.status === 'cancelled' && ' The rows imported before you cancelled were kept; undo the import below to remove them.'}
      </Text>
      {report.rejected.length > 0 && <LineTable rows={report.rejected} label="Rejected rows" reasonHeader="Why it was not imported" />}
      {report.matched.length > 0 && (
        <>
          <Title order={3} size="h5">
            Rows that matched people already here
          </Title>
          <MatchedTable rows={report.matched} label="Skipped and updated rows" />
          {report.matched.length < report.updated + report.skipped && (
            <Text size="sm" c="dimmed">
              The first {formatCount(report.matched.length)} are listed.
            </Text>
          )}
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <Title order={3} size="h5">
            Warnings ({formatCount(report.warningCount)})
          </Title>
          <LineTable rows={report.warnings} label="Import warnings" reasonHeader="What was kept elsewhere or left out" />
        </>
      )}
    </Stack>
  );
}
