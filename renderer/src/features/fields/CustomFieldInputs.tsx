// The inputs for a record's custom fields (issue #19), one per live field, grouped by section, for record forms to
// mount beside the built-in fields. Values are the wire's (option ids, minor units, ISO dates); errors come keyed by
// field key (from customValuesSchema or main's `custom.<key>` issues).
import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CustomValue, CustomValues, FieldDefinition } from '../../../../shared/domain/custom-fields';
import { minorToDecimal, parseMoney } from '../../../../shared/domain/money';
import { CompanySelect } from '../../ui/CompanySelect';
import { ContactSelect } from '../../ui/ContactSelect';
import { useLinkedName } from '../../api/fields';
import { customErrorsByKey, withCustomValue } from './custom-form';

interface InputProps {
  definition: FieldDefinition;
  value: CustomValue | undefined;
  onChange: (value: CustomValue) => void;
  error?: string | undefined;
}

/** A date-time input's local value ("2026-03-01T09:30") for an ISO instant, and back. */
const toLocal = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocal = (local: string) => (local ? new Date(local).toISOString() : null);

function MoneyInput({ definition, value, onChange, error }: InputProps) {
  const currency = definition.currency ?? 'GBP';
  const asText = (v: CustomValue | undefined) => (typeof v === 'number' ? minorToDecimal(v, currency) : typeof v === 'string' ? v : '');
  const [text, setText] = useState(() => asText(value));
  const [seen, setSeen] = useState(value);
  const parsed = parseMoney(text, currency);
  // The value changed from outside (a discarded draft, a reset): show it, unless it is what the text already says.
  if (value !== seen) {
    setSeen(value);
    if ((parsed.ok ? parsed.minor : text) !== (value ?? null)) setText(asText(value));
  }
  return (
    <TextInput
      label={`${definition.label} (${currency})`}
      description={definition.help}
      required={definition.required}
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const result = parseMoney(next, currency);
        // Text that is not an amount is passed on as it is, so the form's check refuses it instead of saving the old amount.
        onChange(result.ok ? result.minor : next);
      }}
      error={(parsed.ok ? null : parsed.error) ?? error}
    />
  );
}

/** A link to a contact or company: the picker shows the linked record's name, looked up before it first shows. */
function LinkInput({ definition: d, value, onChange, error }: InputProps) {
  const id = typeof value === 'string' ? value : null;
  const [first] = useState(id);
  const name = useLinkedName(d.type === 'contactLink' ? 'contactLink' : 'companyLink', id);
  const common = { label: d.label, description: d.help, required: d.required, error, value: id, onChange: (next: string | null) => onChange(next) };
  // The contact picker takes the current name when it mounts, so it waits for the name of the value it opens with.
  if (id !== null && id === first && name.isPending) return <TextInput label={d.label} description={d.help} required={d.required} disabled placeholder="Loading…" />;
  return d.type === 'contactLink' ? <ContactSelect {...common} currentName={name.data} /> : <CompanySelect {...common} currentName={name.data} />;
}

/** One custom field's input, by type. */
export function CustomFieldInput(props: InputProps) {
  const { definition: d, value, onChange, error } = props;
  const common = { label: d.label, description: d.help, required: d.required, error };
  const str = typeof value === 'string' ? value : '';
  const live = d.options.filter((o) => !o.archived || o.id === value || (Array.isArray(value) && value.includes(o.id)));
  const options = live.map((o) => ({ value: o.id, label: o.archived ? `${o.label} (removed)` : o.label }));
  switch (d.type) {
    case 'longText':
      return <Textarea {...common} autosize minRows={2} value={str} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(v === '' ? null : Number(v))} />;
    case 'money':
      return <MoneyInput {...props} />;
    case 'date':
      return <TextInput {...common} type="date" value={str} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case 'dateTime':
      return <TextInput {...common} type="datetime-local" value={str ? toLocal(str) : ''} onChange={(e) => onChange(fromLocal(e.currentTarget.value))} />;
    case 'boolean':
      return <Checkbox label={d.label} description={d.help} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'choice':
      return <Select {...common} clearable data={options} value={str || null} onChange={(id) => onChange(id)} />;
    case 'choices':
      return <MultiSelect {...common} clearable data={options} value={Array.isArray(value) ? value : []} onChange={(ids) => onChange(ids)} />;
    case 'contactLink':
    case 'companyLink':
      return <LinkInput {...props} />;
    case 'url':
    case 'email':
    case 'phone':
    case 'text':
      return <TextInput {...common} type={d.type === 'email' ? 'email' : d.type === 'phone' ? 'tel' : 'text'} value={str} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}

interface Props {
  /** The record type's live fields in form order (archived ones are not shown). */
  definitions: readonly FieldDefinition[];
  values: CustomValues;
  onChange: (key: string, value: CustomValue) => void;
  /** Errors by field key. */
  errors?: Record<string, string | undefined>;
}

/** Every live custom field's input, fields without a section first, then one titled group per section. */
export function CustomFieldInputs({ definitions, values, onChange, errors = {} }: Props) {
  const live = definitions.filter((d) => !d.archived && !d.deletedAt).sort((a, b) => a.position - b.position);
  if (live.length === 0) return null;
  // Stable sort: the sections keep the order of their first field.
  const sections = [...new Set(live.map((d) => d.section))].sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
  return (
    <Stack gap="sm" aria-label="Custom fields">
      {sections.map((section) => (
        <Stack key={section ?? ''} gap="sm">
          {section && (
            <Title order={3} size="h5">
              {section}
            </Title>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {live
              .filter((d) => d.section === section)
              .map((d) => (
                <CustomFieldInput key={d.id} definition={d} value={values[d.key]} onChange={(v) => onChange(d.key, v)} error={errors[d.key]} />
              ))}
          </SimpleGrid>
        </Stack>
      ))}
      {live.some((d) => d.required) && (
        <Text size="xs" c="dimmed">
          Fields marked * must be filled in.
        </Text>
      )}
    </Stack>
  );
}

/** What FormCustomFields needs of a record's Mantine form: its `custom` values and its `custom.<key>` errors. */
interface FormWithCustom {
  values: { custom: CustomValues };
  errors: Record<string, unknown>;
  setFieldValue(path: 'custom', value: (held: CustomValues) => CustomValues): void;
  clearFieldError(path: string): void;
}

/** A record form's custom inputs wired to its form: a change edits one key and clears that field's error. */
export function FormCustomFields({ definitions, form }: { definitions: readonly FieldDefinition[]; form: FormWithCustom }) {
  return (
    <CustomFieldInputs
      definitions={definitions}
      values={form.values.custom}
      errors={customErrorsByKey(form.errors)}
      onChange={(key, value) => {
        form.setFieldValue('custom', (held) => withCustomValue(held, key, value));
        form.clearFieldError(`custom.${key}`);
      }}
    />
  );
}
