// The job's fields as one form, used by the New job dialog and the job page: client, stage, value, due date… and
// the user's own job fields (checked with the contract's customValuesSchema; main's issues land on the same inputs).
import { Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import type { FieldDefinition } from '../../../../shared/domain/custom-fields';
import { IpcError } from '../../../../shared/ipc/errors';
import { usePipeline } from '../../api/jobs';
import { notifyError } from '../../ui/notify';
import { CompanySelect } from '../../ui/CompanySelect';
import { ContactSelect } from '../../ui/ContactSelect';
import { useUnsavedGuard } from '../../ui/unsaved-changes';
import { DraftRestoredNote } from '../../ui/unsaved-draft-note';
import { localDraftStore, useFormDraft } from '../../ui/use-draft';
import { customDefaults, customErrors, customInput, FormCustomFields, formShowsError, WithCustomFields } from '../fields/panels';
import { type JobFields, type JobFormValues, fieldForPath, jobValuesToInput, validateJobValues } from './job-form-values';

interface Props {
  initialValues: JobFormValues;
  /** Set when editing: a save then sends only the custom values changed (a new job starts with their defaults). */
  jobId?: string;
  contactName?: string | null;
  companyName?: string | null;
  disabled?: boolean;
  submitLabel: string;
  /** A new job has no lost reason or probability yet: the short form. */
  compact?: boolean;
  onSave: (fields: JobFields) => Promise<unknown>;
  onSaved?: () => void;
  secondaryAction?: ReactNode;
  /** Where the typing is kept until saved or discarded (the job's id on its page); none, no draft. */
  draftKey?: string | undefined;
}

const drafts = localDraftStore<JobFormValues>('rapport.jobDraft');

/** The form once the job fields are known. */
export function JobForm(props: Props) {
  return <WithCustomFields recordType="job">{(definitions) => <JobFormBody {...props} definitions={definitions} />}</WithCustomFields>;
}

function JobFormBody({ initialValues, jobId, contactName, companyName, disabled, submitLabel, compact, onSave, onSaved, secondaryAction, draftKey, definitions }: Props & { definitions: FieldDefinition[] }) {
  const pipeline = usePipeline();
  const [start] = useState(() => (jobId ? initialValues : { ...initialValues, custom: { ...customDefaults(definitions), ...initialValues.custom } }));
  // An existing record's save sends only the custom values changed since it was loaded or last saved (resetDirty).
  const baseline = () => (jobId ? form.getInitialValues().custom : null);
  const customOf = (values: JobFormValues) => customInput(definitions, values.custom, baseline());
  const form: UseFormReturnType<JobFormValues> = useForm<JobFormValues>({
    initialValues: start,
    validate: (values) => ({ ...validateJobValues(values), ...customErrors(definitions, customOf(values), { partial: !!jobId }) }),
  });
  const stages = pipeline.data?.stages ?? [];
  const stageCategory = stages.find((s) => s.id === form.values.stage)?.category;
  const draft = useFormDraft(drafts, disabled ? undefined : draftKey, form);

  const saveValues = async (values: JobFormValues): Promise<boolean> => {
    try {
      await whileSaving(() => onSave(jobValuesToInput(values, customOf(values))));
      form.resetDirty(values);
      draft.clear();
      onSaved?.();
      return true;
    } catch (error) {
      if (!(error instanceof IpcError) || error.code !== 'VALIDATION') return false;
      const issues = error.issues ?? [];
      form.setErrors(Object.fromEntries(issues.map((i) => [fieldForPath(i.path), i.message])));
      if (!issues.some((i) => formShowsError(definitions, values, fieldForPath(i.path)))) notifyError(error);
      return false;
    }
  };
  const submit = form.onSubmit(saveValues);
  const { whileSaving } = useUnsavedGuard({
    what: compact ? 'the new job' : 'this job',
    isDirty: () => !disabled && form.isDirty(),
    save: async () => !form.validate().hasErrors && (await saveValues(form.getValues())),
    discard: draft.clear,
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Job details">
      <Fieldset variant="unstyled" m={0} miw={0} disabled={disabled || form.submitting}>
        <Stack gap="md">
          {draft.restored && <DraftRestoredNote onDiscard={draft.discard} />}
          <TextInput label="Title" required data-autofocus placeholder="e.g. Kitchen refit" {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ContactSelect
              label="Client"
              placeholder="Type a name…"
              currentName={contactName}
              value={form.values.contactId}
              onChange={(id) => form.setFieldValue('contactId', id)}
              error={form.errors.contactId}
            />
            <CompanySelect
              label="Company"
              placeholder="Type a company…"
              currentName={companyName}
              value={form.values.companyId}
              onChange={(id) => form.setFieldValue('companyId', id)}
              error={form.errors.companyId}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Value" inputMode="decimal" placeholder="1,250.00" {...form.getInputProps('amount')} />
            <TextInput label="Currency" {...form.getInputProps('currency')} />
            <Select
              label="Stage"
              placeholder="First stage"
              data={stages.map((s) => ({ value: s.id, label: s.name }))}
              allowDeselect={false}
              {...form.getInputProps('stage')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: compact ? 1 : 2 }}>
            <TextInput label="Due date" type="date" {...form.getInputProps('dueDate')} />
            {!compact && <TextInput label="Probability (%)" inputMode="numeric" {...form.getInputProps('probability')} />}
          </SimpleGrid>
          {(!compact || stageCategory === 'lost') && <TextInput label="Lost reason" placeholder="Why it was lost (optional)" {...form.getInputProps('lostReason')} />}
          <FormCustomFields definitions={definitions} form={form} />
          <Textarea label="Notes" autosize minRows={compact ? 2 : 4} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            {secondaryAction}
            <Button type="submit" loading={form.submitting} disabled={!compact && !form.isDirty()}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
