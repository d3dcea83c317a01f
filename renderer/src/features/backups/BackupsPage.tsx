// The Backups page: every backup with its time, reason, size and counts; back up now; look inside one; restore
// all of it (undoable: the current data is backed up first); and the settings (hourly, cap, second place).
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDatabase } from '@tabler/icons-react';
import { useState } from 'react';
import { formatBytes } from '../../../../shared/domain/text';
import { type BackupRow, useBackupList, useCreateBackup, useRestoreBackup } from '../../api/backups';
import pageClasses from '../../ui/ListPage.module.css';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { BackupInside } from './BackupInside';
import { BackupSettingsPanel } from './BackupSettingsPanel';
import { backupTime, countsText, REASON_TEXT } from './backup-text';

export function BackupsPage() {
  const list = useBackupList();
  const create = useCreateBackup();
  const restore = useRestoreBackup();
  const [confirm, setConfirm] = useState<BackupRow | null>(null);
  const [inside, setInside] = useState<BackupRow | null>(null);
  const items = list.data?.items ?? [];
  const second = list.data?.secondPlace;

  const backUpNow = () =>
    create.mutate(undefined, {
      onSuccess: ({ unchanged }) => notifySuccess(unchanged ? 'Nothing changed since the last backup: it is up to date.' : 'Backed up.'),
      onError: notifyError,
    });

  const restoreAll = (row: BackupRow) =>
    restore.mutate(row.id, {
      onSuccess: ({ undo }) => {
        setConfirm(null);
        notifySuccess(`Restored the backup from ${backupTime(row.createdAt)}. To undo, restore the backup from ${backupTime(undo.createdAt)}.`);
      },
      onError: notifyError,
    });

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader
          title="Backups"
          subtitle="Rapport backs up by itself: every hour when something changed, when it closes, and before imports and restores."
          actions={
            <Button leftSection={<IconDatabase size={16} />} onClick={backUpNow} loading={create.isPending}>
              Back up now
            </Button>
          }
        />
        {second && (second.state === 'missing' || second.state === 'different' || second.state === 'failed') && (
          <Alert mt="md" color="orange" icon={<IconAlertTriangle size={18} />} title="The second copy was not made" role="alert">
            {second.message}
          </Alert>
        )}
        <Text size="sm" c="dimmed" mt="md">
          Kept in {list.data?.backupsFolder ?? '…'}: every backup of the last day, one a day for a month, one a week for a year, one a month before that.
        </Text>
        <Table mt="sm" striped highlightOnHover aria-label="Backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Holds</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{backupTime(row.createdAt)}</Table.Td>
                <Table.Td>
                  {REASON_TEXT[row.reason]}
                  {row.secondPlace.state === 'copied' && (
                    <Badge ml="xs" size="xs" variant="light">
                      2nd copy
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(row.bytes + row.documentsBytes)}</Table.Td>
                <Table.Td>{countsText(row.counts)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setInside(row)}>
                      Look inside
                    </Button>
                    <Button size="xs" variant="light" color="orange" onClick={() => setConfirm(row)}>
                      Restore…
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.isSuccess && items.length === 0 && (
          <Text mt="md" c="dimmed">
            No backups yet. The first one is taken within the hour, or now with Back up now.
          </Text>
        )}
        {inside && <BackupInside backup={inside} onClose={() => setInside(null)} />}
        <BackupSettingsPanel />
      </div>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Restore this backup?">
        {confirm && (
          <Stack>
            <Text>
              Everything in Rapport goes back to how it was on {backupTime(confirm.createdAt)} ({countsText(confirm.counts)}).
            </Text>
            <Text size="sm" c="dimmed">
              Your data as it is now is backed up first, so you can undo this by restoring that backup. Reminders that already
              went off do not go off again.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
              <Button color="orange" onClick={() => restoreAll(confirm)} loading={restore.isPending}>
                Restore everything
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </div>
  );
}
