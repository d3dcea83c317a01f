// The records behind a dashboard figure: read from the link's search parameters, validated with the same
// schema main uses, shown as a table whose rows open the contact or job, and exportable as CSV.
import { Alert, Anchor, Button, Center, Loader, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconFileTypeCsv } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearch } from 'wouter';
import { RecordsInput as RecordsSchema } from '../../../../shared/domain/report';
import { type RecordsInput, type ReportTable, useExportCsv, useRecords } from '../../api/reports';
import { notifyError, notifySuccess } from '../../ui/notify';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { formatMoney } from '../../../../shared/domain/money';
import { formatCount, plural } from '../../ui/format';

function parseSearch(search: string): RecordsInput | null {
  const params = Object.fromEntries(new URLSearchParams(search));
  const raw: Record<string, unknown> = { ...params };
  if ('previousYear' in params) raw.previousYear = params.previousYear === 'true';
  const parsed = RecordsSchema.safeParse(raw);
  return parsed.success ? (raw as RecordsInput) : null;
}

export function RecordsPage() {
  const search = useSearch();
  const input = useMemo(() => parseSearch(search), [search]);
  return input ? <Records input={input} /> : <BadLink />;
}

function BadLink() {
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <Empty
          mt="xl"
          title="This list cannot be shown"
          description="The link to these records is incomplete. Open Reports and choose a figure to see the records behind it."
          actions={
            <Button component={Link} href="/reports" variant="light">
              Go to reports
            </Button>
          }
        />
      </div>
    </div>
  );
}

function Records({ input }: { input: RecordsInput }) {
  const records = useRecords(input);
  const exporter = useExportCsv();
  const table = records.data;
  const exportCsv = () =>
    exporter.mutate(input, {
      onSuccess: (result) => result.path && notifySuccess(`${plural(result.rows, 'row')} saved to ${result.path}`),
      onError: notifyError,
    });
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader
          leading={
            <Button component={Link} href="/reports" variant="subtle" leftSection={<IconArrowLeft size={16} />} aria-label="Back to reports">
              Reports
            </Button>
          }
          title={table?.title ?? 'Records'}
          subtitle={`${input.month ?? `${input.from} – ${input.to}`}${input.previousYear ? ', a year earlier' : ''}${table ? ` · ${plural(table.rows.length, 'record')}` : ''}`}
          actions={
            <Button variant="light" leftSection={<IconFileTypeCsv size={16} />} onClick={exportCsv} loading={exporter.isPending} disabled={!table || table.rows.length === 0}>
              Export CSV
            </Button>
          }
        />
        {records.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading records" />
          </Center>
        ) : !table ? null : table.rows.length === 0 ? (
          <Text mt="xl" c="dimmed">
            No records behind this figure in this period.
          </Text>
        ) : (
          <>
            {table.truncated && (
              <Alert mt="md" color="yellow">
                Showing the first {formatCount(table.rows.length)} records. Export CSV for a narrower period to get them all.
              </Alert>
            )}
            <RecordsTable table={table} />
          </>
        )}
      </div>
    </div>
  );
}

function cellText(table: ReportTable, row: ReportTable['rows'][number], i: number): string {
  const cell = row.cells[i];
  if (cell === null || cell === undefined) return '–';
  const kind = table.columns[i]?.kind;
  if (kind === 'money' && typeof cell === 'number') {
    const currency = row.cells[table.columns.findIndex((c) => c.key === 'currency')];
    return typeof currency === 'string' ? formatMoney(cell, currency) : String(cell);
  }
  if (kind === 'datetime' && typeof cell === 'string') return new Date(cell).toLocaleDateString();
  return String(cell);
}

function RecordsTable({ table }: { table: ReportTable }) {
  return (
    <Table mt="md" striped highlightOnHover aria-label={table.title}>
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((c) => (
            <Table.Th key={c.key}>{c.label}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row, r) => (
          <Table.Tr key={`${row.link?.id ?? ''}-${r}`}>
            {table.columns.map((c, i) => (
              <Table.Td key={c.key}>
                {i === 0 && row.link ? (
                  <Anchor component={Link} href={`/${row.link.type === 'job' ? 'jobs' : 'contacts'}/${row.link.id}`}>
                    {cellText(table, row, i)}
                  </Anchor>
                ) : (
                  cellText(table, row, i)
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
