// Case templates: a name, the type, priority, subject and description a new case starts with, and the follow-ups
// (checklist rows: what, and how many days after the case opens) it creates.
import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { CasePriority, CaseType } from '../../../../shared/domain/case';
import { type CaseTemplateRow, useCaseTemplates, useDeleteCaseTemplate, useSaveCaseTemplate } from '../../api/cases';
import { notifySuccess } from '../../ui/notify';
import { PRIORITY_LABELS, TYPE_LABELS, options } from '../cases/panels';
import { type IssueMap, issuesByPath } from './issue-map';

type Editing = CaseTemplateRow | 'new' | null;

export function TemplatesSettings() {
  const templates = useCaseTemplates();
  const remove = useDeleteCaseTemplate();
  const [editing, setEditing] = useState<Editing>(null);
  const list = templates.data?.templates ?? [];
  return (
    <Stack gap="sm">
      {list.length === 0 && !templates.isPending && (
        <Text size="sm" c="dimmed">
          No case templates yet. A template fills in a new case and creates its follow-ups, e.g. “Warranty claim”: check the receipt on day 0, chase the supplier on day 3.
        </Text>
      )}
      {list.map((t) => (
        <Paper key={t.id} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {t.name}
              </Text>
              <Text size="xs" c="dimmed">
                {TYPE_LABELS[t.type]} · {PRIORITY_LABELS[t.priority]} · {t.checklist.length === 1 ? '1 follow-up' : `${t.checklist.length} follow-ups`}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" color="gray" aria-label={`Edit template ${t.name}`} onClick={() => setEditing(t)}>
                <IconPencil size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="gray" aria-label={`Delete template ${t.name}`} onClick={() => remove.mutate(t.id, { onSuccess: () => notifySuccess(`Template “${t.name}” deleted`) })}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      <Button variant="default" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
        New template
      </Button>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New case template' : 'Edit case template'} size="lg">
        {editing !== null && <TemplateForm template={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function TemplateForm({ template, onDone }: { template: CaseTemplateRow | null; onDone: () => void }) {
  const save = useSaveCaseTemplate();
  const [name, setName] = useState(template?.name ?? '');
  const [type, setType] = useState<CaseType>(template?.type ?? 'question');
  const [priority, setPriority] = useState<CasePriority>(template?.priority ?? 'normal');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [checklist, setChecklist] = useState<{ title: string; dayOffset: number | '' }[]>(template?.checklist ?? []);
  const [errors, setErrors] = useState<IssueMap>({});
  const [other, setOther] = useState<string | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        setOther(null);
        save.mutate(
          {
            ...(template ? { id: template.id } : {}),
            name,
            type,
            priority,
            subject: subject.trim() || null,
            description: description.trim() || null,
            checklist: checklist.map((c) => ({ title: c.title, dayOffset: c.dayOffset === '' ? NaN : c.dayOffset })),
          },
          {
            onSuccess: () => {
              notifySuccess(`Template “${name.trim()}” saved`);
              onDone();
            },
            onError: (error) => {
              const found = issuesByPath(error, (p) => ['name', 'subject', 'description', 'checklist'].includes(p) || /^checklist\.\d+\.(title|dayOffset)$/.test(p));
              setErrors(found.byPath);
              setOther(found.other);
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        {other && (
          <Text size="sm" c="red">
            {other}
          </Text>
        )}
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus />
        <Group grow>
          <Select label="Type" data={options(TYPE_LABELS)} value={type} allowDeselect={false} onChange={(v) => v && setType(v as CaseType)} />
          <Select label="Priority" data={options(PRIORITY_LABELS)} value={priority} allowDeselect={false} onChange={(v) => v && setPriority(v as CasePriority)} />
        </Group>
        <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <Text size="sm" fw={500}>
          Follow-ups
        </Text>
        {checklist.map((c, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={`Follow-up ${i + 1}`}
              placeholder="What to do"
              value={c.title}
              onChange={(e) => {
                const title = e.currentTarget.value;
                setChecklist((all) => all.map((x, j) => (j === i ? { ...x, title } : x)));
              }}
              error={errors[`checklist.${i}.title`]}
              style={{ flex: 1 }}
            />
            <NumberInput
              aria-label={`Follow-up ${i + 1}, days after opening`}
              min={0}
              max={365}
              allowDecimal={false}
              value={c.dayOffset}
              onChange={(v) => setChecklist((all) => all.map((x, j) => (j === i ? { ...x, dayOffset: v === '' ? '' : Number(v) } : x)))}
              error={errors[`checklist.${i}.dayOffset`]}
              rightSection={<Text size="xs">days</Text>}
              rightSectionWidth={40}
              w={110}
            />
            <ActionIcon variant="subtle" color="gray" mt={6} aria-label={`Remove follow-up ${i + 1}`} onClick={() => setChecklist((all) => all.filter((_, j) => j !== i))}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        ))}
        {errors.checklist && (
          <Text size="xs" c="red">
            {errors.checklist}
          </Text>
        )}
        <Button variant="subtle" size="compact-sm" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setChecklist((all) => [...all, { title: '', dayOffset: 0 }])}>
          Add follow-up
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
