// Log a call, email, meeting, note or letter from anywhere (Ctrl/Cmd+L, the menu, a contact page, the end
// of a call), optionally with its follow-up, in one step. Enter saves; Ctrl/Cmd+Enter saves from the notes.
import { Button, Checkbox, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IpcError } from '../../../../shared/ipc/errors';
import { useCreateActivity, useUpdateActivity } from '../../api/activities';
import { useJobList } from '../../api/jobs';
import { ContactSelect } from '../../ui/ContactSelect';
import { NotSavedAlert } from '../../ui/NotSavedAlert';
import { notifySuccess } from '../../ui/notify';
import { UnsavedScope, useGuardedClose, useUnsavedGuard } from '../../ui/unsaved-changes';
import { DIRECTION_OPTIONS, OUTCOME_OPTIONS, TYPE_OPTIONS, formatDuration } from './activity-labels';
import { type QuickLogValues, initialValues, parseDuration, toCreateInput, toUpdateInput } from './quick-log-values';
import { type QuickLogPrefill, quickLog, useQuickLogState } from './quick-log-store';
import { newCase } from '../cases/panels';
import { useState } from 'react';

export function QuickLog() {
  const { quickLog: prefill } = useQuickLogState();
  // Escape, ×, a click outside and Cancel ask first when something was typed; a save closes at once.
  const guarded = useGuardedClose(quickLog.close);
  return (
    <Modal opened={prefill !== null} onClose={guarded.close} title={prefill?.editing ? 'Edit activity' : 'Log activity'} size="lg">
      <UnsavedScope value={guarded.scope}>{prefill && <QuickLogForm prefill={prefill} onCancel={guarded.close} />}</UnsavedScope>
    </Modal>
  );
}

