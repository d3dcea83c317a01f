// The one contact form, for new and existing contacts. It validates with the dispatcher's own zod schema
// (ContactCreate / ContactUpdate, and the custom fields' customValuesSchema), and shows main's VALIDATION issues on
// the same fields, custom ones included.
import { Button, Fieldset, Group, Paper, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm, type UseFormReturnType } from '@mantine/form';
import { type ReactNode, useMemo, useState } from 'react';
import { ContactCreate, ContactUpdate } from '../../../../shared/domain/contact';
import type { FieldDefinition } from '../../../../shared/domain/custom-fields';
import { IpcError } from '../../../../shared/ipc/errors';
import { useTags } from '../../api/search';
import { notifyError } from '../../ui/notify';
import { errorsFromIssues, remapErrors } from '../../ui/form-errors';
import { CompanySelect } from '../../ui/CompanySelect';
import { useUnsavedGuard } from '../../ui/unsaved-changes';
import { DraftRestoredNote } from '../../ui/unsaved-draft-note';
import { localDraftStore, useFormDraft } from '../../ui/use-draft';
import { AddressRows } from './AddressRows';
import { type ContactFieldsInput, type ContactFormValues, valuesToInput } from './contact-form-values';
import { KIND_OPTIONS } from './contact-labels';
import { DuplicateCheckNotice } from '../duplicates/panels';
import { customDefaults, customErrors, customInput, FormCustomFields, formShowsError, WithCustomFields } from '../fields/panels';
import { LabelledRows } from './LabelledRows';

interface Props {
  initialValues: ContactFormValues;
  /** Set when editing: validation then uses ContactUpdate, as the dispatcher will. */
  contactId?: string;
  companyName?: string | null;
  disabled?: boolean;
  submitLabel: string;
  onSave: (input: ContactFieldsInput) => Promise<unknown>;
  /** Called after a successful save with the values now saved. */
  onSaved?: (values: ContactFormValues) => void;
  secondaryAction?: ReactNode;
  /** Where the typing is kept until saved or discarded; an existing contact's id by default, none for a new one. */
  draftKey?: string;
}

const drafts = localDraftStore<ContactFormValues>('rapport.contactDraft');

/** The form once the contact fields are known: a new contact starts with their defaults. */
export function ContactForm(props: Props) {
  return <WithCustomFields recordType="contact">{(definitions) => <ContactFormBody {...props} definitions={definitions} />}</WithCustomFields>;
}

function ContactFormBody({ initialValues, contactId, companyName, disabled, submitLabel, onSave, onSaved, secondaryAction, draftKey = contactId, definitions }: Props & { definitions: FieldDefinition[] }) {
  const resolve = useMemo(() => schemaResolver(contactId ? ContactUpdate : ContactCreate, { sync: true }), [contactId]);
  const [start] = useState(() => (contactId ? initialValues : { ...initialValues, custom: { ...customDefaults(definitions), ...initialValues.custom } }));
  // An existing record's save sends only the custom values changed since it was loaded or last saved (resetDirty).
  const baseline = () => (contactId ? form.getInitialValues().custom : null);
  const toInput = (values: ContactFormValues) => valuesToInput(values, customInput(definitions, values.custom, baseline()));
  const form: UseFormReturnType<ContactFormValues> = useForm<ContactFormValues>({
    initialValues: start,
    validate: (values) => {
      const { input, rows } = toInput(values);
      return {
        ...remapErrors(resolve(contactId ? { ...input, id: contactId } : input), rows),
        ...customErrors(definitions, input.custom ?? {}, { partial: !!contactId }),
      };
    },
  });
  const tags = useTags();
  const tagOptions = (tags.data?.items ?? []).map((t) => t.tag);
  const draft = useFormDraft(drafts, disabled ? undefined : draftKey, form);

  const saveValues = async (values: ContactFormValues): Promise<boolean> => {
    const { input, rows } = toInput(values);
    try {
      await whileSaving(() => onSave(input));
      form.resetDirty(values);
      draft.clear();
      onSaved?.(values);
      return true;
    } catch (error) {
      if (!(error instanceof IpcError) || error.code !== 'VALIDATION') return false; // already notified by the query client
      const errors = errorsFromIssues(error.issues, rows);
      form.setErrors(errors);
      if (!Object.keys(errors).some((path) => formShowsError(definitions, values, path))) notifyError(error);
      return false;
    }
  };
  const submit = form.onSubmit(saveValues);
  const { whileSaving } = useUnsavedGuard({
    what: contactId ? 'this contact' : 'the new contact',
    isDirty: () => !disabled && form.isDirty(),
    save: async () => !form.validate().hasErrors && (await saveValues(form.getValues())),
    discard: draft.clear,
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Contact details">
      <Fieldset variant="unstyled" m={0} miw={0} disabled={disabled || form.submitting}>
        <Stack gap="md">
          {draft.restored && <DraftRestoredNote onDiscard={draft.discard} />}
          {!disabled && <DuplicateCheckNotice kind="contact" id={contactId} fields={form.values} />}
          <Section title="Name and work">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="First name" autoComplete="off" data-autofocus autoFocus={!contactId} {...form.getInputProps('firstName')} />
              <TextInput label="Last name" autoComplete="off" {...form.getInputProps('lastName')} />
              <TextInput label="Job title" {...form.getInputProps('jobTitle')} />
              <CompanySelect
                label="Company"
                placeholder="Type to search companies"
                currentName={companyName}
                value={form.values.companyId}
                onChange={(id) => form.setFieldValue('companyId', id)}
                error={form.errors.companyId}
              />
            </SimpleGrid>
          </Section>

          <Section title="Getting in touch">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <LabelledRows form={form} field="emails" noun="email" type="email" labels={['work', 'home', 'other']} />
              <LabelledRows form={form} field="phones" noun="phone" type="tel" labels={['mobile', 'work', 'home', 'other']} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
              <TextInput label="Website" placeholder="example.com" {...form.getInputProps('website')} />
              <Switch label="Happy to receive emails" mt={{ sm: 'xl' }} {...form.getInputProps('emailOptIn', { type: 'checkbox' })} />
            </SimpleGrid>
          </Section>

          <Section title="Addresses">
            <AddressRows form={form} />
          </Section>

          {definitions.length > 0 && (
            <Section title="More details">
              <FormCustomFields definitions={definitions} form={form} />
            </Section>
          )}

          <Section title="About">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
              <TextInput label="Lead source" placeholder="Referral, website…" {...form.getInputProps('leadSource')} />
              <TextInput label="Birthday" placeholder="YYYY-MM-DD or --MM-DD" {...form.getInputProps('birthday')} />
            </SimpleGrid>
            <TagsInput label="Tags" placeholder="Type a tag and press Enter" data={tagOptions} mt="md" clearable {...form.getInputProps('tags')} />
            <Textarea label="Notes" autosize minRows={3} maxRows={12} mt="md" {...form.getInputProps('notes')} />
          </Section>

          {!disabled && (
            <Group justify="flex-end" gap="sm">
              {secondaryAction}
              <Button variant="default" onClick={draft.discard} disabled={!form.isDirty()}>
                Discard changes
              </Button>
              <Button type="submit" loading={form.submitting}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
