// The retention rules (issue #21): "prospects not contacted for 36 months", "former clients 72 months after the
// last job". A rule never deletes anything: it puts people on the review list below. Saved as a whole list;
// main's issues show beside their fields.
import { ActionIcon, Button, Group, Loader, NumberInput, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { RetentionRule } from '../../../../shared/domain/retention';
import { IpcError } from '../../../../shared/ipc/errors';
import { useRetentionRules, useUpdateRetentionRules } from '../../api/retention';
import { notifyError, notifySuccess } from '../../ui/notify';
import { APPLIES_LABELS, FROM_LABELS, options } from './retention-text';

type Row = RetentionRule & { key: string; months: number };

const toRows = (rules: readonly (RetentionRule & { id: string })[]): Row[] => rules.map((r) => ({ ...r, key: r.id, enabled: r.enabled ?? true }));

export function RetentionRulesEditor() {
  const rules = useRetentionRules();
  if (rules.isPending) return <Loader size="sm" aria-label="Loading the retention rules" />;
  if (!rules.data) return <Text size="sm">The retention rules could not be loaded.</Text>;
  return <RulesForm rules={rules.data.rules} />;
}

let added = 0;

function RulesForm({ rules }: { rules: readonly (RetentionRule & { id: string })[] }) {
  const update = useUpdateRetentionRules();
  const form = useForm<{ rules: Row[] }>({
    initialValues: { rules: toRows(rules) },
    // A cleared box is '' (not a number): said in the same words as main's range check.
    validate: { rules: { months: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 240 ? null : 'Enter 1 to 240 months') } },
  });
  useEffect(() => {
    if (!form.isDirty()) form.setValues({ rules: toRows(rules) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the saved rules change
  }, [rules]);
  const rows = form.values.rules;

  const save = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({
        rules: values.rules.map((r) => ({ ...(r.id ? { id: r.id } : {}), appliesTo: r.appliesTo, from: r.from, months: r.months, enabled: r.enabled })),
      });
      form.setValues({ rules: toRows(saved.rules) });
      form.resetDirty({ rules: toRows(saved.rules) });
      notifySuccess('Retention rules saved');
    } catch (error) {
      if (error instanceof IpcError && error.issues.length > 0) {
        form.setErrors(Object.fromEntries(error.issues.map((i) => [i.path || 'rules', i.message])));
        if (error.issues.some((i) => !/^rules\.\d+\./.test(i.path))) notifyError(error);
      }
    }
  });

  return (
    <form onSubmit={save} aria-label="Retention rules" noValidate>
      <Stack gap="sm">
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rules yet: nobody is ever put up for review. Add one, e.g. prospects not contacted for 36 months.
          </Text>
        ) : (
          <Table aria-label="Rules" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Applies to</Table.Th>
                <Table.Th>Counted from</Table.Th>
                <Table.Th w={130}>Months</Table.Th>
                <Table.Th w={60}>On</Table.Th>
                <Table.Th w={1} aria-label="Remove" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const label = `Rule ${index + 1}`;
                return (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      <Select aria-label={`${label}: applies to`} allowDeselect={false} data={options(APPLIES_LABELS)} {...form.getInputProps(`rules.${index}.appliesTo`)} />
                    </Table.Td>
                    <Table.Td>
                      <Select aria-label={`${label}: counted from`} allowDeselect={false} data={options(FROM_LABELS)} {...form.getInputProps(`rules.${index}.from`)} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput aria-label={`${label}: months`} min={1} max={240} allowDecimal={false} {...form.getInputProps(`rules.${index}.months`)} />
                    </Table.Td>
                    <Table.Td>
                      <Switch aria-label={`${label}: on`} {...form.getInputProps(`rules.${index}.enabled`, { type: 'checkbox' })} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove rule ${index + 1}`} onClick={() => form.removeListItem('rules', index)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {typeof form.errors.rules === 'string' && (
          <Text size="sm" c="red">
            {form.errors.rules}
          </Text>
        )}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            disabled={rows.length >= 20}
            onClick={() => form.insertListItem('rules', { key: `new-${++added}`, appliesTo: 'prospect', from: 'lastContacted', months: 36, enabled: true } satisfies Row)}
          >
            Add rule
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
