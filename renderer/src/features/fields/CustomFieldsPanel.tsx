// The "Custom fields" settings panel (issue #19): the user's own fields per record type, in form order (Move up /
// Move down, no dragging), with create and edit, archive, delete to Trash (saying how many values go with it) and
// restore. The Settings page mounts it through panels.ts, under its own "Custom fields" heading.
import { ActionIcon, Badge, Button, Group, Menu, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { FIELD_TYPE_LABELS, type FieldDefinition, type FieldRecordType } from '../../../../shared/domain/custom-fields';
import { useFieldDefinitions, useFieldMutation } from '../../api/fields';
import { formatCount } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { FieldEditor } from './FieldEditor';

const RECORD_TYPES: { value: FieldRecordType; label: string }[] = [
  { value: 'contact', label: 'Contacts' },
  { value: 'company', label: 'Companies' },
  { value: 'job', label: 'Jobs' },
];

const valuesText = (n: number) => `${formatCount(n)} ${n === 1 ? 'record has' : 'records have'} a value`;

export function CustomFieldsPanel() {
  const [recordType, setRecordType] = useState<FieldRecordType>('contact');
  const fields = useFieldDefinitions(recordType, 'all');
  const trashed = useFieldDefinitions(recordType, 'trashed');
  const reorder = useFieldMutation('fields.reorder');
  const archive = useFieldMutation('fields.archive');
  const remove = useFieldMutation('fields.delete');
  const restore = useFieldMutation('fields.restore');
  const [editing, setEditing] = useState<FieldDefinition | 'new' | null>(null);
  const [deleting, setDeleting] = useState<FieldDefinition | null>(null);
  const list = fields.data ?? [];

  const move = (index: number, by: -1 | 1) => {
    const ids = list.map((f) => f.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate({ recordType, ids }, { onError: notifyError });
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Your own fields, such as "Gate code" or "Wedding date". They appear on forms and record pages, and can be used in lists, filters, search, merge fields and exports.
      </Text>
      <Group justify="space-between">
        <SegmentedControl data={RECORD_TYPES} value={recordType} onChange={(v) => setRecordType(v as FieldRecordType)} aria-label="Fields for" />
        <Button onClick={() => setEditing('new')}>New field</Button>
      </Group>
      {list.length === 0 && !fields.isPending && (
        <Text size="sm" c="dimmed">
          No {recordType} fields yet. Press New field to add one; it then shows on every {recordType}'s form and page.
        </Text>
      )}
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={`${RECORD_TYPES.find((t) => t.value === recordType)?.label} fields`}>
        {list.map((f, i) => (
          <Group key={f.id} component="li" justify="space-between" py={6} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <div>
              <Group gap="xs">
                <Text fw={500}>{f.label}</Text>
                {f.required && <Badge size="xs" variant="light">Required</Badge>}
                {f.archived && <Badge size="xs" color="gray">Archived</Badge>}
              </Group>
              <Text size="xs" c="dimmed">
                {FIELD_TYPE_LABELS[f.type]}
                {f.type === 'money' && f.currency ? ` (${f.currency})` : ''}
                {f.section ? ` · ${f.section}` : ''} · merge field {`{{custom.${f.key}}}`} · {valuesText(f.valueCount)}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={`Move ${f.label} up`} disabled={i === 0 || reorder.isPending} onClick={() => move(i, -1)}><IconArrowUp size={16} /></ActionIcon>
              <ActionIcon variant="subtle" aria-label={`Move ${f.label} down`} disabled={i === list.length - 1 || reorder.isPending} onClick={() => move(i, 1)}><IconArrowDown size={16} /></ActionIcon>
              <Button size="xs" variant="default" onClick={() => setEditing(f)}>Edit</Button>
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="subtle" aria-label={`More for ${f.label}`}><IconDots size={16} /></ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => archive.mutate({ id: f.id, archived: !f.archived }, { onSuccess: () => notifySuccess(f.archived ? `"${f.label}" is shown again.` : `"${f.label}" is hidden; its values are kept.`), onError: notifyError })}>
                    {f.archived ? 'Show again' : 'Archive (hide, keep values)'}
                  </Menu.Item>
                  <Menu.Item color="red" onClick={() => setDeleting(f)}>Move to Trash…</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        ))}
      </Stack>
      {(trashed.data ?? []).length > 0 && (
        <Stack gap={4} mt="md" aria-label="Fields in Trash">
          <Text size="sm" fw={600}>In Trash</Text>
          {(trashed.data ?? []).map((f) => (
            <Group key={f.id} justify="space-between">
              <Text size="sm">{f.label} <Text span size="xs" c="dimmed">· {valuesText(f.valueCount)}</Text></Text>
              <Button size="xs" variant="subtle" onClick={() => restore.mutate({ id: f.id }, { onSuccess: () => notifySuccess(`Restored "${f.label}" with its values.`), onError: notifyError })}>Restore</Button>
            </Group>
          ))}
        </Stack>
      )}
      {editing && <FieldEditor recordType={recordType} field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <Modal opened onClose={() => setDeleting(null)} title={`Move "${deleting.label}" to Trash?`}>
          <Text size="sm">
            {deleting.valueCount === 0 ? 'No record has a value in this field.' : `${valuesText(deleting.valueCount)} in this field; ${deleting.valueCount === 1 ? 'it goes' : 'they go'} to Trash with it.`} You can restore the field and its values from this panel.
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setDeleting(null)}>Cancel</Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: deleting.id }, { onSuccess: () => (notifySuccess(`Moved "${deleting.label}" to Trash.`), setDeleting(null)), onError: notifyError })}>
              Move to Trash
            </Button>
          </Group>
        </Modal>
      )}
    </Stack>
  );
}
