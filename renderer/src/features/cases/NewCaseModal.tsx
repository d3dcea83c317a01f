// The New case dialog, mounted once: from a contact or job page, the quick log, or a logged call / filed email
// ("Make a case", whose subject and time the case takes). A template fills type, priority, subject and description
// and lists the follow-ups it will create. Opens the new case's page once created.
import { Alert, Button, Group, List, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useLocation } from 'wouter';
import type { CaseChannel, CasePriority, CaseType } from '../../../../shared/domain/case';
import { type CaseTemplateRow, useCaseTemplates, useCreateCase } from '../../api/cases';
import { ContactSelect } from '../../ui/ContactSelect';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';
import { CHANNEL_LABELS, PRIORITY_LABELS, TYPE_LABELS, options } from './case-text';
import { type NewCasePrefill, newCase, useNewCaseState } from './new-case-store';

export function NewCaseModal() {
  const prefill = useNewCaseState();
  return (
    <Modal opened={prefill !== null} onClose={newCase.close} title={prefill?.fromActivityId ? 'Make a case' : 'New case'} size="lg">
      {prefill && <NewCaseForm prefill={prefill} />}
    </Modal>
  );
}

const FIELDS = ['contactId', 'subject', 'description', 'type', 'priority', 'channel', 'templateId', 'fromActivityId'] as const;

function NewCaseForm({ prefill }: { prefill: NewCasePrefill }) {
  const templates = useCaseTemplates();
  const create = useCreateCase();
  const [, navigate] = useLocation();
  const [contactId, setContactId] = useState<string | null>(prefill.contactId ?? null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [subject, setSubject] = useState(prefill.subject ?? '');
  const [description, setDescription] = useState('');
  const [type, setType] = useState<CaseType>(prefill.type ?? 'question');
  const [priority, setPriority] = useState<CasePriority>('normal');
  const [channel, setChannel] = useState<CaseChannel>(prefill.channel ?? 'phone');
  const [errors, setErrors] = useState<Record<string, ReactNode>>({});
  const list = templates.data?.templates ?? [];
  const template = list.find((t) => t.id === templateId) ?? null;

  const pickTemplate = (id: string | null) => {
    setTemplateId(id);
    const t = list.find((x) => x.id === id);
    if (!t) return;
    setType(t.type);
    setPriority(t.priority);
    if (t.subject && !subject.trim()) setSubject(t.subject);
    if (t.description && !description.trim()) setDescription(t.description);
  };

  const submit = () => {
    if (!contactId) {
      setErrors({ contactId: 'Choose who the case is for' });
      return;
    }
    setErrors({});
    create.mutate(
      {
        contactId,
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(prefill.companyId ? { companyId: prefill.companyId } : {}),
        ...(prefill.jobId ? { jobId: prefill.jobId } : {}),
        ...(templateId ? { templateId } : {}),
        ...(prefill.fromActivityId ? { fromActivityId: prefill.fromActivityId } : {}),
        type,
        priority,
        channel,
      },
      {
        onSuccess: (detail) => {
          newCase.close();
          notifySuccess(`Case ${detail.case.label} created`);
          navigate(`/cases/${detail.case.id}`);
        },
        onError: (error) => showFieldIssues(error, FIELDS, setErrors),
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {(errors.fromActivityId || errors.templateId) && <Alert color="red">{errors.fromActivityId ?? errors.templateId}</Alert>}
        <ContactSelect label="Contact" required value={contactId} onChange={setContactId} currentName={prefill.contactName ?? null} error={errors.contactId} data-autofocus={!prefill.contactId || undefined} />
        {list.length > 0 && (
          <Select label="Template" placeholder="No template" clearable data={list.map((t) => ({ value: t.id, label: t.name }))} value={templateId} onChange={pickTemplate} />
        )}
        <TextInput
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
          description={prefill.fromActivityId ? 'Leave empty to use the logged entry’s subject' : undefined}
          data-autofocus={prefill.contactId ? true : undefined}
        />
        <Group grow>
          <Select label="Type" data={options(TYPE_LABELS)} value={type} allowDeselect={false} onChange={(v) => v && setType(v as CaseType)} error={errors.type} />
          <Select label="Priority" data={options(PRIORITY_LABELS)} value={priority} allowDeselect={false} onChange={(v) => v && setPriority(v as CasePriority)} error={errors.priority} />
          <Select label="Channel" data={options(CHANNEL_LABELS)} value={channel} allowDeselect={false} onChange={(v) => v && setChannel(v as CaseChannel)} error={errors.channel} />
        </Group>
        <Textarea label="Description" autosize minRows={3} maxRows={10} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        {template && <FollowUpsNote template={template} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={newCase.close}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create case
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FollowUpsNote({ template }: { template: CaseTemplateRow }) {
  if (template.checklist.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        Follow-ups this template creates
      </Text>
      <List size="sm">
        {template.checklist.map((item, i) => (
          <List.Item key={i}>
            {item.title} — {item.dayOffset === 0 ? 'the day it opens' : `after ${item.dayOffset} ${item.dayOffset === 1 ? 'day' : 'days'}`}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
