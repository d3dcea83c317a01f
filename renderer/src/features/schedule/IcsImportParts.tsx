// The calendar import dialog's views: the preview of a picked file (what will be created, updated, left alone,
// and what cannot be imported), the report after a run, and the recent imports with Undo.
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { CalendarImportPreview, CalendarImportReport } from '../../api/schedule';
import { useCalendarImports, useUndoCalendarImport } from '../../api/schedule';
import { Empty } from '../../ui/Empty';
import { notifySuccess } from '../../ui/notify';
import { formatCount, plural } from '../../ui/format';

const ACTION_LABELS: Record<CalendarImportPreview['sample'][number]['action'], string> = {
  create: 'New',
  update: 'Will update',
  unchanged: 'Already here',
  trashed: 'In Trash (skipped)',
};
const STATUS_COLORS: Record<CalendarImportReport['status'], string> = { running: 'blue', done: 'teal', cancelled: 'yellow', failed: 'red', undone: 'gray' };
const OUTCOME_LABELS: Record<CalendarImportReport['notes'][number]['outcome'], string> = { skipped: 'Skipped', rejected: 'Not imported', warning: 'Imported, with a change' };

function when(startsAt: string, allDay: boolean): string {
  if (allDay) return new Date(`${startsAt}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });
  return new Date(startsAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}


function Notes({ label, notes }: { label: string; notes: { event: string; line: number | null; reason: string; outcome?: string }[] }) {
  if (notes.length === 0) return null;
  return (
    <Table withTableBorder aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Line</Table.Th>
          <Table.Th>Event</Table.Th>
          <Table.Th>What happened</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {notes.map((n, i) => (
          <Table.Tr key={i}>
            <Table.Td>{n.line ?? '–'}</Table.Td>
            <Table.Td>{n.event || <Text c="dimmed">(whole file)</Text>}</Table.Td>
            <Table.Td>
              {n.outcome && <Text span fw={500}>{`${OUTCOME_LABELS[n.outcome as keyof typeof OUTCOME_LABELS] ?? n.outcome}: `}</Text>}
              {n.reason}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PreviewView({ preview, onRun, onChooseAnother }: { preview: CalendarImportPreview; onRun: () => void; onChooseAnother: () => void }) {
  const nothing = preview.create + preview.update === 0;
  return (
    <Stack gap="sm">
      <Text>
        <strong>{preview.fileName}</strong>: {plural(preview.events, 'event')} ({preview.repeating} repeating). Importing will create {preview.create}, update{' '}
        {preview.update} and leave {preview.unchanged} as they are.
        {preview.problems.length > 0 && ` ${plural(preview.problems.length, 'event')} cannot be imported (listed below).`}
      </Text>
      {preview.sample.length > 0 ? (
        <Table withTableBorder aria-label="Events in the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Starts</Table.Th>
              <Table.Th>Repeats</Table.Th>
              <Table.Th>Import</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{e.title}</Table.Td>
                <Table.Td>{when(e.startsAt, e.allDay)}</Table.Td>
                <Table.Td>{e.repeat ?? <Text c="dimmed" size="sm">Once</Text>}</Table.Td>
                <Table.Td>{ACTION_LABELS[e.action]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Alert color="orange" title="No events to import">
          This file has no event Rapport can import. Check that it is the calendar you meant, or export it again from its program.
        </Alert>
      )}
      {preview.events > preview.sample.length && <Text size="sm" c="dimmed">{`The first ${formatCount(preview.sample.length)} of ${formatCount(preview.events)} events are shown.`}</Text>}
      <Notes label="Warnings" notes={preview.warnings} />
      <Notes label="Events that will not be imported" notes={preview.problems} />
      <Group>
        <Button onClick={onRun} disabled={nothing} data-autofocus>
          {nothing ? 'Nothing to import' : `Import ${plural(preview.create + preview.update, 'event')}`}
        </Button>
        <Button variant="default" onClick={onChooseAnother}>
          Choose another file
        </Button>
      </Group>
    </Stack>
  );
}

export function ReportView({ report }: { report: CalendarImportReport }) {
  const title = report.status === 'cancelled' ? 'Import cancelled' : report.status === 'failed' ? 'Import stopped by an error' : 'Import finished';
  return (
    <Stack gap="xs" aria-live="polite">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text>
        {formatCount(report.created)} created, {formatCount(report.updated)} updated, {formatCount(report.skipped)} skipped, {formatCount(report.rejected)} not imported.
        {report.status === 'cancelled' && ' The events imported before you cancelled were kept; Undo below removes them.'}
      </Text>
      <Notes label="Import report" notes={report.notes} />
    </Stack>
  );
}

/** The recent calendar imports, each undoable until undone. */
export function RecentImports() {
  const imports = useCalendarImports();
  const undo = useUndoCalendarImport();
  const items = imports.data?.items ?? [];
  if (imports.isPending) return null;
  if (items.length === 0) {
    return <Empty title="No calendar imports yet" description="Choose an .ics file above. Each import is listed here with what it did, and can be undone." />;
  }
  return (
    <Table striped withTableBorder aria-label="Calendar imports">
      <Table.Tbody>
        {items.slice(0, 10).map((i) => (
          <Table.Tr key={i.importId}>
            <Table.Td>{new Date(i.startedAt).toLocaleString()}</Table.Td>
            <Table.Td>{i.fileName}</Table.Td>
            <Table.Td>{`${formatCount(i.created)} created, ${formatCount(i.updated)} updated, ${formatCount(i.skipped)} skipped`}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} c={STATUS_COLORS[i.status]}>
                {i.status}
              </Text>
            </Table.Td>
            <Table.Td>
              {i.status !== 'undone' && i.status !== 'running' && i.created + i.updated > 0 && (
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconArrowBackUp size={14} />}
                  loading={undo.isPending && undo.variables === i.importId}
                  aria-label={`Undo import of ${i.fileName}`}
                  onClick={() =>
                    undo.mutate(i.importId, {
                      onSuccess: (r) => notifySuccess(`Import of ${i.fileName} undone: ${r.removed} removed, ${r.restored} put back${r.kept ? `, ${r.kept} edited since and kept` : ''}`),
                    })
                  }
                >
                  Undo
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
