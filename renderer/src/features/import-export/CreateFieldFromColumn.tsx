// "New field" from the mapping screen (issue #19): a contact custom field made for a column that has no field of
// its own, named after the header, its type guessed from the column's values (guessFieldType), all editable first.
// It is made through fields.create, like one made in Settings; the column then maps to it.
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FIELD_TYPE_LABELS, FIELD_TYPES, type FieldDefinition, type FieldType } from '../../../../shared/domain/custom-fields';
import { guessFieldType } from '../../../../shared/domain/import-custom';
import { IpcError } from '../../../../shared/ipc/errors';
import { useFieldMutation } from '../../api/fields';
import { notifyError } from '../../ui/notify';

/** Link fields take a record picked in the app, never a column's text: not offered here. */
const TYPE_DATA = FIELD_TYPES.filter((t) => t !== 'contactLink' && t !== 'companyLink').map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }));

interface Props {
  column: string;
  values: string[];
  onCreated: (field: FieldDefinition) => void;
  onClose: () => void;
}

export function CreateFieldFromColumn({ column, values, onCreated, onClose }: Props) {
  const [guess] = useState(() => guessFieldType(values));
  const create = useFieldMutation('fields.create', { handlesValidation: true });
  const [label, setLabel] = useState(column.trim().slice(0, 60));
  const [type, setType] = useState<FieldType>(guess.type);
  const [currency, setCurrency] = useState(guess.currency ?? 'GBP');
  const [choices, setChoices] = useState((guess.options ?? []).join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const isChoice = type === 'choice' || type === 'choices';

  const save = () => {
    setErrors({});
    const options = choices.split('\n').map((c) => c.trim()).filter(Boolean).map((c) => ({ label: c }));
    create.mutate(
      { recordType: 'contact', label, type, ...(type === 'money' ? { currency: currency.trim().toUpperCase() } : {}), ...(isChoice ? { options } : {}) },
      {
        onSuccess: onCreated,
        onError: (error) => {
          if (error instanceof IpcError && error.code === 'VALIDATION' && error.issues?.length) setErrors(Object.fromEntries(error.issues.map((i) => [i.path.split('.')[0] ?? '', i.message])));
          else notifyError(error);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`New contact field for "${column.slice(0, 60)}"`}>
      <Stack>
        <TextInput label="Name" value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} data-autofocus />
        <Select
          label="Type"
          description={`Guessed from the first rows: ${FIELD_TYPE_LABELS[guess.type]}`}
          data={TYPE_DATA}
          value={type}
          onChange={(v) => v && setType(v as FieldType)}
          allowDeselect={false}
          error={errors.type}
        />
        {type === 'money' && <TextInput label="Currency" description="A three-letter code, such as GBP, EUR or USD" value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} error={errors.currency} w={160} />}
        {isChoice && <Textarea label="Choices" description="One per line" autosize minRows={3} maxRows={10} value={choices} onChange={(e) => setChoices(e.currentTarget.value)} error={errors.options} />}
        <Text size="sm" c="dimmed">
          Values this field refuses are kept in the contact&apos;s notes, and the import report lists each one with its line.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} loading={create.isPending}>
            Create field
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
