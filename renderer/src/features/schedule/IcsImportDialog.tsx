// Importing a calendar (.ics): choose the file in the open dialog, see what it holds and what importing it would
// do before anything is saved, run it with progress and Cancel, read the report, and undo it (here or later).
import { Alert, Button, Group, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { reasonText } from '../../ui/notify';
import { pickCalendarFile, useCalendarImportPreview, useCancelCalendarImport, useRunCalendarImport, type CalendarImportReport } from '../../api/schedule';
import { PreviewView, RecentImports, ReportView } from './IcsImportParts';
import { formatCount, plural } from '../../ui/format';

/** Why the file could not be read, in the app's words (the error names the field; the message says why). */
const reasonOf = (error: unknown) => (error ? reasonText(error) : null);

export function IcsImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [path, setPath] = useState<string | null>(null);
  const [report, setReport] = useState<CalendarImportReport | null>(null);
  const preview = useCalendarImportPreview();
  const run = useRunCalendarImport();
  const cancel = useCancelCalendarImport();

  const reset = () => {
    setPath(null);
    setReport(null);
    preview.reset();
    run.reset();
  };
  const close = () => {
    if (run.isPending) return; // Cancel first: the import keeps going without this window's progress
    reset();
    onClose();
  };
  const choose = async () => {
    const picked = await pickCalendarFile();
    if (!picked) return;
    reset();
    setPath(picked);
    preview.mutate(picked);
  };
  const start = () => {
    if (path) run.mutate(path, { onSuccess: (r) => (setReport(r), setPath(null), preview.reset()) });
  };

  const progress = run.progress;
  const failure = reasonOf(preview.error) ?? reasonOf(run.error);
  return (
    <Modal opened={opened} onClose={close} title="Import a calendar (.ics)" size="xl" closeOnEscape={!run.isPending} withCloseButton={!run.isPending}>
      <Stack gap="md">
        {!run.isPending && (
          <Group>
            <Button leftSection={<IconUpload size={16} />} onClick={() => void choose()} loading={preview.isPending} data-autofocus={!path && !report ? true : undefined}>
              Choose file…
            </Button>
            <Text size="sm" c="dimmed">
              An .ics file exported from Google Calendar, Outlook, Apple Calendar, Thunderbird or any other calendar.
            </Text>
          </Group>
        )}
        {failure && (
          <Alert color="red" title="This file cannot be imported" role="alert">
            {failure}
          </Alert>
        )}
        {run.isPending && (
          <Stack gap="xs" aria-live="polite">
            <Title order={3} size="h4">
              Importing…
            </Title>
            <Progress value={progress && progress.total ? (100 * progress.processed) / progress.total : 0} aria-label="Import progress" />
            <Text size="sm">
              {progress
                ? `${formatCount(progress.processed)} of ${plural(progress.total, 'event')}: ${formatCount(progress.created)} created, ${formatCount(progress.updated)} updated, ${formatCount(progress.skipped)} skipped`
                : 'Starting…'}
            </Text>
            <Group>
              <Button variant="default" disabled={!progress || cancel.isPending} onClick={() => progress && cancel.mutate(progress.importId)}>
                Cancel import
              </Button>
              <Text size="xs" c="dimmed">
                Cancel stops after the current batch; events already imported stay, and Undo removes them.
              </Text>
            </Group>
          </Stack>
        )}
        {report && <ReportView report={report} />}
        {!run.isPending && path && preview.data && <PreviewView preview={preview.data} onRun={start} onChooseAnother={() => void choose()} />}
        {!path && !report && !run.isPending && !failure && (
          <Alert icon={<IconCalendarPlus size={18} />} title="How importing a calendar works" variant="light">
            Choose a file. You will see its events, which of them repeat, and anything that cannot be imported before anything is saved. Events
            already here (same UID) are updated, not added twice, so importing the same file again changes nothing. Every import can be undone.
          </Alert>
        )}
        <Title order={3} size="h4">
          Recent calendar imports
        </Title>
        <RecentImports />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={run.isPending}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
