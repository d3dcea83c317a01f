// "Export for accountant": invoices issued in a period (from–to) as CSV with a VAT row per rate, saved where the
// user chooses (main asks). The period defaults to last calendar quarter, the usual VAT return.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useExportInvoices } from '../../api/invoices';
import { plural } from '../../ui/format';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';
import { todayDay } from './invoice-text';

function lastQuarter(now = new Date()): { from: string; to: string } {
  const startMonth = Math.floor(now.getMonth() / 3) * 3 - 3;
  const from = new Date(now.getFullYear(), startMonth, 1);
  const to = new Date(now.getFullYear(), startMonth + 3, 0);
  return { from: todayDay(from), to: todayDay(to) };
}

export function ExportInvoicesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const exporter = useExportInvoices();
  const form = useForm({
    initialValues: lastQuarter(),
    validate: {
      from: (v) => (v ? null : 'Choose the first day'),
      to: (v, values) => (!v ? 'Choose the last day' : v < values.from ? 'The last day is before the first' : null),
    },
  });
  const submit = form.onSubmit((values) =>
    exporter.mutate(values, {
      onSuccess: (result) => {
        if (!result.path) return;
        notifySuccess(`${plural(result.rows, 'row')} saved to ${result.path}`);
        onClose();
      },
      onError: (error) => showFieldIssues(error, ['from', 'to'], form.setErrors),
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title="Export for accountant">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            Every invoice issued in the period, with a VAT row per rate. Drafts are left out.
          </Text>
          <Group grow>
            <TextInput type="date" label="From" required data-autofocus {...form.getInputProps('from')} />
            <TextInput type="date" label="To" required {...form.getInputProps('to')} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={exporter.isPending}>
              Export
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
