// The jobs as a sortable, searchable list, a page at a time (keyset paging), for when the board is too wide.
// The user's own fields (issue #19) chosen as columns come last; their header sorts by them.
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { format, parseISO } from 'date-fns';
import { Link } from 'wouter';
import type { CustomSort } from '../../../../shared/domain/custom-record';
import type { FieldDefinition } from '../../../../shared/domain/custom-fields';
import { type JobListFilter, useJobList } from '../../api/jobs';
import { formatMoney } from '../../../../shared/domain/money';
import { CustomSortHeader } from '../../ui/CustomColumns';
import { PagedTable } from '../../ui/PagedTable';
import { customValueText } from '../fields/panels';

interface Props {
  filter: JobListFilter;
  /** Custom fields shown as columns, and the sort by one of them. */
  columns?: readonly FieldDefinition[];
  sortCustom?: CustomSort | undefined;
  onSortCustom?: (sort: CustomSort) => void;
}

const NO_COLUMNS: readonly FieldDefinition[] = [];
const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function JobList({ filter, columns = NO_COLUMNS, sortCustom, onSortCustom }: Props) {
  return (
    <PagedTable
      list={useJobList(filter)}
      label="Jobs"
      what="jobs"
      striped
      empty={
        <Text c="dimmed" p="lg">
          No jobs match.
        </Text>
      }
      head={
        <>
          <Table.Th>Title</Table.Th>
          <Table.Th>Client</Table.Th>
          <Table.Th>Stage</Table.Th>
          <Table.Th ta="right">Value</Table.Th>
          <Table.Th>Due</Table.Th>
          {columns.map((d) => (
            <Table.Th key={d.id} aria-sort={sortCustom?.key === d.key ? ARIA_SORT[sortCustom.direction] : undefined}>
              <CustomSortHeader field={d} sort={sortCustom} onSort={(next) => onSortCustom?.(next)} />
            </Table.Th>
          ))}
        </>
      }
      row={(job) => (
        <Table.Tr key={job.id}>
          <Table.Td>
            <Anchor component={Link} href={`/jobs/${job.id}`} size="sm">
              {job.title}
            </Anchor>
          </Table.Td>
          <Table.Td>{[job.contactName, job.companyName].filter(Boolean).join(' · ')}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={job.category === 'lost' ? 'red' : job.category === 'open' ? 'blue' : 'teal'}>
              {job.stageName}
            </Badge>
          </Table.Td>
          <Table.Td ta="right">{job.amountMinor !== null ? formatMoney(job.amountMinor, job.currency) : ''}</Table.Td>
          <Table.Td>{job.dueDate ? format(parseISO(job.dueDate), 'd MMM yyyy') : ''}</Table.Td>
          {columns.map((d) => (
            <Table.Td key={d.id}>{customValueText(d, job.custom[d.key])}</Table.Td>
          ))}
        </Table.Tr>
      )}
    />
  );
}
