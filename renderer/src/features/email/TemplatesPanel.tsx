// Templates with merge fields, and a preview for any contact that shows exactly what they would get, or
// which field they have no value for.
import { Alert, Button, Card, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { Template } from '../../../../shared/domain/email';
import { IpcError } from '../../../../shared/ipc/errors';
import { useCreateTemplate, useDeleteTemplate, usePreviewTemplate, useTemplates, useUpdateTemplate } from '../../api/email';
import { ContactSelect } from '../../ui/ContactSelect';
import { reasonText } from '../../ui/notify';
import { Empty } from '../../ui/Empty';
import { MergeFields } from './MergeFields';

export function TemplatesPanel() {
  const templates = useTemplates();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const items = templates.data?.items ?? [];
  return (
    <Stack>
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          New template
        </Button>
      </Group>
      {editing && <TemplateEditor key={editing === 'new' ? 'new' : editing.id} template={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      {templates.data && items.length === 0 && !editing && (
        <Empty mt="xl" title="No templates yet" description="Save the emails you write again and again (a quote follow-up, a thank-you) with fields like {{firstName}} filled in for each person." />
      )}
      {items.map((t) => (
        <Card key={t.id} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600}>{t.name}</Text>
              <Text size="sm" c="dimmed">
                {t.subject}
              </Text>
            </div>
            <Button size="xs" variant="light" onClick={() => setEditing(t)}>
              Edit
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function TemplateEditor({ template, onDone }: { template: Template | null; onDone: () => void }) {
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const remove = useDeleteTemplate();
  const preview = usePreviewTemplate();
  const [name, setName] = useState(template?.name ?? '');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onError = (error: unknown) => {
    if (error instanceof IpcError && error.code === 'VALIDATION') setErrors(Object.fromEntries(error.issues.map((i) => [i.path, i.message])));
  };
  const save = () => {
    setErrors({});
    if (template) update.mutate({ id: template.id, name, subject, body }, { onSuccess: onDone, onError });
    else create.mutate({ name, subject, body }, { onSuccess: onDone, onError });
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {template ? 'Edit template' : 'New template'}
        </Title>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TextInput label="Subject" required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} />
        <Textarea
          ref={bodyRef}
          label="Message"
          description="{{firstName|there}} uses “there” when someone has no first name."
          autosize
          minRows={6}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        <MergeFields target={bodyRef} value={body} onChange={setBody} />
        <Group align="flex-end">
          <ContactSelect label="Preview for" placeholder="Choose a contact" value={contactId} onChange={setContactId} w={280} />
          <Button variant="default" disabled={!contactId} loading={preview.isPending} onClick={() => contactId && preview.mutate({ subject, body, contactId })}>
            Preview
          </Button>
        </Group>
        {preview.error && (
          <Alert color="red" title="This contact cannot get this template yet">
            {reasonText(preview.error)}
          </Alert>
        )}
        {preview.data && !preview.isError && (
          <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)" aria-label="Preview">
            <Text size="xs" c="dimmed">
              To {preview.data.to}
            </Text>
            <Text fw={600}>{preview.data.subject}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {preview.data.body}
            </Text>
          </Paper>
        )}
        <Group justify="space-between">
          {template ? (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} loading={remove.isPending} onClick={() => remove.mutate(template.id, { onSuccess: onDone })}>
              Delete
            </Button>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button loading={create.isPending || update.isPending} onClick={save}>
              Save template
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
