// The tax rates tab of the catalogue: every rate (name, rate, kind, country, valid from/to, how many lines used it),
// an Active switch per rate (what quotes offer), add and edit in a dialog, delete for an unused rate only.
import { ActionIcon, Anchor, Button, Group, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { formatRate } from '../../../../shared/domain/tax-rates';
import { type TaxRateRow, useDeleteTaxRate, useTaxRates, useUpdateTaxRate } from '../../api/products';
import { formatCount } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { KIND_LABELS } from './catalogue-text';
import { TaxRateModal } from './TaxRateModal';

export function TaxRatesTab() {
  const rates = useTaxRates(true);
  const update = useUpdateTaxRate();
  const remove = useDeleteTaxRate();
  const [editing, setEditing] = useState<null | 'new' | TaxRateRow>(null);
  const items = rates.data?.items ?? [];

  const deleteRate = (r: TaxRateRow) => remove.mutate(r.id, { onSuccess: () => notifySuccess(`${r.name} deleted`) });

  return (
    <>
      <div className={pageClasses.top}>
        <div className={pageClasses.toolbar}>
          <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 260 }}>
            Turn on the rates you charge. A quote or invoice keeps the rate it used, so a rate that changes is ended (valid to) and a new one added.
          </Text>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New tax rate
          </Button>
        </div>
      </div>
      <div className={pageClasses.scrollPage} style={{ padding: '0 var(--mantine-spacing-lg) var(--mantine-spacing-lg)' }}>
        <Table striped highlightOnHover aria-label="Tax rates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th ta="right">Rate</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Country</Table.Th>
              <Table.Th>Valid from</Table.Th>
              <Table.Th>Valid to</Table.Th>
              <Table.Th>Active</Table.Th>
              <Table.Th ta="right">Used by</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setEditing(r)} ta="left">
                    {r.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatRate(r.rateMilli)}</Table.Td>
                <Table.Td>{KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>{r.country ?? ''}</Table.Td>
                <Table.Td>{r.validFrom ?? ''}</Table.Td>
                <Table.Td>{r.validTo ?? ''}</Table.Td>
                <Table.Td>
                  <Switch aria-label={`${r.name} active`} checked={r.active} onChange={(e) => update.mutate({ id: r.id, active: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td ta="right">
                  {r.usedBy === 0 ? (
                    <Text span size="sm" c="dimmed">
                      Not used
                    </Text>
                  ) : (
                    `${formatCount(r.usedBy)} ${r.usedBy === 1 ? 'line' : 'lines'}`
                  )}
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end" wrap="nowrap">
                    <Tooltip label={r.usedBy > 0 ? 'Used on quotes or invoices: end it (valid to) or turn it off instead' : `Delete ${r.name}`}>
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${r.name}`} disabled={r.usedBy > 0} onClick={() => deleteRate(r)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <TaxRateModal editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
