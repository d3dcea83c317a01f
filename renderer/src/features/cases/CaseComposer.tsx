// What the user adds to a case: an email Reply (template, body, the status to set after, rating links, minutes
// spent), an internal Note, or a logged call (which also lands on the contact's timeline and counts as a response).
import { Button, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Tabs, TextInput, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { type CaseRow, useCaseNote, useCaseStatuses, useReplyToCase } from '../../api/cases';
import { useTemplates } from '../../api/email';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';

export function CaseComposer({ c }: { c: CaseRow }) {
  return (
    <Tabs defaultValue="reply" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="reply">Reply</Tabs.Tab>
        <Tabs.Tab value="note">Note</Tabs.Tab>
        <Tabs.Tab value="call">Log call</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="reply" pt="sm">
        <ReplyForm c={c} />
      </Tabs.Panel>
      <Tabs.Panel value="note" pt="sm">
        <NoteForm c={c} kind="note" />
      </Tabs.Panel>
      <Tabs.Panel value="call" pt="sm">
        <NoteForm c={c} kind="call" />
      </Tabs.Panel>
    </Tabs>
  );
}

const minutesValue = (v: string | number) => (typeof v === 'number' ? v : v === '' ? '' : Number(v));

function ReplyForm({ c }: { c: CaseRow }) {
  const reply = useReplyToCase();
  const templates = useTemplates().data?.items ?? [];
  const statuses = useCaseStatuses().data?.statuses ?? [];
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [statusId, setStatusId] = useState<string | null>(null);
  const [askRating, setAskRating] = useState(false);
  const [minutes, setMinutes] = useState<number | ''>('');
  const [errors, setErrors] = useState<Record<string, ReactNode>>({});
  const submit = () => {
    if (!templateId && !body.trim()) {
      setErrors({ body: 'Write the reply or choose a template' });
      return;
    }
    setErrors({});
    reply.mutate(
      {
        id: c.id,
        ...(templateId ? { templateId } : {}),
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(body.trim() ? { body } : {}),
        ...(statusId ? { statusId } : {}),
        askRating,
        ...(minutes !== '' ? { minutesSpent: minutes } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess('Reply queued in the outbox');
          setTemplateId(null);
          setSubject('');
          setBody('');
          setStatusId(null);
          setAskRating(false);
          setMinutes('');
        },
        onError: (error) => showFieldIssues(error, ['templateId', 'subject', 'body', 'statusId', 'minutesSpent'], setErrors),
      },
    );
  };
  return (
    <form
      aria-label="Reply"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          {templates.length > 0 && (
            <Select label="Template" placeholder="No template" clearable data={templates.map((t) => ({ value: t.id, label: t.name }))} value={templateId} onChange={setTemplateId} error={errors.templateId} />
          )}
          <TextInput label="Subject" placeholder={`Re: ${c.subject} [${c.label}]`} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} />
        </Group>
        <Textarea label="Message" autosize minRows={4} maxRows={14} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} />
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Set status after"
            placeholder="Keep the status"
            clearable
            data={statuses.map((s) => ({ value: s.id, label: s.name }))}
            value={statusId}
            onChange={setStatusId}
            error={errors.statusId}
            w={220}
          />
          <NumberInput label="Minutes spent" min={0} max={1440} allowDecimal={false} value={minutes} onChange={(v) => setMinutes(minutesValue(v) as number | '')} error={errors.minutesSpent} w={130} />
          <Checkbox label="Add rating links" checked={askRating} onChange={(e) => setAskRating(e.currentTarget.checked)} mb={8} />
          <Button type="submit" loading={reply.isPending} ml="auto">
            Send reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NoteForm({ c, kind }: { c: CaseRow; kind: 'note' | 'call' }) {
  const note = useCaseNote();
  const [body, setBody] = useState('');
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('outbound');
  const [minutes, setMinutes] = useState<number | ''>('');
  const [errors, setErrors] = useState<Record<string, ReactNode>>({});
  const submit = () => {
    if (!body.trim()) {
      setErrors({ body: kind === 'call' ? 'Say what the call was about' : 'Write the note' });
      return;
    }
    setErrors({});
    note.mutate(
      { id: c.id, kind, body, ...(kind === 'call' ? { direction } : {}), ...(minutes !== '' ? { minutesSpent: minutes } : {}) },
      {
        onSuccess: () => {
          notifySuccess(kind === 'call' ? 'Call logged' : 'Note added');
          setBody('');
          setMinutes('');
        },
        onError: (error) => showFieldIssues(error, ['body', 'minutesSpent', 'direction'], setErrors),
      },
    );
  };
  return (
    <form
      aria-label={kind === 'call' ? 'Log call' : 'Note'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {kind === 'call' && (
          <SegmentedControl
            aria-label="Direction"
            value={direction}
            onChange={(v) => setDirection(v as 'inbound' | 'outbound')}
            data={[
              { value: 'outbound', label: 'I called' },
              { value: 'inbound', label: 'They called' },
            ]}
            w="fit-content"
          />
        )}
        <Textarea
          label={kind === 'call' ? 'What was said' : 'Note'}
          description={kind === 'note' ? 'Internal: the customer never sees it' : undefined}
          autosize
          minRows={3}
          maxRows={12}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        <Group align="flex-end">
          <NumberInput label="Minutes spent" min={0} max={1440} allowDecimal={false} value={minutes} onChange={(v) => setMinutes(minutesValue(v) as number | '')} error={errors.minutesSpent} w={130} />
          <Button type="submit" loading={note.isPending} ml="auto">
            {kind === 'call' ? 'Log call' : 'Add note'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
