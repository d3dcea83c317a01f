// Postal addresses on the contact form: zero or more, each with an optional label.
import { ActionIcon, Autocomplete, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { emptyAddress } from '../../ui/address-values';
import type { ContactFormValues } from './contact-form-values';

export function AddressRows({ form }: { form: UseFormReturnType<ContactFormValues> }) {
  return (
    <Stack gap="xs">
      {form.values.addresses.map((_, index) => {
        const path = `addresses.${index}` as const;
        const n = index + 1;
        return (
          <Paper key={form.key(path)} withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Autocomplete w={160} aria-label={`Address ${n} label`} placeholder="Label" data={['home', 'work', 'site']} {...form.getInputProps(`${path}.label`)} />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove address ${n}`} onClick={() => form.removeListItem('addresses', index)}>
                <IconX size={16} />
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput label="Street" {...form.getInputProps(`${path}.street`)} />
              <TextInput label="Town or city" {...form.getInputProps(`${path}.city`)} />
              <TextInput label="County or region" {...form.getInputProps(`${path}.region`)} />
              <TextInput label="Postcode" {...form.getInputProps(`${path}.postcode`)} />
              <TextInput label="Country" {...form.getInputProps(`${path}.country`)} />
            </SimpleGrid>
          </Paper>
        );
      })}
      {form.values.addresses.length === 0 && (
        <Text size="sm" c="dimmed">
          No address yet.
        </Text>
      )}
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('addresses', emptyAddress())} w="fit-content">
        Add address
      </Button>
    </Stack>
  );
}
