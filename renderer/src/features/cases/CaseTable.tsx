// Cases as rows: C-0042, subject, contact, status, priority and when the next target is due. Used by the cases
// page and (compact) by a contact's or job's Cases section and Today.
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { type CaseListFilter, type CaseListItem, useCaseList } from '../../api/cases';
import { PagedTable } from '../../ui/PagedTable';
import { CATEGORY_COLORS, PRIORITY_COLORS, PRIORITY_LABELS, dueText } from './case-text';

interface Props {
  filter: Partial<CaseListFilter>;
  empty: ReactNode;
  /** Leaves out the contact column (on the contact's own page). */
  hideContact?: boolean;
  label?: string;
}

export function CaseTable({ filter, empty, hideContact, label = 'Cases' }: Props) {
  const now = new Date();
  return (
    <PagedTable
      list={useCaseList(filter)}
      label={label}
      what="cases"
      empty={empty}
      head={
        <>
          <Table.Th w={80}>Case</Table.Th>
          <Table.Th>Subject</Table.Th>
          {!hideContact && <Table.Th>Contact</Table.Th>}
          <Table.Th>Status</Table.Th>
          <Table.Th>Priority</Table.Th>
          <Table.Th>Due</Table.Th>
        </>
      }
      row={(c) => <CaseTableRow key={c.id} c={c} now={now} hideContact={hideContact} />}
    />
  );
}

function CaseTableRow({ c, now, hideContact }: { c: CaseListItem; now: Date; hideContact?: boolean | undefined }) {
  const due = dueText(c, now);
  return (
    <Table.Tr data-row-id={c.id}>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {c.label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} href={`/cases/${c.id}`} size="sm" lineClamp={1}>
          {c.subject}
        </Anchor>
      </Table.Td>
      {!hideContact && (
        <Table.Td>
          <Text size="sm" lineClamp={1}>
            {[c.contactName, c.companyName].filter(Boolean).join(' · ')}
          </Text>
        </Table.Td>
      )}
      <Table.Td>
        <Badge variant="light" color={CATEGORY_COLORS[c.category]} style={{ whiteSpace: 'nowrap' }}>
          {c.statusName}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Badge variant="dot" color={PRIORITY_COLORS[c.priority]}>
          {PRIORITY_LABELS[c.priority]}
        </Badge>
      </Table.Td>
      <Table.Td>
        {due && (
          <Text size="sm" c={due.overdue ? 'red' : due.text === 'paused' ? 'dimmed' : undefined} fw={due.overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
            {due.text}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
