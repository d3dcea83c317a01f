// Add/remove rows of labelled values (emails, phones): each row a value and an optional label like "work".
import { ActionIcon, Autocomplete, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { ContactFormValues } from './contact-form-values';

interface Props {
  form: UseFormReturnType<ContactFormValues>;
  field: 'emails' | 'phones';
  noun: string;
  labels: string[];
  type: 'email' | 'tel';
}

export function LabelledRows({ form, field, noun, labels, type }: Props) {
  const rows = form.values[field];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {noun === 'email' ? 'Email addresses' : 'Phone numbers'}
      </Text>
      {rows.map((_, index) => (
        <Group key={form.key(`${field}.${index}`)} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            type={type}
            flex={1}
            aria-label={`${capitalise(noun)} ${index + 1}`}
            placeholder={type === 'email' ? 'name@example.com' : '+44 7700 900123'}
            {...form.getInputProps(`${field}.${index}.value`)}
          />
          <Autocomplete
            w={120}
            aria-label={`${capitalise(noun)} ${index + 1} label`}
            placeholder="Label"
            data={labels}
            {...form.getInputProps(`${field}.${index}.label`)}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="input-sm"
            aria-label={`Remove ${noun} ${index + 1}`}
            onClick={() => form.removeListItem(field, index)}
          >
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      {form.errors[field] && (
        <Text size="xs" c="red">
          {form.errors[field]}
        </Text>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={() => form.insertListItem(field, { value: '', label: '' })}
        w="fit-content"
      >
        Add {noun}
      </Button>
    </Stack>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
