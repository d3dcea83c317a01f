// The create/edit dialog of a custom field (issue #19): name, type, currency, choices, required, default, help and
// section. A type change on a field with values first shows what cannot be converted, and changes nothing until
// the user confirms.
import { ActionIcon, Alert, Button, Checkbox, Group, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { FIELD_TYPE_LABELS, FIELD_TYPES, type CustomValue, type FieldConversion, type FieldDefinition, type FieldRecordType, type FieldType } from '../../../../shared/domain/custom-fields';
import { IpcError } from '../../../../shared/ipc/errors';
import { useFieldMutation } from '../../api/fields';
import { formatCount } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { CustomFieldInput } from './CustomFieldInputs';

interface Props {
  recordType: FieldRecordType;
  /** The field to edit; null to create one. */
  field: FieldDefinition | null;
  onClose: () => void;
}

type OptionRow = { id?: string; label: string };
const TYPE_DATA = FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }));

export function FieldEditor({ recordType, field, onClose }: Props) {
  const create = useFieldMutation('fields.create', { handlesValidation: true });
  const update = useFieldMutation('fields.update', { handlesValidation: true });
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [currency, setCurrency] = useState(field?.currency ?? 'GBP');
  const [required, setRequired] = useState(field?.required ?? false);
  const [help, setHelp] = useState(field?.help ?? '');
  const [section, setSection] = useState(field?.section ?? '');
  const [options, setOptions] = useState<OptionRow[]>(field ? field.options.filter((o) => !o.archived).map((o) => ({ id: o.id, label: o.label })) : []);
  const [defaultValue, setDefaultValue] = useState<CustomValue>(field?.defaultValue ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<FieldConversion | null>(null);
  const isChoice = type === 'choice' || type === 'choices';
  const typeChanged = field !== null && type !== field.type;

  const fail = (error: unknown) => {
    if (error instanceof IpcError && error.code === 'VALIDATION' && error.issues?.length) {
      setErrors(Object.fromEntries(error.issues.map((i) => [i.path.split('.')[0] ?? '', i.message])));
    } else notifyError(error);
  };

  const common = {
    label,
    required,
    help,
    section,
    ...(isChoice ? { options: options.filter((o) => o.label.trim() !== '').map((o) => (o.id ? { id: o.id, label: o.label } : { label: o.label })) } : {}),
    ...(type === 'money' ? { currency } : {}),
  };

  const save = (confirm: boolean) => {
    setErrors({});
    if (!field) {
      create.mutate(
        { recordType, type, ...common, ...(defaultValue === null ? {} : { defaultValue }) },
        { onSuccess: (f) => (notifySuccess(`Added the field "${f.label}".`), onClose()), onError: fail },
      );
      return;
    }
    update.mutate(
      { id: field.id, ...common, ...(typeChanged ? { type, confirm } : { defaultValue }) },
      {
        onSuccess: (result) => {
          if (!result.applied && result.conversion) {
            setPreview(result.conversion);
            return;
          }
          const kept = result.conversion?.keptIn;
          notifySuccess(kept ? `Changed "${result.field.label}". Values that could not be converted are kept in the hidden field "${kept.label}".` : `Saved "${result.field.label}".`);
          onClose();
        },
        onError: fail,
      },
    );
  };

  const move = (i: number, by: -1 | 1) =>
    setOptions((rows) => {
      const next = [...rows];
      const [row] = next.splice(i, 1);
      next.splice(i + by, 0, row!);
      return next;
    });

  const draft: FieldDefinition | null = field ?? null;
  const defaultShape: FieldDefinition = {
    ...(draft ?? { id: 'new', recordType, key: 'new', position: 0, archived: false, deletedAt: null, createdAt: '', updatedAt: '', valueCount: 0, defaultValue: null }),
    label: 'Default value',
    type,
    currency: type === 'money' ? currency : null,
    required: false,
    help: 'Filled in on new records; they can change it.',
    section: null,
    options: options.filter((o) => o.id).map((o) => ({ id: o.id!, label: o.label, archived: false })),
  };

  return (
    <Modal opened onClose={onClose} title={field ? `Edit "${field.label}"` : 'New field'} size="lg">
      {preview ? (
        <Stack>
          <Text>
            {formatCount(preview.converted)} {preview.converted === 1 ? 'value' : 'values'} will be converted to {FIELD_TYPE_LABELS[type].toLowerCase()}.
          </Text>
          {preview.failed.length > 0 && (
            <Alert color="orange" title={`${formatCount(preview.failed.length)} cannot be converted`}>
              <Text size="sm">They will be kept, as text, in a hidden field "{field?.label} (not converted)", so nothing is lost.</Text>
              <List size="sm" mt="xs" aria-label="Values that cannot be converted">
                {preview.failed.slice(0, 20).map((f) => (
                  <List.Item key={f.recordId}>{f.value}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Text size="sm" c="dimmed">A backup is taken first.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPreview(null)}>Back</Button>
            <Button loading={update.isPending} onClick={() => save(true)}>Change type</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <TextInput label="Name" required data-autofocus value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} maxLength={60} />
          <Select
            label="Type"
            data={TYPE_DATA}
            value={type}
            allowDeselect={false}
            onChange={(v) => v && (setType(v as FieldType), setDefaultValue(null))}
            description={typeChanged ? 'Changing the type converts the values this field holds; you will see what cannot be converted first.' : undefined}
            error={errors.type}
          />
          {type === 'money' && <TextInput label="Currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} error={errors.currency} w={120} />}
          {isChoice && (
            <Stack gap={4} aria-label="Choices">
              <Text size="sm" fw={500}>Choices</Text>
              {options.map((o, i) => (
                <Group key={o.id ?? `new-${i}`} gap={4} wrap="nowrap">
                  <TextInput
                    aria-label={`Choice ${i + 1}`}
                    value={o.label}
                    maxLength={80}
                    style={{ flex: 1 }}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setOptions((rows) => rows.map((r, j) => (j === i ? { ...r, label: value } : r)));
                    }}
                  />
                  <ActionIcon variant="subtle" aria-label={`Move ${o.label || 'choice'} up`} disabled={i === 0} onClick={() => move(i, -1)}><IconArrowUp size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Move ${o.label || 'choice'} down`} disabled={i === options.length - 1} onClick={() => move(i, 1)}><IconArrowDown size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${o.label || 'choice'}`} onClick={() => setOptions((rows) => rows.filter((_, j) => j !== i))}><IconX size={16} /></ActionIcon>
                </Group>
              ))}
              <Group>
                <Button size="xs" variant="default" onClick={() => setOptions((rows) => [...rows, { label: '' }])}>Add a choice</Button>
              </Group>
              {field && <Text size="xs" c="dimmed">Renaming a choice keeps it on every record. A removed choice stays on the records that have it.</Text>}
              {errors.options && <Text size="sm" c="red">{errors.options}</Text>}
            </Stack>
          )}
          <Checkbox label="Must be filled in" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          {!typeChanged && type !== 'contactLink' && type !== 'companyLink' && (
            <CustomFieldInput definition={defaultShape} value={defaultValue} onChange={setDefaultValue} error={errors.defaultValue} />
          )}
          <TextInput label="Help text" description="Shown under the field on forms." value={help} maxLength={300} onChange={(e) => setHelp(e.currentTarget.value)} error={errors.help} />
          <TextInput label="Section" description="Fields with the same section are grouped on the form." value={section} maxLength={60} onChange={(e) => setSection(e.currentTarget.value)} error={errors.section} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button loading={create.isPending || update.isPending} onClick={() => save(typeChanged && field.valueCount === 0)}>{typeChanged && field.valueCount > 0 ? 'Check the change…' : field ? 'Save' : 'Add field'}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
