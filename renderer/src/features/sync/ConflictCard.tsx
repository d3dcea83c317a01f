// One conflict card: the record, what happened on each side and, for a record changed on both sides, each clashing
// field with what it was, what this computer has and what the server has, and a choice per field; Resolve once every
// field is chosen. A record deleted on one side and changed on the other asks to keep it or delete it, saying what
// each does on both sides. The card is a focus row, so resolving it moves the focus to the next one.
import { Anchor, Button, Group, Paper, Radio, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { SyncConflictRow } from '../../api/sync';
import { deleteChoiceWords, KIND_WORDS, RECORD_WORDS, valueWords } from './words';

export type Resolution = { choices: Record<string, 'local' | 'remote'> } | { action: 'keep' | 'delete' };

interface Props {
  conflict: SyncConflictRow;
  busy: boolean;
  onResolve: (resolution: Resolution, from: HTMLElement) => void;
}

export function ConflictCard({ conflict, busy, onResolve }: Props) {
  const headingId = useId();
  const record = RECORD_WORDS[conflict.recordKind];
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId} data-focus-row={conflict.id}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {record} “{conflict.title}”
          </Title>
          <Text size="sm" c="dimmed">
            {KIND_WORDS[conflict.kind]} · {conflict.accountName}
            {conflict.recordKind === 'contact' && conflict.localId && (
              <>
                {' · '}
                <Anchor component={Link} href={`/contacts/${conflict.localId}`} size="sm">
                  Open the contact
                </Anchor>
              </>
            )}
          </Text>
        </div>
        {conflict.kind === 'bothEdited' ? (
          <FieldChoices conflict={conflict} busy={busy} onResolve={onResolve} />
        ) : (
          <DeleteChoice conflict={conflict} kind={conflict.kind} record={record} busy={busy} onResolve={onResolve} />
        )}
      </Stack>
    </Paper>
  );
}

function FieldChoices({ conflict, busy, onResolve }: Props) {
  const [choices, setChoices] = useState<Record<string, 'local' | 'remote'>>({});
  const missing = conflict.fields.filter((f) => !choices[f.key]).length;
  return (
    <>
      <Text size="sm">Both sides changed the same {conflict.fields.length === 1 ? 'field' : 'fields'} since the last sync. For each, choose which to keep; the other fields are already merged.</Text>
      <Table withTableBorder verticalSpacing="xs" aria-label={`Fields changed on both sides of “${conflict.title}”`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>Keep which</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conflict.fields.map((field) => (
            <Table.Tr key={field.key}>
              <Table.Td fw={600} style={{ verticalAlign: 'top' }}>
                {field.label}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'pre-wrap' }}>{valueWords(field.base)}</Table.Td>
              <Table.Td>
                <Radio.Group
                  // Named by its field for screen readers; the Field column shows the same name on screen.
                  label={<VisuallyHidden>{field.label}</VisuallyHidden>}
                  value={choices[field.key] ?? null}
                  onChange={(v) => setChoices({ ...choices, [field.key]: v as 'local' | 'remote' })}
                >
                  <Stack gap={6}>
                    <Radio value="local" label={<>Keep this computer’s: <b style={{ whiteSpace: 'pre-wrap' }}>{valueWords(field.local)}</b></>} />
                    <Radio value="remote" label={<>Keep the server’s: <b style={{ whiteSpace: 'pre-wrap' }}>{valueWords(field.remote)}</b></>} />
                  </Stack>
                </Radio.Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {missing > 0 ? `Choose a side for ${missing === 1 ? 'one more field' : `${missing} more fields`}.` : 'The result is saved here and sent to the server.'}
        </Text>
        <Button disabled={missing > 0} loading={busy} onClick={(e) => onResolve({ choices }, e.currentTarget)}>
          Resolve
        </Button>
      </Group>
    </>
  );
}

function DeleteChoice({ conflict, kind, record, busy, onResolve }: Props & { kind: 'deletedHere' | 'deletedThere'; record: string }) {
  const words = deleteChoiceWords(kind, record);
  const [doing, setDoing] = useState<'keep' | 'delete' | null>(null);
  const resolve = (action: 'keep' | 'delete', from: HTMLElement) => {
    setDoing(action);
    onResolve({ action }, from);
  };
  return (
    <>
      <Text size="sm">
        {kind === 'deletedHere'
          ? `You moved it to the Trash here, but it was changed on the server (perhaps on your phone) since the last sync.`
          : `It was deleted on the server (perhaps on your phone), but you changed it here since the last sync.`}
      </Text>
      <Group align="flex-start" grow>
        <Stack gap={4}>
          <Button variant="default" loading={busy && doing === 'keep'} onClick={(e) => resolve('keep', e.currentTarget)} aria-describedby={`${conflict.id}-keep`}>
            {words.keep}
          </Button>
          <Text size="xs" c="dimmed" id={`${conflict.id}-keep`}>
            {words.keepHelp}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Button variant="default" color="red" loading={busy && doing === 'delete'} onClick={(e) => resolve('delete', e.currentTarget)} aria-describedby={`${conflict.id}-delete`}>
            {words.del}
          </Button>
          <Text size="xs" c="dimmed" id={`${conflict.id}-delete`}>
            {words.delHelp}
          </Text>
        </Stack>
      </Group>
    </>
  );
}
