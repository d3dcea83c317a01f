// Every import so far, newest first, each with what it did and an Undo that removes what it created and
// restores what it updated.
import { Badge, Button, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ImportSummary } from '../../../../shared/domain/transfer';
import { useImports, useUndoImport } from '../../api/import-export';
import { notifySuccess } from '../../ui/notify';
import { formatCount, plural } from '../../ui/format';
import { Empty } from '../../ui/Empty';

const STATUS_COLORS: Record<ImportSummary['status'], string> = { running: 'blue', done: 'teal', cancelled: 'yellow', failed: 'red', undone: 'gray' };

const undoneMessage = (fileName: string, kept: number, gone: number) =>
  [
    `Import of ${fileName} undone${kept > 0 || gone > 0 ? '.' : ''}`,
    kept > 0 && `${kept === 1 ? '1 contact was' : `${formatCount(kept)} contacts were`} changed since the import and kept as ${kept === 1 ? 'it is' : 'they are'}.`,
    // Issue #18: a contact deleted for good from Trash cannot be put back as it was.
    gone > 0 && `${plural(gone, 'contact')} it updated ${gone === 1 ? 'was' : 'were'} deleted for good since, so could not be put back.`,
  ]
    .filter(Boolean)
    .join(' ');

export function ImportHistory() {
  const imports = useImports();
  const undo = useUndoImport();
  const items = imports.data?.items ?? [];
  if (imports.isPending) return null;
  if (items.length === 0) {
    return <Empty title="No imports yet" description="Each import you run is listed here, with what it created and updated, and can be undone." />;
  }
  return (
    <Table striped withTableBorder aria-label="Import history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>File</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{new Date(i.startedAt).toLocaleString()}</Table.Td>
            <Table.Td>
              <Text size="sm">{i.fileName}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {formatCount(i.created)} created, {formatCount(i.updated)} updated, {formatCount(i.skipped)} skipped, {formatCount(i.rejectedCount)} rejected
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[i.status]} variant="light">
                {i.status}
              </Badge>
            </Table.Td>
            <Table.Td>
              {i.status !== 'undone' && i.status !== 'running' && (i.created > 0 || i.updated > 0) && (
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconArrowBackUp size={14} />}
                  loading={undo.isPending && undo.variables === i.id}
                  onClick={() => undo.mutate(i.id, { onSuccess: (done) => notifySuccess(undoneMessage(i.fileName, done.kept, done.gone)) })}
                  aria-label={`Undo import of ${i.fileName}`}
                >
                  Undo import
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
