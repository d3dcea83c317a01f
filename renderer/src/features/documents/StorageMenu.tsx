// The Documents page's "Storage" menu: check that every stored file is whole (a report, nothing is changed)
// and set the size limit per file.
import { Alert, Button, Group, List, Menu, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { IconDatabase, IconRuler, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useDocumentCheck, useDocumentSettings, useSetDocumentSettings } from '../../api/documents';
import { notifySuccess } from '../../ui/notify';
import { plural } from '../../ui/format';

type Report = ChannelOutput<'documents.check'>;
const MB = 1024 * 1024;

export function StorageMenu() {
  const [report, setReport] = useState<Report | null>(null);
  const [limitOpen, setLimitOpen] = useState(false);
  const check = useDocumentCheck();
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" leftSection={<IconDatabase size={16} />} loading={check.isPending}>
            Storage
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconShieldCheck size={14} />} onClick={() => check.mutate(undefined, { onSuccess: setReport })}>
            Check stored files
          </Menu.Item>
          <Menu.Item leftSection={<IconRuler size={14} />} onClick={() => setLimitOpen(true)}>
            Size limit per file…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={report !== null} onClose={() => setReport(null)} title="Stored files check" size="lg">
        {report && <CheckReport report={report} />}
      </Modal>
      <Modal opened={limitOpen} onClose={() => setLimitOpen(false)} title="Size limit per file">
        {limitOpen && <LimitForm onClose={() => setLimitOpen(false)} />}
      </Modal>
    </>
  );
}

function CheckReport({ report }: { report: Report }) {
  const problems = report.missingBlobs.length + report.corruptBlobs.length + report.orphanBlobs.length + report.brokenLinks.length;
  return (
    <Stack>
      <Text size="sm">
        Checked {report.checkedRows} documents and {report.checkedBlobs} stored files. Nothing was changed.
      </Text>
      {problems === 0 ? (
        <Alert color="teal" title="All stored files are whole" />
      ) : (
        <Alert color="orange" title={`${problems} problem${problems === 1 ? '' : 's'} found`}>
          <List size="sm" spacing={4}>
            {report.missingBlobs.map((m) => (
              <List.Item key={m.documentId}>“{m.name}”: its stored file is missing (restore the documents folder from a backup).</List.Item>
            ))}
            {report.corruptBlobs.map((c) => (
              <List.Item key={c.sha256}>Stored file {c.sha256.slice(0, 12)}… is damaged: its content no longer matches.</List.Item>
            ))}
            {report.orphanBlobs.length > 0 && <List.Item>{plural(report.orphanBlobs.length, 'stored file')} {report.orphanBlobs.length === 1 ? 'belongs' : 'belong'} to no document (safe to keep; emptying Trash does not remove them).</List.Item>}
            {report.brokenLinks.map((b) => (
              <List.Item key={b.documentId}>
                “{b.name}” was linked at {b.path}, which has moved or been deleted.
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/** The size limit per file; in the menu's dialog (with Cancel) and on the Settings page (without). */
export function LimitForm({ onClose }: { onClose?: () => void }) {
  const current = useDocumentSettings();
  const [value, setValue] = useState<number | string>('');
  const save = useSetDocumentSettings();
  const submit = (mb: number) =>
    save.mutate(
      { maxFileBytes: Math.round(mb * MB) },
      {
        onSuccess: (settings) => {
          notifySuccess(`Files up to ${Math.round(settings.maxFileBytes / MB)} MB can be attached`);
          onClose?.();
        },
      },
    );
  const shown = value === '' && current.data ? Math.round(current.data.maxFileBytes / MB) : value;
  return (
    <Stack>
      <NumberInput label="Largest file to copy in (MB)" description="Bigger files can still be linked where they are." min={1} max={8192} value={shown} onChange={setValue} data-autofocus />
      <Group justify="flex-end">
        {onClose && (
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
        )}
        <Button loading={save.isPending} disabled={typeof shown !== 'number' || shown < 1} onClick={() => typeof shown === 'number' && submit(shown)}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