function QuickLogForm({ prefill, onCancel }: { prefill: QuickLogPrefill; onCancel: () => void }) {
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const editing = prefill.editing;
  const saving = editing ? update : create;
  // Issue #22: a call or email that is a support request becomes a case's first entry right after it is logged.
  const [makeCase, setMakeCase] = useState(false);
  const form = useForm<QuickLogValues>({
    initialValues: initialValues(prefill),
    validate: {
      contactId: (v) => (v ? null : 'Pick who this was with'),
      duration: (v) => (parseDuration(v) === undefined ? 'Use minutes (12) or a time (1:05)' : null),
      followUpTitle: (v, all) => (all.withFollowUp && v.trim() === '' ? 'Enter what to do' : null),
    },
  });
  const v = form.values;
  const seconds = parseDuration(v.duration);

  const saveValues = async (values: QuickLogValues): Promise<boolean> => {
    try {
      const activity = editing ? await update.mutateAsync(toUpdateInput(editing.id, values)) : await create.mutateAsync(toCreateInput(values));
      quickLog.close();
      notifySuccess(editing ? 'Saved' : `Logged for ${activity.contactName}`);
      if (!editing && makeCase && (activity.type === 'call' || activity.type === 'email')) {
        newCase.open({
          contactId: activity.contactId,
          contactName: activity.contactName,
          fromActivityId: activity.id,
          ...(activity.subject ? { subject: activity.subject } : {}),
          ...(activity.jobId ? { jobId: activity.jobId } : {}),
          channel: activity.type === 'email' ? 'email' : 'phone',
        });
      }
      return true;
    } catch (error) {
      // Anything but a field problem is shown by NotSavedAlert below.
      if (error instanceof IpcError && error.code === 'VALIDATION') form.setErrors(Object.fromEntries(error.issues.map((i) => [i.path.replace(/^followUp\.title/, 'followUpTitle'), i.message])));
      return false;
    }
  };
  const save = form.onSubmit(saveValues);
  useUnsavedGuard({
    what: v.withFollowUp ? 'this activity and its follow-up' : 'this activity',
    isDirty: () => form.isDirty(),
    save: async () => !form.validate().hasErrors && (await saveValues(form.getValues())),
  });

  return (
    <form onSubmit={save} aria-label={editing ? 'Edit activity' : 'Log activity'} noValidate>
      <Stack gap="sm">
        <ContactSelect
          label="Contact"
          placeholder="Type a name…"
          required
          autoSelectOnBlur
          disabled={editing !== undefined}
          value={v.contactId}
          onChange={(id) => {
            form.setFieldValue('contactId', id);
            if (id !== v.contactId) form.setFieldValue('jobId', null);
          }}
          currentName={prefill.contactName ?? editing?.contactName ?? null}
          error={form.errors.contactId}
          data-autofocus={!prefill.contactId || undefined}
        />
        {v.contactId && (
          <JobPicker
            contactId={v.contactId}
            value={v.jobId}
            onChange={(id) => form.setFieldValue('jobId', id)}
            initial={prefill.jobId && prefill.jobTitle && prefill.contactId === v.contactId ? { value: prefill.jobId, label: prefill.jobTitle } : undefined}
            error={form.errors.jobId}
          />
        )}
        <SegmentedControl aria-label="Type" data={TYPE_OPTIONS} {...form.getInputProps('type')} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput label="When" type="datetime-local" {...form.getInputProps('occurredAt')} />
          <TextInput
            label="Duration"
            placeholder="min or m:ss"
            rightSection={
              seconds ? (
                <Text size="xs" c="dimmed">
                  {formatDuration(seconds)}
                </Text>
              ) : null
            }
            rightSectionWidth={80}
            rightSectionPointerEvents="none"
            {...form.getInputProps('duration')}
          />
          {v.type !== 'note' && (
            <Select label="Direction" data={DIRECTION_OPTIONS} allowDeselect={false} {...form.getInputProps('direction')} />
          )}
        </SimpleGrid>
        {v.type === 'call' && <Select label="Outcome" placeholder="How did it go?" data={OUTCOME_OPTIONS} clearable {...form.getInputProps('outcome')} />}
        <TextInput label="Subject" placeholder="What was it about?" data-autofocus={prefill.contactId ? true : undefined} {...form.getInputProps('subject')} />
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxRows={8}
          description="Ctrl+Enter saves"
          {...form.getInputProps('notes')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
        {!editing && <Checkbox label="Add a follow-up" {...form.getInputProps('withFollowUp', { type: 'checkbox' })} />}
        {!editing && (v.type === 'call' || v.type === 'email') && <Checkbox label="Make a case" description="A support request: open a case with this as its first entry" checked={makeCase} onChange={(e) => setMakeCase(e.currentTarget.checked)} />}
        {v.withFollowUp && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label="Follow-up" placeholder="e.g. Send revised quote" data-autofocus {...form.getInputProps('followUpTitle')} />
            <TextInput label="Due" type="datetime-local" {...form.getInputProps('followUpDue')} />
          </SimpleGrid>
        )}
        <NotSavedAlert error={saving.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The chosen contact's open jobs (plus the prefilled one, whatever its stage), to say what this was about. */
interface JobPickerProps {
  contactId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** The prefilled job, shown before (or if not among) the loaded ones. */
  initial?: { value: string; label: string } | undefined;
  error?: React.ReactNode;
}

function JobPicker({ contactId, value, onChange, initial, error }: JobPickerProps) {
  const jobs = useJobList({ contactId, limit: 100, sort: 'updatedAt' });
  const data = (jobs.data?.pages[0]?.items ?? []).filter((j) => j.category === 'open' || j.id === value).map((j) => ({ value: j.id, label: j.title }));
  if (initial && !data.some((d) => d.value === initial.value)) data.unshift(initial);
  if (data.length === 0 && !jobs.isPending) return null;
  return <Select label="Job" placeholder="None" description="Optional: the job this was about" data={data} value={value} onChange={onChange} clearable error={error} />;
}
