// The consent purposes the user names (issue #21): name, how it reaches people (a campaign sends only on an email
// purpose), what it is for and the lawful basis a new record starts with. Removing a purpose archives it: its
// history stays on every person's ledger. Saved as a whole list; main's issues show beside their fields.
import { ActionIcon, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { ConsentChannel, LawfulBasis, Purpose } from '../../../../shared/domain/consent';
import { IpcError } from '../../../../shared/ipc/errors';
import { usePurposes, useUpdatePurposes } from '../../api/consent';
import { notifyError, notifySuccess } from '../../ui/notify';
import { BASIS_LABELS, CHANNEL_LABELS, options } from './consent-text';

interface Row {
  /** The form's own key for the row, so React keeps each row's inputs when one above is removed. */
  key: string;
  id?: string;
  name: string;
  channel: ConsentChannel;
  description: string;
  defaultBasis: LawfulBasis;
}

const toRows = (items: readonly Purpose[]): Row[] =>
  items.filter((p) => !p.archived).map((p) => ({ key: p.id, id: p.id, name: p.name, channel: p.channel, description: p.description ?? '', defaultBasis: p.defaultBasis }));

export function PurposesEditor() {
  const purposes = usePurposes();
  if (purposes.isPending) return <Loader size="sm" aria-label="Loading the purposes" />;
  if (!purposes.data) return <Text size="sm">The purposes could not be loaded.</Text>;
  return <PurposesForm items={purposes.data.items} />;
}

let added = 0;

function PurposesForm({ items }: { items: readonly Purpose[] }) {
  const update = useUpdatePurposes();
  const form = useForm<{ purposes: Row[] }>({ initialValues: { purposes: toRows(items) } });
  // A save elsewhere (another window) shows here unless this form has unsaved changes.
  useEffect(() => {
    if (!form.isDirty()) form.setValues({ purposes: toRows(items) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the saved list changes
  }, [items]);
  const rows = form.values.purposes;

  const save = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({
        purposes: values.purposes.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name, channel: r.channel, description: r.description.trim() || undefined, defaultBasis: r.defaultBasis })),
      });
      form.setValues({ purposes: toRows(saved.items) });
      form.resetDirty({ purposes: toRows(saved.items) });
      notifySuccess('Purposes saved');
    } catch (error) {
      if (error instanceof IpcError && error.issues.length > 0) {
        form.setErrors(Object.fromEntries(error.issues.map((i) => [i.path || 'purposes', i.message])));
        if (error.issues.some((i) => !/^purposes\.\d+\./.test(i.path))) notifyError(error);
      }
    }
  });

  return (
    <form onSubmit={save} aria-label="Consent purposes" noValidate>
      <Stack gap="sm">
        {rows.map((row, index) => (
          <Paper key={row.key} withBorder p="sm" role="group" aria-label={`Purpose ${row.name || index + 1}`}>
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ flex: 1 }}>
                <TextInput label="Name" required maxLength={60} {...form.getInputProps(`purposes.${index}.name`)} />
                <Select label="Channel" allowDeselect={false} data={options(CHANNEL_LABELS)} {...form.getInputProps(`purposes.${index}.channel`)} />
                <Select label="Default basis" allowDeselect={false} data={options(BASIS_LABELS)} {...form.getInputProps(`purposes.${index}.defaultBasis`)} />
                <TextInput label="What it is for" maxLength={500} style={{ gridColumn: '1 / -1' }} {...form.getInputProps(`purposes.${index}.description`)} />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={`Remove ${row.name || 'this purpose'}`}
                title="Remove (its history stays on each person's ledger)"
                disabled={rows.length === 1}
                onClick={() => form.removeListItem('purposes', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        {typeof form.errors.purposes === 'string' && (
          <Text size="sm" c="red">
            {form.errors.purposes}
          </Text>
        )}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            disabled={rows.length >= 30}
            onClick={() => form.insertListItem('purposes', { key: `new-${++added}`, name: '', channel: 'email', description: '', defaultBasis: 'consent' } satisfies Row)}
          >
            Add purpose
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save purposes
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Removing a purpose keeps what people said about it in their history; campaigns can no longer choose it.
        </Text>
      </Stack>
    </form>
  );
}
