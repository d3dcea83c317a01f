// Import (#/import): choose a CSV or vCard file, check how its columns map and what the first rows look like,
// choose what happens to people already here, then run it with progress and Cancel, and read the report.
// Below: every import so far, each undoable.
import { Alert, Button, Group, Progress, Radio, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { DuplicatePolicy, MappingEntry } from '../../../../shared/domain/transfer';
import { pickImportFile, useCancelImport, useImportPreview, useRunImport, type ImportPreview, type ImportReport } from '../../api/import-export';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { ImportHistory } from './ImportHistory';
import { MappingTable } from './MappingTable';
import { TableExports } from './TableExports';
import { DELIMITER_LABELS, DIALECT_LABELS, ENCODING_LABELS } from './import-export-labels';

export function ImportPage() {
  const [path, setPath] = useState<string | null>(null);
  const [mapping, setMapping] = useState<MappingEntry[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [report, setReport] = useState<ImportReport | null>(null);
  const preview = useImportPreview();
  const run = useRunImport();
  const cancel = useCancelImport();

  const choose = async () => {
    const picked = await pickImportFile();
    if (!picked) return;
    setReport(null);
    setPath(picked);
    preview.mutate(picked, { onSuccess: (p) => setMapping(p.mapping) });
  };
  const start = () => {
    if (!path) return;
    run.mutate({ path, duplicates, ...(preview.data?.format === 'csv' ? { mapping } : {}) }, { onSuccess: (r) => (setReport(r), setPath(null)) });
  };

  const progress = run.isPending ? run.progress : null;
  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader
          title="Import contacts"
          subtitle="From Google Contacts, Outlook, a phone's vCard file or any spreadsheet saved as CSV"
          actions={
            <Button leftSection={<IconUpload size={16} />} onClick={() => void choose()} disabled={run.isPending}>
              Choose file…
            </Button>
          }
        />
      </div>
      <ScrollArea flex={1}>
        <Stack gap="lg" p="md">
          {run.isPending && (
            <Stack gap="xs" aria-live="polite">
              <Title order={2} size="h4">
                Importing…
              </Title>
              <Progress value={progress && progress.totalBytes ? (100 * progress.bytesRead) / progress.totalBytes : 0} aria-label="Import progress" />
              <Text size="sm">
                {progress ? `${progress.rows.toLocaleString()} rows read: ${progress.created} created, ${progress.updated} updated, ${progress.skipped} skipped, ${progress.rejected} rejected` : 'Starting…'}
              </Text>
              <Group>
                <Button variant="default" disabled={!progress || cancel.isPending} onClick={() => progress && cancel.mutate(progress.importId)}>
                  Cancel import
                </Button>
                <Text size="xs" c="dimmed">
                  Cancel stops after the current batch; rows already imported stay, and Undo import removes them.
                </Text>
              </Group>
            </Stack>
          )}
          {report && <ReportView report={report} />}
          {!run.isPending && path && preview.data && (
            <PreviewView preview={preview.data} mapping={mapping} onMapping={setMapping} duplicates={duplicates} onDuplicates={setDuplicates} onRun={start} onCancel={() => setPath(null)} />
          )}
          {!path && !report && !run.isPending && (
            <Alert icon={<IconFileImport size={18} />} title="How importing works" variant="light">
              Choose a file. You will see how its columns match Rapport's fields and the first rows before anything is saved. People who are
              already here (same email, phone, or name and company) are skipped unless you choose otherwise, so importing a file twice adds no
              one twice. Every import can be undone.
            </Alert>
          )}
          <Title order={2} size="h4">
            Past imports
          </Title>
          <ImportHistory />
          <Title order={2} size="h4">
            Export
          </Title>
          <Text size="sm" c="dimmed">
            Contacts are exported from the Contacts list (Export), with its search and filters.
          </Text>
          <TableExports />
        </Stack>
      </ScrollArea>
    </div>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  mapping: MappingEntry[];
  onMapping: (m: MappingEntry[]) => void;
  duplicates: DuplicatePolicy;
  onDuplicates: (d: DuplicatePolicy) => void;
  onRun: () => void;
  onCancel: () => void;
}

function PreviewView({ preview, mapping, onMapping, duplicates, onDuplicates, onRun, onCancel }: PreviewProps) {
  const first = preview.sample[0];
  const example = (column: string) => first?.cells[preview.columns.indexOf(column)] ?? '';
  const problems = new Map(preview.problems.map((p) => [p.line, p.reason]));
  const nothingMapped = preview.format === 'csv' && mapping.every((m) => m.target === null);
  return (
    <Stack gap="md">
      <Text>
        <strong>{DIALECT_LABELS[preview.dialect]}</strong>, {ENCODING_LABELS[preview.encoding] ?? preview.encoding}
        {preview.format === 'csv' && `, separated by ${DELIMITER_LABELS[preview.delimiter] ?? preview.delimiter}`}
      </Text>
      {preview.format === 'csv' && (
        <>
          <Title order={2} size="h4">
            Columns
          </Title>
          <MappingTable mapping={mapping} example={example} onChange={onMapping} />
        </>
      )}
      <Title order={2} size="h4">
        First rows
      </Title>
      <Table withTableBorder aria-label="First rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sample.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.name || <Text c="dimmed">(no name)</Text>}</Table.Td>
              <Table.Td>{problems.get(row.line) ? <Text c="red" size="sm">{problems.get(row.line)}</Text> : <Text c="teal" size="sm">OK</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Radio.Group label="People already in Rapport (same email, phone, or name and company)" value={duplicates} onChange={(v) => onDuplicates(v as DuplicatePolicy)}>
        <Stack gap={6} mt="xs">
          <Radio value="skip" label="Skip them (safest; importing the same file again adds nothing)" />
          <Radio value="update" label="Update them with the file's values (empty cells change nothing)" />
          <Radio value="create" label="Create them anyway, as new contacts" />
        </Stack>
      </Radio.Group>
      <Group>
        <Button onClick={onRun} disabled={nothingMapped}>
          Import
        </Button>
        <Button variant="default" onClick={onCancel}>
          Choose another file
        </Button>
      </Group>
    </Stack>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const title = report.status === 'cancelled' ? 'Import cancelled' : report.status === 'failed' ? 'Import stopped by an error' : 'Import finished';
  return (
    <Stack gap="xs" aria-live="polite">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text>
        {report.created} created, {report.updated} updated, {report.skipped} skipped, {report.rejectedCount} rejected.
        {report.status === 'cancelled' && ' The rows imported before you cancelled were kept; undo the import below to remove them.'}
      </Text>
      {report.rejected.length > 0 && (
        <Table withTableBorder aria-label="Rejected rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Why it was not imported</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rejected.map((r) => (
              <Table.Tr key={`${r.line}-${r.reason}`}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
