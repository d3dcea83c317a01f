// The company form, new and existing, validated by the dispatcher's CompanyCreate / CompanyUpdate schemas and the
// custom fields' customValuesSchema; main's VALIDATION issues land on the same inputs.
import { Button, Fieldset, Group, Paper, SimpleGrid, Stack, TagsInput, TextInput, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm, type UseFormReturnType } from '@mantine/form';
import { type ReactNode, useMemo, useState } from 'react';
import { CompanyCreate, CompanyUpdate } from '../../../../shared/domain/contact';
import type { FieldDefinition } from '../../../../shared/domain/custom-fields';
import { IpcError } from '../../../../shared/ipc/errors';
import { useTags } from '../../api/search';
import { notifyError } from '../../ui/notify';
import { errorsFromIssues } from '../../ui/form-errors';
import { useUnsavedGuard } from '../../ui/unsaved-changes';
import { DuplicateCheckNotice } from '../duplicates/panels';
import { customDefaults, customErrors, customInput, FormCustomFields, formShowsError, WithCustomFields } from '../fields/panels';
import { type CompanyFieldsInput, type CompanyFormValues, companyValuesToInput } from './company-form-values';

interface Props {
  initialValues: CompanyFormValues;
  companyId?: string;
  disabled?: boolean;
  submitLabel: string;
  onSave: (input: CompanyFieldsInput) => Promise<unknown>;
  onSaved?: () => void;
  secondaryAction?: ReactNode;
}

/** The form once the company fields are known: a new company starts with their defaults. */
export function CompanyForm(props: Props) {
  return <WithCustomFields recordType="company">{(definitions) => <CompanyFormBody {...props} definitions={definitions} />}</WithCustomFields>;
}

function CompanyFormBody({ initialValues, companyId, disabled, submitLabel, onSave, onSaved, secondaryAction, definitions }: Props & { definitions: FieldDefinition[] }) {
  const resolve = useMemo(() => schemaResolver(companyId ? CompanyUpdate : CompanyCreate, { sync: true }), [companyId]);
  const [start] = useState(() => (companyId ? initialValues : { ...initialValues, custom: { ...customDefaults(definitions), ...initialValues.custom } }));
  // An existing record's save sends only the custom values changed since it was loaded or last saved (resetDirty).
  const baseline = () => (companyId ? form.getInitialValues().custom : null);
  const toInput = (values: CompanyFormValues) => companyValuesToInput(values, customInput(definitions, values.custom, baseline()));
  const form: UseFormReturnType<CompanyFormValues> = useForm<CompanyFormValues>({
    initialValues: start,
    validate: (values) => {
      const input = toInput(values);
      return { ...resolve(companyId ? { ...input, id: companyId } : input), ...customErrors(definitions, input.custom ?? {}, { partial: !!companyId }) };
    },
  });
  const tags = useTags();

  const saveValues = async (values: CompanyFormValues): Promise<boolean> => {
    try {
      await whileSaving(() => onSave(toInput(values)));
      form.resetDirty(values);
      onSaved?.();
      return true;
    } catch (error) {
      if (!(error instanceof IpcError) || error.code !== 'VALIDATION') return false;
      form.setErrors(errorsFromIssues(error.issues, {}));
      if (!error.issues.some((i) => formShowsError(definitions, values, i.path))) notifyError(error);
      return false;
    }
  };
  const submit = form.onSubmit(saveValues);
  const { whileSaving } = useUnsavedGuard({
    what: companyId ? 'this company' : 'the new company',
    isDirty: () => !disabled && form.isDirty(),
    save: async () => !form.validate().hasErrors && (await saveValues(form.getValues())),
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Company details">
      <Fieldset variant="unstyled" m={0} miw={0} disabled={disabled || form.submitting}>
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={2} size="h5">
              Details
            </Title>
            {!disabled && <DuplicateCheckNotice kind="company" id={companyId} fields={form.values} />}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Company name" withAsterisk data-autofocus {...form.getInputProps('name')} />
              <TextInput label="Website" placeholder="example.com" {...form.getInputProps('website')} />
              <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
            </SimpleGrid>
            <Title order={2} size="h6">
              Address
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput label="Street" {...form.getInputProps('address.street')} />
              <TextInput label="Town or city" {...form.getInputProps('address.city')} />
              <TextInput label="County or region" {...form.getInputProps('address.region')} />
              <TextInput label="Postcode" {...form.getInputProps('address.postcode')} />
              <TextInput label="Country" {...form.getInputProps('address.country')} />
            </SimpleGrid>
            <TagsInput label="Tags" placeholder="Type a tag and press Enter" data={(tags.data?.items ?? []).map((t) => t.tag)} clearable {...form.getInputProps('tags')} />
            <Textarea label="Notes" autosize minRows={2} maxRows={10} {...form.getInputProps('notes')} />
            {definitions.length > 0 && (
              <>
                <Title order={2} size="h6">
                  More details
                </Title>
                <FormCustomFields definitions={definitions} form={form} />
              </>
            )}
            {!disabled && (
              <Group justify="flex-end" gap="sm">
                {secondaryAction}
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                  Discard changes
                </Button>
                <Button type="submit" loading={form.submitting}>
                  {submitLabel}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      </Fieldset>
    </form>
  );
}
