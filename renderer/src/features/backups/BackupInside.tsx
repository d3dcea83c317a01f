// A read-only look into one backup before changing anything: search its contacts, open one to see its jobs,
// follow-ups, activities and documents, and bring back just that contact or one of its jobs.
import { Badge, Button, Card, CloseButton, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { type BackupRow, useBackupView, useRestoreRecord } from '../../api/backups';
import { notifyError, notifySuccess } from '../../ui/notify';
import { backupTime } from './backup-text';

export function BackupInside({ backup, onClose }: { backup: BackupRow; onClose: () => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [contactId, setContactId] = useState<string | null>(null);
  const view = useBackupView({ id: backup.id, search: debounced, ...(contactId ? { contactId } : {}) });
  const restore = useRestoreRecord();
  const contact = view.data?.contact ?? null;

  const bringBack = (type: 'contact' | 'job', recordId: string, name: string) =>
    restore.mutate(
      { id: backup.id, type, recordId },
      {
        onSuccess: (r) =>
          notifySuccess(
            r.mode === 'original'
              ? `Brought back ${name} with ${r.counts.activities} activities, ${r.counts.tasks} follow-ups, ${r.counts.jobs} jobs and ${r.counts.documents} documents.`
              : `${name} still exists, so a copy was brought back beside it.`,
          ),
        onError: notifyError,
      },
    );

  return (
    <Card withBorder mt="lg" aria-label="Inside the backup">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Inside the backup from {backupTime(backup.createdAt)} (read-only)
        </Title>
        <CloseButton aria-label="Close the backup" onClick={onClose} />
      </Group>
      <TextInput mt="sm" label="Search contacts in this backup" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      <Group align="flex-start" mt="sm" grow>
        <Table highlightOnHover aria-label="Contacts in the backup">
          <Table.Tbody>
            {(view.data?.contacts ?? []).map((c) => (
              <Table.Tr key={c.id} onClick={() => setContactId(c.id)} style={{ cursor: 'pointer' }} aria-selected={c.id === contactId}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setContactId(c.id)}>
                    {c.name}
                  </Button>
                  {c.deleted && (
                    <Badge ml="xs" size="xs" color="gray">
                      in Trash
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{c.email}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {contact && (
          <Stack gap="xs" aria-label="Contact in the backup">
            <Title order={3} size="h5">
              {contact.name}
            </Title>
            <Text size="sm">{[...contact.emails, ...contact.phones].join(' · ')}</Text>
            {contact.notes && <Text size="sm">{contact.notes}</Text>}
            <Text size="sm" fw={600}>
              Jobs
            </Text>
            <List size="sm">
              {contact.jobs.map((j) => (
                <List.Item key={j.id}>
                  {j.title}{' '}
                  <Button size="compact-xs" variant="subtle" onClick={() => bringBack('job', j.id, j.title)}>
                    Bring back this job
                  </Button>
                </List.Item>
              ))}
            </List>
            <Text size="sm" fw={600}>
              Follow-ups
            </Text>
            <List size="sm">
              {contact.tasks.map((task, i) => (
                <List.Item key={i}>{task.title}{task.done ? ' (done)' : ''}</List.Item>
              ))}
            </List>
            <Text size="sm" fw={600}>
              Latest activities
            </Text>
            <List size="sm">
              {contact.activities.map((a, i) => (
                <List.Item key={i}>
                  {backupTime(a.occurredAt)}: {a.subject ?? a.type}
                </List.Item>
              ))}
            </List>
            <Text size="sm" fw={600}>
              Documents
            </Text>
            <List size="sm">
              {contact.documents.map((d, i) => (
                <List.Item key={i}>{d.name}</List.Item>
              ))}
            </List>
            <Text size="xs" c="dimmed">
              {contact.existsNow
                ? 'This contact exists now: bringing it back adds a copy beside it and changes nothing else.'
                : 'This contact is not in Rapport now: bringing it back restores it with its jobs, follow-ups, activities and documents.'}
            </Text>
            <Button onClick={() => bringBack('contact', contact.id, contact.name)} loading={restore.isPending}>
              Bring back this contact
            </Button>
          </Stack>
        )}
      </Group>
    </Card>
  );
}
