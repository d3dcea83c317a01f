// Invoices as rows: number (or Draft), client, issued, due, total, paid, balance and status (Overdue derived).
// Used by the invoices page and (compact) by a job's Invoices section.
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { type InvoiceListFilter, type InvoiceListItem, useInvoiceList } from '../../api/invoices';
import { PagedTable } from '../../ui/PagedTable';
import { dayText, invoiceName, money, statusColor, statusLabel } from './invoice-text';

interface Props {
  filter: Partial<InvoiceListFilter>;
  empty: ReactNode;
  label?: string;
  /** Leaves out the client column (on a job's own page). */
  hideClient?: boolean;
}

export function InvoiceTable({ filter, empty, label = 'Invoices', hideClient }: Props) {
  return (
    <PagedTable
      list={useInvoiceList(filter)}
      label={label}
      what="invoices"
      empty={empty}
      head={
        <>
          <Table.Th>Invoice</Table.Th>
          {!hideClient && <Table.Th>Client</Table.Th>}
          <Table.Th>Issued</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
          <Table.Th ta="right">Paid</Table.Th>
          <Table.Th ta="right">Balance</Table.Th>
          <Table.Th>Status</Table.Th>
        </>
      }
      row={(i) => <InvoiceTableRow key={i.id} i={i} hideClient={hideClient} />}
    />
  );
}

function InvoiceTableRow({ i, hideClient }: { i: InvoiceListItem; hideClient?: boolean | undefined }) {
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.Tr data-row-id={i.id}>
      <Table.Td>
        <Anchor component={Link} href={`/invoices/${i.id}`} size="sm" ff={i.number ? 'monospace' : undefined} style={nowrap} aria-label={`${invoiceName(i)}: ${i.title}`}>
          {invoiceName(i)}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {i.title}
        </Text>
      </Table.Td>
      {!hideClient && (
        <Table.Td>
          <Text size="sm" lineClamp={1}>
            {[i.contactName, i.companyName].filter(Boolean).join(' · ') || '—'}
          </Text>
        </Table.Td>
      )}
      <Table.Td style={nowrap}>{dayText(i.issuedOn)}</Table.Td>
      <Table.Td style={nowrap}>
        <Text size="sm" c={i.overdue ? 'red' : undefined} fw={i.overdue ? 600 : undefined}>
          {dayText(i.dueDate)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={nowrap}>{money(i, i.grandTotalMinor)}</Table.Td>
      <Table.Td ta="right" style={nowrap}>{money(i, i.paidMinor)}</Table.Td>
      <Table.Td ta="right" style={nowrap} fw={600}>
        {money(i, i.balanceMinor)}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={statusColor(i)} style={nowrap}>
          {statusLabel(i)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}
