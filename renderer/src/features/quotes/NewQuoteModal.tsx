// New quote from the Quotes page: choose the client, then (optionally) one of their jobs, and a title; the draft
// opens in the builder. Accepting a quote without a job gives it one.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLocation } from 'wouter';
import { useJobList } from '../../api/jobs';
import { useCreateQuote } from '../../api/quotes';
import { ContactSelect } from '../../ui/ContactSelect';
import { showFieldIssues } from '../../ui/form-errors';
import { NotSavedAlert } from '../../ui/NotSavedAlert';

type Values = { contactId: string | null; jobId: string | null; title: string };

export function NewQuoteModal({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const create = useCreateQuote();
  const form = useForm<Values>({
    initialValues: { contactId: null, jobId: null, title: '' },
    validate: {
      contactId: (v) => (v ? null : 'Choose who the quote is for'),
      title: (v) => (v.trim() ? null : 'Give the quote a title'),
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      const q = await create.mutateAsync({ title: v.title.trim(), contactId: v.contactId, ...(v.jobId ? { jobId: v.jobId } : {}) });
      onClose();
      navigate(`/quotes/${q.id}`);
    } catch (error) {
      showFieldIssues(error, ['title', 'contactId', 'jobId'], form.setErrors);
    }
  });
  return (
    <Modal opened onClose={onClose} title="New quote">
      <form onSubmit={submit} noValidate aria-label="New quote">
        <Stack gap="sm">
          <ContactSelect
            label="Client"
            required
            placeholder="Type a name…"
            data-autofocus
            value={form.values.contactId}
            onChange={(id) => form.setValues({ contactId: id, jobId: null })}
            error={form.errors.contactId}
          />
          {form.values.contactId && (
            <JobChoice
              contactId={form.values.contactId}
              value={form.values.jobId}
              onChange={(id, title) => form.setValues({ jobId: id, ...(title && !form.values.title.trim() ? { title } : {}) })}
            />
          )}
          <TextInput label="Title" required placeholder="e.g. Kitchen refit" {...form.getInputProps('title')} />
          <NotSavedAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function JobChoice({ contactId, value, onChange }: { contactId: string; value: string | null; onChange: (id: string | null, title: string | null) => void }) {
  const jobs = useJobList({ contactId, limit: 50 });
  const items = (jobs.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <Select
      label="Job"
      description="Accepting the quote moves this job to Won; leave empty to make a job then"
      placeholder={items.length ? 'No job yet' : 'This client has no open jobs'}
      clearable
      data={items.map((j) => ({ value: j.id, label: j.title }))}
      value={value}
      onChange={(id) => onChange(id, items.find((j) => j.id === id)?.title ?? null)}
    />
  );
}
