// Import (#/import): choose a CSV or vCard file, check how its columns map and what the first rows look like
// (in another encoding if they read wrong), choose what happens to people already here (with "update", review
// every change first), then run it with progress and Cancel, and read the report. Below: every import so far, each undoable.
import { Alert, Button, Group, Progress, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { DuplicatePolicy, ImportEncoding, MappingEntry } from '../../../../shared/domain/transfer';
import { pickImportFile, useCancelImport, useImportCheck, useImportPreview, useRunImport, type ImportCheck, type ImportReport } from '../../api/import-export';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { ImportHistory } from './ImportHistory';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportReportView } from './ImportReportView';
import { ImportReview } from './ImportReview';
import { TableExports } from './TableExports';
import { formatCount, plural } from '../../ui/format';

export function ImportPage() {
  const [path, setPath] = useState<string | null>(null);
  const [mapping, setMapping] = useState<MappingEntry[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [encoding, setEncoding] = useState<ImportEncoding | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [review, setReview] = useState<ImportCheck | null>(null);
  const preview = useImportPreview();
  const check = useImportCheck();
  const run = useRunImport();
  const cancel = useCancelImport();

  const choose = async () => {
    const picked = await pickImportFile();
    if (!picked) return;
    setReport(null);
    setReview(null);
    setEncoding(undefined);
    setPath(picked);
    preview.mutate({ path: picked }, { onSuccess: (p) => setMapping(p.mapping) });
  };
  const reread = (next: ImportEncoding) => {
    if (!path) return;
    // Another encoding can change the header's names, so the mapping is worked out again.
    setEncoding(next);
    preview.mutate({ path, encoding: next }, { onSuccess: (p) => setMapping(p.mapping) });
  };
  const input = () => ({ path: path!, duplicates, ...(encoding ? { encoding } : {}), ...(preview.data?.format === 'csv' ? { mapping } : {}) });
  const start = () => {
    if (!path) return;
    setReview(null);
    run.mutate(input(), { onSuccess: (r) => (setReport(r), setPath(null)) });
  };
  // "Update" changes contacts already here: show each change first, and run only when the user confirms.
  const next = () => {
    if (!path) return;
    if (duplicates === 'update') check.mutate(input(), { onSuccess: setReview });
    else start();
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
                {progress ? `${plural(progress.rows, 'row')} read: ${formatCount(progress.created)} created, ${formatCount(progress.updated)} updated, ${formatCount(progress.skipped)} skipped, ${formatCount(progress.rejected)} rejected` : 'Starting…'}
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
          {report && <ImportReportView report={report} />}
          {!run.isPending && path && review && <ImportReview check={review} onConfirm={start} onBack={() => setReview(null)} />}
          {!run.isPending && path && !review && preview.data && (
            <ImportPreviewView
              preview={preview.data}
              mapping={mapping}
              onMapping={setMapping}
              onEncoding={reread}
              duplicates={duplicates}
              onDuplicates={setDuplicates}
              onRun={next}
              onCancel={() => setPath(null)}
              busy={preview.isPending || check.isPending}
            />
          )}
          {!path && !report && !run.isPending && (
            <Alert icon={<IconFileImport size={18} />} title="How importing works" variant="light">
              Choose a file. You will see how its columns match Rapport's fields and the first rows before anything is saved. People who are
              already here (the same email, or the same name with the same phone or company) are skipped unless you choose otherwise, so
              importing a file twice adds no one twice; a shared phone or company never makes two people one. Every import can be undone.
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
