// "Export everything": one zip with all of it, progress by step, Cancel, and a report of what went in.
import { Alert, Button, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import { formatBytes } from '../../../../shared/domain/text';
import { useCancelExportAll, useExportAll, type ExportAllProgress } from '../../api/data';
import { errorText } from '../../ui/notify';
import { plural } from '../../ui/format';

const STEP_LABELS: Record<ExportAllProgress['step'], string> = {
  database: 'Copying the data file',
  tables: 'Writing each table as CSV',
  contacts: 'Writing contacts as vCard',
  schedule: 'Writing the schedule as iCalendar',
  documents: 'Adding documents',
  finishing: 'Finishing the zip',
};

export function ExportEverything() {
  const exporter = useExportAll();
  const cancel = useCancelExportAll();
  const { progress } = exporter;
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  const result = exporter.data;

  return (
    <Stack gap="sm" aria-labelledby="export-everything-title" component="section">
      <Title order={2} size="h4" id="export-everything-title">
        Export everything
      </Title>
      <Text size="sm">
        One zip file with all your data: the data file itself (SQLite), every table as a spreadsheet (CSV), your contacts as vCard, your schedule as
        iCalendar (.ics) and your documents, with a README saying what each file is. Open it with any zip program; nothing in it needs Rapport.
      </Text>
      {exporter.isPending ? (
        <Stack gap={6} aria-live="polite">
          <Text size="sm">{progress ? STEP_LABELS[progress.step] : 'Choosing where to save…'}</Text>
          <Progress value={percent} aria-label="Export progress" animated />
          <Group>
            <Button variant="default" disabled={!progress || cancel.isPending} onClick={() => progress && cancel.mutate(progress.runId)}>
              Cancel export
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group>
          <Button leftSection={<IconFileZip size={16} />} onClick={() => exporter.mutate()}>
            Export everything
          </Button>
        </Group>
      )}
      {exporter.isError && (
        <Alert color="red" title="The export did not finish">
          {errorText(exporter.error)}
        </Alert>
      )}
      {result && !exporter.isPending && result.cancelled && <Text size="sm">Export cancelled: no file was written.</Text>}
      {result && !exporter.isPending && !result.cancelled && result.path && (
        <Alert color="green" title="Everything was exported" data-testid="export-all-report">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            Saved to {result.path} ({formatBytes(result.bytes)}).
          </Text>
          <List size="sm" mt={4}>
            <List.Item>{plural(result.tables, 'table')} as CSV ({plural(result.rows, 'row')})</List.Item>
            <List.Item>{plural(result.contacts, 'contact')} as vCard</List.Item>
            <List.Item>{plural(result.events, 'appointment')} as iCalendar</List.Item>
            <List.Item>{plural(result.documents, 'document')}</List.Item>
          </List>
          {result.missingDocuments > 0 && (
            <Text size="sm" c="red" mt={4}>
              {plural(result.missingDocuments, 'document')} had no stored file (listed in the zip's README).
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
