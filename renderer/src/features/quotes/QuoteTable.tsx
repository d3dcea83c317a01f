// Quotes as rows: number (or Draft), title, client, status (Expired derived), total in its currency, valid until.
// Used by the Quotes page and (compact) by a job's or contact's Quotes section.
import { Anchor, Badge, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { formatMoney } from '../../../../shared/domain/money';
import { type QuoteListFilter, useQuoteList } from '../../api/quotes';
import { PagedTable } from '../../ui/PagedTable';
import { STATUS_COLORS, STATUS_LABELS, dayText, quoteLabel, shownStatus } from './quote-text';

interface Props {
  filter: Partial<QuoteListFilter>;
  empty: ReactNode;
  /** Leaves out the client column (on the client's or job's own page). */
  hideClient?: boolean;
  label?: string;
}

export function QuoteTable({ filter, empty, hideClient, label = 'Quotes' }: Props) {
  return (
    <PagedTable
      list={useQuoteList(filter)}
      label={label}
      what="quotes"
      empty={empty}
      head={
        <>
          <Table.Th w={150}>Number</Table.Th>
          <Table.Th>Title</Table.Th>
          {!hideClient && <Table.Th>Client</Table.Th>}
          <Table.Th>Status</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
          <Table.Th>Valid until</Table.Th>
        </>
      }
      row={(q) => {
        const status = shownStatus(q);
        return (
          <Table.Tr key={q.id}>
            <Table.Td>
              <Anchor component={Link} href={`/quotes/${q.id}`} fw={500}>
                {quoteLabel(q)}
              </Anchor>
            </Table.Td>
            <Table.Td>{q.title}</Table.Td>
            {!hideClient && <Table.Td>{[q.contactName, q.companyName].filter(Boolean).join(', ')}</Table.Td>}
            <Table.Td>
              <Badge variant="light" color={STATUS_COLORS[status]}>
                {STATUS_LABELS[status]}
              </Badge>
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(q.grandTotalMinor, q.currency)}
            </Table.Td>
            <Table.Td>{dayText(q.validUntil)}</Table.Td>
          </Table.Tr>
        );
      }}
    />
  );
}
